"""Permission-matrix rows for the campaign pages (/app/kortlaegning/), as data for the lead's
tests/test_permission_matrix.py, which runs each row once for every persona;
test_matrix.py in this folder checks that every URL of the namespace has a row.

Personas: anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin (the admin of
København). Everything needs "campaigns.manage" (municipal admins and HR). København's admin holds it in their own
municipality, so the list and the create form answer them (with their own, empty, data), while Aarhus's campaign
is a 404 for them. POSTs to invite and send redirect back to the campaign page.

"needs": "shipped_norm" is the conftest fixture; "aarhus_campaign" is `aarhus_campaign(world)` below: an open
Aarhus campaign with the fixed primary key MATRIX_CAMPAIGN and its invitations (Anna, Bo, Carla), no answers.
Each row is expected to run on a fresh database (POST rows change state).
"""

from __future__ import annotations

from datetime import timedelta

MATRIX_CAMPAIGN = 4242
CAMPAIGN = {"pk": MATRIX_CAMPAIGN}
MISSING = {"pk": 999999}
NEEDS = ["shipped_norm", "aarhus_campaign"]


def aarhus_campaign(world):
    """An open campaign of Aarhus at a known primary key, so the rows can name it."""
    from django.utils import timezone

    from digikomp.assessments.models import Campaign
    from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create
    from tests.assessments.helpers import map_jobs

    map_jobs(world)
    now = timezone.now()
    campaign = campaign_create(municipality=world.aarhus, spec=CampaignSpec(
        name="Matrix", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=14)))
    # Nothing refers to the new row yet (no units, profiles, questions or invitations), so it can be re-keyed.
    Campaign.objects.filter(pk=campaign.pk).update(id=MATRIX_CAMPAIGN)
    invitations_create(campaign=Campaign.objects.get(pk=MATRIX_CAMPAIGN))
    return MATRIX_CAMPAIGN


def statuses(anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin) -> dict:
    return {"anonymous": anonymous, "national_editor": national_editor, "municipal_admin": municipal_admin,
            "hr": hr, "manager": manager, "employee": employee, "provider": provider, "other_admin": other_admin}


# Pages of the requester's own municipality (the list, the create form and its errors).
OWN = statuses(302, 403, 200, 200, 403, 403, 403, 200)
# Aarhus's campaign: København's admin gets 404, as if it did not exist.
AARHUS = statuses(302, 403, 200, 200, 403, 403, 403, 404)
AARHUS_REDIRECT = statuses(302, 403, 302, 302, 403, 403, 403, 404)
NOT_FOUND = statuses(302, 403, 404, 404, 403, 403, 403, 404)
POST_ONLY = statuses(405, 405, 405, 405, 405, 405, 405, 405)


def case(name, kwargs=None, method="get", expected=AARHUS, data=None, needs=NEEDS) -> dict:
    row = {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs)}
    if data is not None:
        row["data"] = data
    return row


CASES = [
    case("campaigns:list", expected=OWN),
    case("campaigns:create", expected=OWN),
    # An empty form comes back with its errors; nothing is created.
    case("campaigns:create", method="post", expected=OWN, data={}),
    case("campaigns:detail", CAMPAIGN),
    case("campaigns:detail", MISSING, expected=NOT_FOUND),
    case("campaigns:invite", CAMPAIGN, "post", AARHUS_REDIRECT),
    case("campaigns:invite", CAMPAIGN, "get", POST_ONLY),
    case("campaigns:send", CAMPAIGN, "post", AARHUS_REDIRECT),
    case("campaigns:send", CAMPAIGN, "get", POST_ONLY),
    # The page that says what exporting means; the export itself (a CSV) needs the scope chosen.
    case("campaigns:links", CAMPAIGN),
    case("campaigns:links", MISSING, expected=NOT_FOUND),
    case("campaigns:links", CAMPAIGN, "post", AARHUS, data={"scope": "all"}),
    case("campaigns:links", CAMPAIGN, "post", statuses(302, 403, 400, 400, 403, 403, 403, 404), data={}),
    case("campaigns:links", MISSING, "post", NOT_FOUND, data={"scope": "all"}),
    # The campaign's life (assessments/lifecycle.py): change it, close it now, delete it (each a page that says
    # what it means, then a POST), the invitation e-mail as a person gets it, and a reminder sent by hand.
    case("campaigns:edit", CAMPAIGN),
    case("campaigns:edit", MISSING, expected=NOT_FOUND),
    # An empty form comes back with its errors; nothing changes.
    case("campaigns:edit", CAMPAIGN, "post", AARHUS, data={}),
    case("campaigns:close", CAMPAIGN),
    case("campaigns:close", MISSING, expected=NOT_FOUND),
    case("campaigns:close", CAMPAIGN, "post", AARHUS_REDIRECT),
    case("campaigns:delete", CAMPAIGN),
    case("campaigns:delete", MISSING, expected=NOT_FOUND),
    case("campaigns:delete", CAMPAIGN, "post", statuses(302, 403, 302, 302, 403, 403, 403, 404)),
    case("campaigns:preview", CAMPAIGN),
    case("campaigns:preview", MISSING, expected=NOT_FOUND),
    case("campaigns:preview", CAMPAIGN, "post", statuses(405, 405, 405, 405, 405, 405, 405, 405)),
    case("campaigns:remind", CAMPAIGN, "post", AARHUS_REDIRECT),
    case("campaigns:remind", MISSING, "post", NOT_FOUND),
    case("campaigns:remind", CAMPAIGN, "get", POST_ONLY),
]
