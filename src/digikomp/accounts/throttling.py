"""Login throttling: django-axes' database handler with a second limit, per address across usernames.

Axes counts failures per lockout parameter list (AXES_LOCKOUT_PARAMETERS: one account from one address) and
compares them with one limit. That stops guessing one account's password, but not password spraying: one wrong
password for each of thirty usernames from one client locks nothing. This handler also adds up every recent
failure from the address, whatever the username, and locks the address once that sum reaches
AXES_ADDRESS_FAILURE_LIMIT; a correct password from the address is refused too until the cool-off has passed.

The address limit is higher than the account's, because many employees of a municipality share one address
behind its firewall. A successful login clears that account's failures (AXES_RESET_ON_SUCCESS) and with them
their part of the address's sum, but not the failures of other usernames, so a sprayer cannot reset the count
with one account of their own.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.conf import settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Sum


class LoginThrottle(AxesDatabaseHandler):
    def address_failures(self, request) -> int:
        """Failed logins from the request's address within the cool-off, over every username."""
        recent = AccessAttempt.objects.filter(ip_address=request.axes_ip_address,
                                              attempt_time__gte=get_cool_off_threshold(request))
        return recent.aggregate(n=Sum("failures_since_start"))["n"] or 0

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """The account's failures, or the account's limit when the address is locked: axes compares this one
        number with AXES_FAILURE_LIMIT, both to refuse a login and to announce a lockout."""
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def client_address(request) -> str | None:
    """The address a login comes from, when DigiKomp runs behind its reverse proxy (BEHIND_PROXY, settings'
    AXES_CLIENT_IP_CALLABLE). Every request then arrives from the proxy, which would put all users under one
    address limit; the client is the last address the proxy appended to X-Forwarded-For. Earlier entries are
    whatever the client claimed and are not trusted."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    return forwarded or request.META.get("REMOTE_ADDR")
