"""The API's side of handed-out links: POST .../campaigns/{id}/links exports answer-only links (logged, marked),
and through such a link /api/v1/survey/{token} answers the questionnaire while the saved answers, the result
and the consent need the person's own token or a one-time code (POST .../code, POST .../verify)."""

import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from digikomp.assessments.links import VERIFICATION_HEADER, exported_token, links_export, resolve
from digikomp.assessments.mail import personal_link
from digikomp.assessments.models import Campaign, Draft, Invitation, Response, VerificationCode
from digikomp.assessments.services import response_submit
from digikomp.assessments.tokens import token_for
from digikomp.audit.models import AuditEntry
from tests.assessments.helpers import full_answers, invited_campaign

HEADER = "HTTP_" + VERIFICATION_HEADER.upper().replace("-", "_")


@pytest.fixture
def campaign(shipped_norm, world):
    return invited_campaign(world)


@pytest.fixture
def anna(campaign, world):
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


@pytest.fixture
def exported(campaign, anna, world) -> str:
    links_export(campaign=campaign, scope="all", actor=world.user("hr"))
    anna.refresh_from_db()
    return exported_token(anna)


def links_url(campaign) -> str:
    return f"/api/v1/municipalities/751/campaigns/{campaign.pk}/links"


def url(token: str, tail: str = "") -> str:
    return f"/api/v1/survey/{token}{tail}"


def verified(api, token: str) -> str:
    """Ask for a code through the link, read it from Anna's mailbox, and trade it for a verification value."""
    assert api.post(url(token, "/code")).status_code == 202
    code = re.search(r"Din kode: (\d{6})", mail.outbox[-1].body).group(1)
    answer = api.post(url(token, "/verify"), {"code": code}, format="json")
    assert answer.status_code == 200 and answer.json()["header"] == VERIFICATION_HEADER
    return answer.json()["verification"]


# --- The export ------------------------------------------------------------------------------------------------


def test_hr_exports_answer_only_links_and_the_export_is_logged(api_for, campaign, world):
    response = api_for("hr").post(links_url(campaign), {"scope": "all"}, format="json")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["scope"] == "all" and data["new"] == 3
    rows = {row["person"]: row for row in data["links"]}
    assert sorted(rows) == ["P1", "P2", "P3"]
    for invitation in Invitation.objects.filter(campaign=campaign).select_related("person"):
        row = rows[invitation.person.external_id]
        assert resolve(row["token"]) == (invitation, True)
        assert row["link"].endswith(f"/svar/{row['token']}/") and row["link"] != personal_link(invitation)
        assert invitation.public_id not in response.content.decode()
        assert invitation.links_exported_at is not None
    assert rows["P1"]["unit"] == "Hjemmeplejen Nord" and rows["P1"]["email"] == "anna@aarhus.example"
    entry = AuditEntry.objects.get(action="campaign.links_export")
    assert entry.actor == world.user("hr") and entry.data == {"scope": "all", "links": 3, "new": 3}


def test_only_people_without_an_address_and_the_same_link_twice(api_for, campaign):
    first = api_for("municipal_admin").post(links_url(campaign), {"scope": "without_email"}, format="json").json()
    assert [row["person"] for row in first["links"]] == ["P3"]  # Carla has no e-mail address
    again = api_for("hr").post(links_url(campaign), {"scope": "without_email"}, format="json").json()
    assert again["new"] == 0 and again["links"][0]["token"] == first["links"][0]["token"]


@pytest.mark.parametrize("body, field", [({}, "scope"), ({"scope": "everybody"}, "scope")])
def test_the_scope_must_be_chosen(api_for, campaign, body, field):
    response = api_for("hr").post(links_url(campaign), body, format="json")
    assert response.status_code == 400 and field in response.json()["errors"]
    assert not Invitation.objects.filter(links_exported_at__isnull=False).exists()


def test_a_closed_campaign_exports_nothing(api_for, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now())
    response = api_for("hr").post(links_url(campaign), {"scope": "all"}, format="json")
    assert response.status_code == 400 and "campaign" in response.json()["errors"]


@pytest.mark.parametrize("persona, status", [("manager", 404), ("employee", 404), ("other_admin", 404),
                                             ("anonymous", 401)])
def test_only_the_municipality_s_admins_and_hr_export(api_for, campaign, persona, status):
    response = api_for(persona).post(links_url(campaign), {"scope": "all"}, format="json")
    assert response.status_code == status and "svar" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="campaign.links_export").exists()


# --- Through an exported link ----------------------------------------------------------------------------------


def test_the_questionnaire_says_the_link_only_answers_and_hides_the_draft(api_for, anna, exported, token_api):
    draft_body = {"answers": dict(list(full_answers(anna)["answers"].items())[:2])}
    assert token_api.put(url(token_for(anna.public_id), "/draft"), draft_body, format="json").status_code == 200
    hr = api_for("hr").get(url(exported)).json()
    assert hr["answer_only"] is True and hr["status"] == "in_progress" and hr["draft"] == {}
    mailed = token_api.get(url(token_for(anna.public_id))).json()
    assert mailed["answer_only"] is False and mailed["draft"]["answers"] == draft_body["answers"]
    # A save through the exported link starts over: it replaces what was saved.
    assert api_for("hr").put(url(exported, "/draft"), {"answers": {}}, format="json").status_code == 200
    assert Draft.objects.get(invitation=anna).data["answers"] == {}


def test_a_code_is_the_person_s_way_in_through_the_api(token_api, anna, exported):
    response_submit(invitation=anna, body=full_answers(anna, level=1))
    assert token_api.get(url(exported, "/result")).status_code == 403
    value = verified(token_api, exported)
    assert mail.outbox[-1].to == ["anna@aarhus.example"]
    result = token_api.get(url(exported, "/result"), **{HEADER: value})
    assert result.status_code == 200 and result.json()["competences"]
    shared = token_api.put(url(exported, "/consent"), {"share_with_manager": True}, format="json", **{HEADER: value})
    assert shared.status_code == 200 and Response.objects.get(invitation=anna).share_with_manager
    assert AuditEntry.objects.get(action="response.consent").data == {"share_with_manager": True, "proof": "code"}
    stopped = token_api.put(url(exported, "/consent"), {"share_with_manager": False}, format="json",
                            **{HEADER: value})
    assert stopped.json() == {"share_with_manager": False}
    assert not Response.objects.get(invitation=anna).share_with_manager


def test_a_verification_opens_the_draft_and_allows_sharing_at_submission(token_api, anna, exported):
    value = verified(token_api, exported)
    saved = token_api.put(url(exported, "/draft"), {"answers": {}, "share_with_manager": True}, format="json",
                          **{HEADER: value})
    assert saved.status_code == 200
    assert token_api.get(url(exported), **{HEADER: value}).json()["draft"]["share_with_manager"] is True
    done = token_api.post(url(exported, "/submit"), full_answers(anna) | {"share_with_manager": True},
                          format="json", HTTP_IDEMPOTENCY_KEY="k", **{HEADER: value})
    assert done.status_code == 201 and Response.objects.get(invitation=anna).share_with_manager


def test_a_verification_is_for_one_invitation_and_a_while(token_api, campaign, anna, exported, world,
                                                          monkeypatch):
    value = verified(token_api, exported)
    bo = Invitation.objects.get(campaign=campaign, person=world.people["bo"])
    response_submit(invitation=bo, body=full_answers(bo))
    response_submit(invitation=anna, body=full_answers(anna))
    assert token_api.get(url(exported_token(bo), "/result"), **{HEADER: value}).status_code == 403
    assert token_api.get(url(exported, "/result"), **{HEADER: value}).status_code == 200
    later = signing.time.time() + 31 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert token_api.get(url(exported, "/result"), **{HEADER: value}).status_code == 403


def test_a_wrong_code_is_refused_by_field(token_api, exported):
    token_api.post(url(exported, "/code"))
    code = re.search(r"Din kode: (\d{6})", mail.outbox[-1].body).group(1)
    wrong = "1" * 6 if code != "1" * 6 else "2" * 6
    response = token_api.post(url(exported, "/verify"), {"code": wrong}, format="json")
    assert response.status_code == 400 and "Koden er forkert" in response.json()["errors"]["code"]  # Danish first
    assert token_api.post(url(exported, "/verify"), {}, format="json").json()["errors"]["code"]
    assert token_api.post(url(exported, "/verify"), "[]", content_type="application/json").status_code == 400


def test_the_hourly_limit_of_codes_answers_429(token_api, exported):
    statuses = [token_api.post(url(exported, "/code")).status_code for _attempt in range(6)]
    assert statuses == [202] * 5 + [429] and len(mail.outbox) == 5


def test_an_e_mailed_link_needs_no_code(token_api, anna):
    mailed = token_for(anna.public_id)
    assert token_api.post(url(mailed, "/code")).status_code == 409
    assert token_api.post(url(mailed, "/verify"), {"code": "123456"}, format="json").status_code == 409
    assert not VerificationCode.objects.exists() and not mail.outbox


def test_consent_needs_a_submission_and_a_boolean(token_api, anna):
    mailed = token_for(anna.public_id)
    assert token_api.put(url(mailed, "/consent"), {"share_with_manager": True}, format="json").status_code == 404
    response_submit(invitation=anna, body=full_answers(anna))
    bad = token_api.put(url(mailed, "/consent"), {"share_with_manager": "perhaps"}, format="json")
    assert bad.status_code == 400 and "share_with_manager" in bad.json()["errors"]
    assert token_api.put(url(mailed, "/consent"), {}, format="json").status_code == 400
    assert not Response.objects.get(invitation=anna).share_with_manager


@pytest.fixture
def token_api():
    from rest_framework.test import APIClient

    return APIClient()
