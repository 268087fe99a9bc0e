"""What a view of a campaign's figures is about: the campaign (or another wave of its series), the unit, and
optionally one profile. The heatmap pages, their exports and the API resolve it here, so a parameter means the
same everywhere:

- the campaign and the unit are fetched through the requester's access: one outside it is a 404, the same as
  one that does not exist;
- `wave` is the wave's number in the campaign's series (1, 2, ...), on the page (`?runde=2`) as in the API
  (`?wave=2`);
- `profile` is the id of a profile the campaign invited people with;
- a wave or profile the campaign does not have, or a value that is no number, is a refused request (400) that
  names the parameter: a ScopeError.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from digikomp.assessments.campaigns import selectors as campaigns
from digikomp.assessments.models import Campaign
from digikomp.lib.errors import ServiceError
from digikomp.tenancy import selectors as tenancy
from digikomp.tenancy.access import Access
from digikomp.tenancy.models import OrgUnit


class ScopeError(ServiceError):
    """A wave, profile or missing unit the request named wrongly; keyed "wave", "profile" or "unit"."""


@dataclass(frozen=True)
class Scope:
    campaign: Campaign
    unit: OrgUnit
    profile_id: int | None
    profile_name: str
    profiles: list[tuple[int, str]]  # (id, name) of the profiles the campaign invited people with
    waves: list[Campaign]  # the campaign's series, oldest first


def _number(raw, name: str) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    if not text.isdigit() or len(text) > 9:
        raise ScopeError({name: _("Give a whole number.")})
    return int(text)


def resolve(access: Access, pk: int, *, unit: str | None = None, profile=None, wave=None) -> Scope:
    """The scope a request names, or Http404 (campaign, unit) or ScopeError (wave, profile, no unit)."""
    campaign = campaigns.get_campaign(access, pk)
    waves = campaigns.waves_of(campaign)
    number = _number(wave, "wave")
    if number is not None and number != campaign.wave:
        campaign = next((w for w in waves if w.wave == number), None)
        if campaign is None:
            raise ScopeError({"wave": _("The campaign's series has no wave %(number)s.") % {"number": number}})
    if unit:
        unit_obj = tenancy.get_unit(access, unit)
    else:
        tops = list(tenancy.top_units(access).order_by("name", "pk")[:2])
        if len(tops) != 1:
            raise ScopeError({"unit": _("Name the unit by its external id.")})
        unit_obj = tops[0]
    profiles = [(p.pk, name) for p, name in campaigns.campaign_profiles(campaign)]
    profile_id = _number(profile, "profile")
    profile_name = ""
    if profile_id is not None:
        names = dict(profiles)
        if profile_id not in names:
            raise ScopeError({"profile": _("Nobody was invited with this profile in this wave.")})
        profile_name = names[profile_id]
    return Scope(campaign, unit_obj, profile_id, profile_name, profiles, waves)
