"""When a campaign may open and close: the one rule for its dates, used by campaign_create (the API, the
commands) and by the campaign form (assessments/campaigns/forms.py) before it turns days into times.

Both dates lie between 1 January 2000 and two years from now, and a campaign closes after it opens. A year
like 361 or 3804 is a typing mistake, not a plan: stored, it came back in no form RFC 3339 allows (times
before 1900 carry Copenhagen's local mean time, +00:50:20), and a campaign dated far ahead would for years be
its municipality's "latest". Pages that pick a municipality's latest campaign still count only campaigns that
have opened; this rule only bounds how far off the dates can be.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

EARLIEST = date(2000, 1, 1)
AHEAD = timedelta(days=2 * 365 + 1)  # two years, leap day included


def _bounds(now: datetime | None = None) -> tuple[datetime, datetime]:
    now = now or timezone.now()
    return timezone.make_aware(datetime.combine(EARLIEST, time.min)), now + AHEAD


def _out_of_range(latest: datetime) -> str:
    return _("Choose a date from %(earliest)s to %(latest)s.") % {
        "earliest": date_format(EARLIEST), "latest": date_format(timezone.localtime(latest).date())}


def day_error(day: date, *, now: datetime | None = None) -> str | None:
    """The message for a day outside the range, for a form's date field; None for a day inside it."""
    earliest, latest = _bounds(now)
    if earliest.date() <= day <= timezone.localtime(latest).date():
        return None
    return _out_of_range(latest)


def date_errors(opens_at: datetime, closes_at: datetime, *, now: datetime | None = None) -> dict[str, str]:
    """{"opens_at" / "closes_at": message} for dates the rule refuses; empty when both are fine."""
    earliest, latest = _bounds(now)
    errors = {field: _out_of_range(latest) for field, value in (("opens_at", opens_at), ("closes_at", closes_at))
              if not earliest <= value <= latest}
    if not errors and closes_at <= opens_at:
        errors["closes_at"] = _("The campaign must close after it opens.")
    return errors
