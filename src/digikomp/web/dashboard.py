"""What the dashboard tells each role about the parts of DigiKomp that are still on their way.

Kept as data beside the navigation so a role that can do nothing yet still gets a friendly, specific answer,
and so each line can be removed the day its feature lands in NAV_ITEMS.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digikomp.tenancy.roles import Role

COMING: dict[str, list[Promise]] = {
    Role.NATIONAL_EDITOR: [],
    Role.MUNICIPAL_ADMIN: [],
    Role.HR: [
        _("Plan development activities from the gaps the mappings show."),
    ],
    Role.MANAGER: [
        _("Plan your team's development with learning offers that match its gaps."),
    ],
    Role.EMPLOYEE: [
        _("Suggested learning for your gaps."),
        _("Keep your own development plan. Your answers stay yours; your manager sees only anonymous "
          "totals."),
    ],
    Role.PROVIDER: [
        _("Maintain your learning offers and link them to competences and levels."),
        _("See, anonymously, where municipalities need more learning."),
    ],
}


def coming_for(roles) -> list[Promise]:
    """The upcoming features for these roles, each sentence once, in the order of Role."""
    seen: list[Promise] = []
    for role in Role:
        if role in roles:
            for line in COMING[role]:
                if line not in seen:
                    seen.append(line)
    return seen
