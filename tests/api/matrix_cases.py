"""Permission-matrix rows for API v1's norm and survey endpoints, as data for tests/test_permission_matrix.py
(rows with "api": True run with each persona's token). test_norm_matrix.py in this folder checks that every
endpoint of theirs has a row in both spellings.

- The norm is public: every persona, anonymous included, gets the same answer.
- Campaigns need "campaigns.manage" in the municipality of the URL (Aarhus's admin and HR); everyone else who
  is logged in gets 404, anonymous 401. København's admin gets 200 for København's own (empty) list.
- The heatmap needs "insights.view": the manager too, for SOC (the unit they lead) but not for AAR.
- The respondent's endpoints take no login: the token is the key, so a token (real or guessed) gets the same
  answer whoever sends it. Except through a link the municipality exported (EXPORTED): it only answers, and
  the result is the person's alone, so only Anna's own token ("employee") reads it.

"needs" names `shipped_norm` (the conftest fixture) or a function of this module called with the world:
`aarhus_campaign` (the campaigns matrix's open Aarhus campaign at a fixed id, with Anna, Bo and Carla invited)
and `anna_link`, which also gives Anna's invitation the fixed public id of TOKEN; `anna_answered`, which also
submits Anna's answers and exports her link at the fixed public id of EXPORTED; `local_profile` is a local
Aarhus profile at a fixed id.
"""

from __future__ import annotations

from digikomp.assessments.tokens import token_for
from tests.campaigns.matrix_cases import MATRIX_CAMPAIGN
from tests.campaigns.matrix_cases import aarhus_campaign as _aarhus_campaign

PERSONAS = ("anonymous", "national_editor", "municipal_admin", "hr", "manager", "employee", "provider",
            "other_admin")
MATRIX_PUBLIC_ID = "matrixAnnaPublicId0000"
TOKEN = token_for(MATRIX_PUBLIC_ID)  # computed under the test settings' SECRET_KEY, as the views check it
MATRIX_EXPORTED_ID = "matrixAnnaExported0000"
EXPORTED = token_for(MATRIX_EXPORTED_ID)
GUESSED = "abcdef.0123456789"
LOCAL_PROFILE = 4243
MODEL = "kommunernes-digitale-kompetencemodel"


def aarhus_campaign(world):
    return _aarhus_campaign(world)


def anna_link(world):
    from digikomp.assessments.models import Invitation

    _aarhus_campaign(world)
    Invitation.objects.filter(campaign_id=MATRIX_CAMPAIGN, person=world.people["anna"]).update(
        public_id=MATRIX_PUBLIC_ID)


def anna_answered(world):
    from django.utils import timezone

    from digikomp.assessments.models import Invitation
    from digikomp.assessments.services import response_submit

    anna_link(world)
    invitation = Invitation.objects.get(campaign_id=MATRIX_CAMPAIGN, person=world.people["anna"])
    response_submit(invitation=invitation, body={"answers": {i: 2 for i in invitation.requirements}})
    Invitation.objects.filter(pk=invitation.pk).update(export_public_id=MATRIX_EXPORTED_ID,
                                                       links_exported_at=timezone.now())


def local_profile(world):
    from digikomp.profiles.models import Profile, ProfileRevision

    base = Profile.objects.get(owner__isnull=True, slug="social-og-sundhedsassistent")
    profile = Profile.objects.create(pk=LOCAL_PROFILE, owner=world.aarhus, slug="velfaerdsteknolog",
                                     framework=base.framework)
    ProfileRevision.objects.create(profile=profile, release=None, extends=base, name_da="Velfærdsteknolog")


def statuses(anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin) -> dict:
    return dict(zip(PERSONAS, (anonymous, national_editor, municipal_admin, hr, manager, employee, provider,
                               other_admin)))


def everyone(status: int) -> dict:
    return {persona: status for persona in PERSONAS}


AARHUS, KBH = {"code": "751"}, {"code": "101"}
CAMPAIGN = {"code": "751", "pk": MATRIX_CAMPAIGN}
CAMPAIGN_KBH = {"code": "101", "pk": MATRIX_CAMPAIGN}
MISSING = {"code": "751", "pk": 999999}
# Aarhus's campaigns: admin and HR; København's admin and every other role get 404, anonymous 401.
MANAGE = statuses(401, 404, 200, 200, 404, 404, 404, 404)
MANAGE_MISSING = statuses(401, 404, 404, 404, 404, 404, 404, 404)
OWN_LIST = statuses(401, 404, 200, 200, 404, 404, 404, 200)
INSIGHTS = statuses(401, 404, 200, 200, 200, 404, 404, 404)
INSIGHTS_ABOVE_MANAGER = statuses(401, 404, 200, 200, 404, 404, 404, 404)
CAMPAIGN_NEEDS = ["shipped_norm", "aarhus_campaign"]
ANSWERED = ["shipped_norm", "anna_answered"]


def row(name, kwargs=None, method="get", expected=None, data=None, needs=()) -> dict:
    found = {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs),
             "api": True}
    if data is not None:
        found["data"] = data
    return found


CASES = [
    # --- The norm: public ---------------------------------------------------------------------------------
    row("api:frameworks", expected=everyone(200), needs=["shipped_norm"]),
    row("api:frameworks-slash", expected=everyone(200), needs=["shipped_norm"]),
    row("api:frameworks", method="post", expected=everyone(405), needs=["shipped_norm"]),
    row("api:framework", {"slug": MODEL}, expected=everyone(200), needs=["shipped_norm"]),
    row("api:framework-slash", {"slug": MODEL}, expected=everyone(200), needs=["shipped_norm"]),
    row("api:framework", {"slug": "no-such-model"}, expected=everyone(404), needs=["shipped_norm"]),
    row("api:framework_case", {"slug": MODEL, "version": "1.0"}, expected=everyone(200), needs=["shipped_norm"]),
    row("api:framework_case-slash", {"slug": MODEL, "version": "1.0"}, expected=everyone(200),
        needs=["shipped_norm"]),
    row("api:framework_case", {"slug": MODEL, "version": "9.9"}, expected=everyone(404), needs=["shipped_norm"]),
    row("api:profiles", expected=everyone(200), needs=["shipped_norm"]),
    row("api:profiles-slash", expected=everyone(200), needs=["shipped_norm"]),
    row("api:profiles", data={"owner": "751"}, expected=everyone(200), needs=["shipped_norm"]),
    row("api:profiles", data={"owner": "kommune"}, expected=everyone(400), needs=["shipped_norm"]),
    row("api:profiles", data={"owner": "999"}, expected=everyone(404), needs=["shipped_norm"]),
    row("api:profile", {"pk": LOCAL_PROFILE}, expected=everyone(200), needs=["shipped_norm", "local_profile"]),
    row("api:profile-slash", {"pk": LOCAL_PROFILE}, expected=everyone(200),
        needs=["shipped_norm", "local_profile"]),
    row("api:profile", {"pk": 999999}, expected=everyone(404), needs=["shipped_norm"]),
    # --- Campaigns --------------------------------------------------------------------------------------
    row("api:campaigns", AARHUS, expected=MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaigns", KBH, expected=statuses(401, 404, 404, 404, 404, 404, 404, 200), needs=CAMPAIGN_NEEDS),
    row("api:campaigns-slash", AARHUS, expected=MANAGE, needs=CAMPAIGN_NEEDS),
    # An empty body is refused with its field errors; nothing is created.
    row("api:campaigns", AARHUS, "post", statuses(401, 404, 400, 400, 404, 404, 404, 404), data={},
        needs=CAMPAIGN_NEEDS),
    row("api:campaign", CAMPAIGN, expected=MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign-slash", CAMPAIGN, expected=MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign", CAMPAIGN_KBH, expected=MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    row("api:campaign", MISSING, expected=MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    # The campaign's life: nobody has answered the matrix campaign, so it may be deleted (204) and changed
    # (an empty PATCH changes nothing: 200); closing it now answers with the closed campaign; a reminder is
    # refused by field (400) because its invitation e-mails have not gone yet.
    row("api:campaign", CAMPAIGN, "delete", statuses(401, 404, 204, 204, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign", CAMPAIGN_KBH, "delete", MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    row("api:campaign", CAMPAIGN, "patch", MANAGE, data={}, needs=CAMPAIGN_NEEDS),
    row("api:campaign", CAMPAIGN_KBH, "patch", MANAGE_MISSING, data={}, needs=CAMPAIGN_NEEDS),
    row("api:campaign_close", CAMPAIGN, "post", MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign_close-slash", CAMPAIGN, "post", MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign_close", CAMPAIGN, "get", statuses(401, 404, 405, 405, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_close", CAMPAIGN_KBH, "post", MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    row("api:campaign_reminders", CAMPAIGN, "post", statuses(401, 404, 400, 400, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_reminders-slash", CAMPAIGN, "post", statuses(401, 404, 400, 400, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_reminders", CAMPAIGN, "get", statuses(401, 404, 405, 405, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_reminders", MISSING, "post", MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    # Everyone in the audience is invited already: 200 with the invitations' status (never a link), nothing new.
    row("api:campaign_invitations", CAMPAIGN, "post", MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign_invitations-slash", CAMPAIGN, "post", MANAGE, needs=CAMPAIGN_NEEDS),
    row("api:campaign_invitations", CAMPAIGN, "get", statuses(401, 404, 405, 405, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_invitations", MISSING, "post", MANAGE_MISSING, needs=CAMPAIGN_NEEDS),
    # Exporting answer-only links: admin and HR, with the scope chosen (an empty body is refused by field).
    row("api:campaign_links", CAMPAIGN, "post", MANAGE, data={"scope": "all"}, needs=CAMPAIGN_NEEDS),
    row("api:campaign_links-slash", CAMPAIGN, "post", MANAGE, data={"scope": "without_email"},
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_links", CAMPAIGN, "post", statuses(401, 404, 400, 400, 404, 404, 404, 404), data={},
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_links", CAMPAIGN, "get", statuses(401, 404, 405, 405, 404, 404, 404, 404),
        needs=CAMPAIGN_NEEDS),
    row("api:campaign_links", MISSING, "post", MANAGE_MISSING, data={"scope": "all"}, needs=CAMPAIGN_NEEDS),
    row("api:campaign_links", CAMPAIGN_KBH, "post", MANAGE_MISSING, data={"scope": "all"}, needs=CAMPAIGN_NEEDS),
    row("api:campaign_heatmap", CAMPAIGN, data={"unit": "SOC"}, expected=INSIGHTS, needs=CAMPAIGN_NEEDS),
    row("api:campaign_heatmap", CAMPAIGN, data={"unit": "AAR"}, expected=INSIGHTS_ABOVE_MANAGER,
        needs=CAMPAIGN_NEEDS),
    # Without a unit: the one top unit the requester sees from (AAR, or SOC for the manager).
    row("api:campaign_heatmap", CAMPAIGN, expected=INSIGHTS, needs=CAMPAIGN_NEEDS),
    row("api:campaign_heatmap-slash", CAMPAIGN, data={"unit": "SOC"}, expected=INSIGHTS, needs=CAMPAIGN_NEEDS),
    row("api:campaign_heatmap", CAMPAIGN_KBH, data={"unit": "SOC"},
        expected=statuses(401, 404, 404, 404, 404, 404, 404, 404), needs=CAMPAIGN_NEEDS),
    # --- The respondent's side: the token, not the login, decides ------------------------------------------
    row("api:survey", {"token": TOKEN}, expected=everyone(200), needs=["shipped_norm", "anna_link"]),
    row("api:survey-slash", {"token": TOKEN}, expected=everyone(200), needs=["shipped_norm", "anna_link"]),
    row("api:survey", {"token": GUESSED}, expected=everyone(404)),
    row("api:survey_draft", {"token": GUESSED}, "put", everyone(404)),
    row("api:survey_draft-slash", {"token": GUESSED}, "put", everyone(404)),
    row("api:survey_submit", {"token": GUESSED}, "post", everyone(404)),
    row("api:survey_submit-slash", {"token": GUESSED}, "post", everyone(404)),
    row("api:survey_submit", {"token": TOKEN}, "get", everyone(405), needs=["shipped_norm", "anna_link"]),
    # Nothing submitted yet: no result.
    row("api:survey_result", {"token": TOKEN}, expected=everyone(404), needs=["shipped_norm", "anna_link"]),
    row("api:survey_result-slash", {"token": GUESSED}, expected=everyone(404)),
    # Answered: the e-mailed link reads the result; an exported one only with Anna's own token ("employee").
    row("api:survey_result", {"token": TOKEN}, expected=everyone(200), needs=ANSWERED),
    row("api:survey_result", {"token": EXPORTED}, expected=statuses(403, 403, 403, 403, 403, 200, 403, 403),
        needs=ANSWERED),
    row("api:survey_consent", {"token": GUESSED}, "put", everyone(404)),
    row("api:survey_consent-slash", {"token": GUESSED}, "put", everyone(404)),
    row("api:survey_consent", {"token": EXPORTED}, "get", everyone(405), needs=ANSWERED),
    # A code goes to Anna's own address, whoever asks; the e-mailed link needs none.
    row("api:survey_code", {"token": EXPORTED}, "post", everyone(202), needs=ANSWERED),
    row("api:survey_code", {"token": TOKEN}, "post", everyone(409), needs=ANSWERED),
    row("api:survey_code", {"token": GUESSED}, "post", everyone(404)),
    row("api:survey_code-slash", {"token": GUESSED}, "post", everyone(404)),
    row("api:survey_verify", {"token": TOKEN}, "post", everyone(409), needs=ANSWERED),
    row("api:survey_verify", {"token": GUESSED}, "post", everyone(404)),
    row("api:survey_verify-slash", {"token": GUESSED}, "post", everyone(404)),
    # Any other path under /api/: the API's JSON 404, for everyone.
    row("api_not_found", expected=everyone(404)),
]
