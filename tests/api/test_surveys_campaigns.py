"""POST/GET /api/v1/municipalities/{code}/campaigns, GET .../campaigns/{id} and POST .../invitations: campaigns
as municipal admins and HR run them through the API. The export of links is in test_surveys_links.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from digikomp.assessments.mail import personal_link
from digikomp.assessments.models import Campaign, CustomQuestion, Invitation
from digikomp.audit.models import AuditEntry
from digikomp.profiles.models import Profile
from tests.assessments.helpers import map_jobs
from tests.campaigns.helpers import answered_campaign, populate

AARHUS = "/api/v1/municipalities/751/campaigns"


@pytest.fixture
def mapped(shipped_norm, world):
    map_jobs(world)
    return world


def body(**overrides) -> dict:
    now = timezone.now()
    data = {"name": "Kortlægning 2026", "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat()}
    data.update(overrides)
    return data


def create(api_for, persona="hr", **overrides):
    return api_for(persona).post(AARHUS, body(**overrides), format="json")


def test_hr_creates_a_campaign_with_everything_set(api_for, mapped):
    assistant = Profile.objects.get(owner__isnull=True, slug="social-og-sundhedsassistent")
    response = create(api_for, series="Kortlægning", units=["SOC"], profiles=[assistant.pk], anonymity_k=7,
                      knowledge_checks=True, reminder_days=[7, 3],
                      custom_questions=[{"kind": "scale", "text_da": "Hvor tryg er du?", "text_en": "How sure?"},
                                        {"kind": "text", "text_da": "Hvad mangler du?"}])
    assert response.status_code == 201, response.content
    data = response.json()
    campaign = Campaign.objects.get()
    assert response["Location"] == f"http://testserver{AARHUS}/{campaign.pk}"
    assert data["id"] == campaign.pk and data["series"] == "Kortlægning" and data["wave"] == 1
    assert data["status"] == "open" and data["units"] == ["SOC"] and data["profiles"] == [assistant.pk]
    assert data["anonymity_k"] == 7 and data["knowledge_checks"] is True and data["reminder_days"] == [3, 7]
    assert data["framework"] == "kommunernes-digitale-kompetencemodel" and data["release"] == "1.0"
    assert [(q["position"], q["kind"], q["text_da"]) for q in data["custom_questions"]] == [
        (1, "scale", "Hvor tryg er du?"), (2, "text", "Hvad mangler du?")]
    assert data["counts"] == {"invited": 0, "responded": 0}
    assert campaign.created_by == mapped.user("hr") and campaign.municipality == mapped.aarhus
    assert AuditEntry.objects.filter(action="campaign.create", object_id=str(campaign.pk)).exists()


def test_the_defaults_apply_when_left_out(api_for, mapped, settings):
    settings.DIGIKOMP_ANONYMITY_K = 6
    data = create(api_for, "municipal_admin").json()
    assert data["anonymity_k"] == 6 and data["series"] == "Kortlægning 2026" and data["units"] == []
    assert data["custom_questions"] == [] and data["knowledge_checks"] is False


def test_a_second_campaign_in_the_series_is_the_next_wave(api_for, mapped):
    create(api_for, series="Kortlægning")
    assert create(api_for, name="Kortlægning 2027", series="Kortlægning").json()["wave"] == 2


@pytest.mark.parametrize("overrides, field", [
    ({"name": ""}, "name"),
    ({"closes_at": (timezone.now() - timedelta(days=2)).isoformat()}, "closes_at"),  # before it opens
    ({"anonymity_k": 2}, "anonymity_k"),
    ({"opens_at": "next tuesday"}, "opens_at"),
    ({"units": ["NO-SUCH-UNIT"]}, "units"),
    ({"units": ["KBH"]}, "units"),  # København's unit
    ({"profiles": [999999]}, "profiles"),
    ({"reminder_days": [-1]}, "reminder_days.1"),
    ({"custom_questions": [{"kind": "essay", "text_da": "?"}]}, "custom_questions.1.kind"),
    ({"custom_questions": [{"kind": "text", "text_da": "x"}] * 9}, "custom_questions"),
    ({"knowledge_checks": "maybe"}, "knowledge_checks"),
])
def test_bad_input_is_400_with_the_field_named_and_nothing_stored(api_for, mapped, overrides, field):
    response = create(api_for, **overrides)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert field in errors and isinstance(errors[field], str) and errors[field]
    assert not Campaign.objects.exists()


def test_several_field_errors_come_together(api_for, mapped):
    response = api_for("hr").post(AARHUS, {"units": ["NOPE"], "profiles": [999999]}, format="json")
    assert response.status_code == 400
    assert {"name", "opens_at", "closes_at", "units", "profiles"} <= set(response.json()["errors"])


def test_another_municipalitys_local_profile_is_refused(api_for, mapped):
    laerer = Profile.objects.get(owner__isnull=True, slug="laerer")
    theirs = Profile.objects.create(owner=mapped.kobenhavn, slug="bibliotekar-kbh", framework=laerer.framework)
    response = create(api_for, profiles=[laerer.pk, theirs.pk])
    assert response.status_code == 400 and str(theirs.pk) in response.json()["errors"]["profiles"]


def test_without_a_published_norm_the_service_refuses(api_for, world):
    response = create(api_for)
    assert response.status_code == 400 and "release" in response.json()["errors"]


@pytest.mark.parametrize("persona, status", [
    ("manager", 404), ("employee", 404), ("national_editor", 404), ("provider", 404), ("other_admin", 404),
    ("anonymous", 401),
])
def test_only_admins_and_hr_of_the_municipality_may_create(api_for, mapped, persona, status):
    assert create(api_for, persona).status_code == status
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("municipality_k, asked", [(None, 4), (8, 7), (8, 3)])
def test_a_campaign_may_not_lower_the_municipality_s_threshold(api_for, mapped, world, municipality_k, asked):
    """The national floor is 5; a municipality may raise it; a campaign may raise it further, never lower it."""
    world.aarhus.anonymity_k = municipality_k
    world.aarhus.save()
    response = create(api_for, anonymity_k=asked)
    assert response.status_code == 400
    floor = municipality_k or 5
    assert response.json()["errors"]["anonymity_k"] == (  # the API speaks Danish by default
        f"Anonymitetsgrænsen kan ikke være lavere end kommunens, som er {floor}. En kortlægning kan hæve den, ikke "
        "sænke den.")
    assert not Campaign.objects.exists()
    assert create(api_for, anonymity_k=floor + 1).json()["anonymity_k"] == floor + 1


def test_the_list_and_the_detail_carry_aggregate_counts_only(api_for, world, shipped_norm, settings):
    settings.DIGIKOMP_ANONYMITY_K = 3
    populate(world)
    campaign = answered_campaign(world)
    [listed] = api_for("hr").get(AARHUS).json()["results"]
    detail = api_for("municipal_admin").get(f"{AARHUS}/{campaign.pk}")
    assert detail.status_code == 200 and detail.json() == listed
    invited = Invitation.objects.filter(campaign=campaign).count()
    # Everyone but Carla answered; the two at the school (BOU) are a group below k = 3 that nothing pools with,
    # so the released count leaves them out.
    assert listed["counts"] == {"invited": invited, "responded": invited - 3}
    text = detail.content.decode()
    for person in ("Anna", "Carla", "P1", "H0"):
        assert person not in text


def test_a_responded_count_below_k_is_withheld(api_for, world, shipped_norm):
    map_jobs(world)
    campaign = answered_campaign(world, anonymity_k=5)  # Anna and Bo answer: 2 < 5
    counts = api_for("hr").get(f"{AARHUS}/{campaign.pk}").json()["counts"]
    assert counts == {"invited": 3, "responded": None}


def test_the_list_is_newest_first_and_paginated(api_for, mapped):
    create(api_for, name="Første", opens_at=(timezone.now() - timedelta(days=3)).isoformat())
    create(api_for, name="Anden")
    page = api_for("hr").get(AARHUS, {"limit": 1}).json()
    assert page["count"] == 2 and [c["name"] for c in page["results"]] == ["Anden"]


def test_another_municipalitys_campaign_is_404(api_for, mapped):
    campaign_id = create(api_for).json()["id"]
    assert api_for("other_admin").get(f"/api/v1/municipalities/101/campaigns/{campaign_id}").status_code == 404
    assert api_for("other_admin").get(f"{AARHUS}/{campaign_id}").status_code == 404
    assert api_for("other_admin").get("/api/v1/municipalities/101/campaigns").json()["results"] == []
    assert api_for("manager").get(f"{AARHUS}/{campaign_id}").status_code == 404


def test_invitations_are_created_and_their_status_returned_without_any_link(api_for, mapped):
    campaign_id = create(api_for).json()["id"]
    url = f"{AARHUS}/{campaign_id}/invitations"
    response = api_for("hr").post(url)
    assert response.status_code == 201
    data = response.json()
    invitations = Invitation.objects.filter(campaign_id=campaign_id).select_related("person")
    assert data["created"] == 3 == invitations.count()
    assert data["invitations"] == [
        {"person": person, "emailed_at": None, "links_exported_at": None}
        for person in ("P1", "P2", "P3")]
    # The links DigiKomp e-mails are nowhere in the answer, in any form.
    body = response.content.decode()
    assert "/svar/" not in body and "token" not in body
    assert not any(i.public_id in body or personal_link(i) in body for i in invitations)
    # Asking again invites nobody new; the audit log has the invitation, and no hand-out of links.
    again = api_for("municipal_admin").post(url)
    assert again.status_code == 200 and again.json()["created"] == 0
    assert AuditEntry.objects.filter(action="campaign.invite", object_id=str(campaign_id)).count() == 2
    assert not AuditEntry.objects.filter(action__startswith="campaign.links", object_id=str(campaign_id)).exists()


def test_the_status_says_when_mailed_and_never_who_answered(api_for, mapped):
    from digikomp.assessments.services import response_submit
    from digikomp.assessments.tasks import send_invitations, send_reminders
    from tests.assessments.helpers import full_answers

    campaign_id = create(api_for).json()["id"]
    api_for("hr").post(f"{AARHUS}/{campaign_id}/invitations")
    send_invitations.enqueue(campaign_id)
    anna = Invitation.objects.get(campaign_id=campaign_id, person__external_id="P1")
    response_submit(invitation=anna, body=full_answers(anna))
    send_reminders.enqueue(campaign_id)  # Bo is reminded, Anna is not: she has answered
    assert Invitation.objects.filter(campaign_id=campaign_id, reminded_at__isnull=False).count() == 1
    rows = {row["person"]: row for row in api_for("hr").post(f"{AARHUS}/{campaign_id}/invitations")
            .json()["invitations"]}
    assert rows["P1"]["emailed_at"] and rows["P3"]["emailed_at"] is None  # Carla has no e-mail address
    # Anna has answered and Bo has not: apart from who they are, their rows are the same.
    del rows["P1"]["person"], rows["P2"]["person"]
    assert rows["P1"] == rows["P2"] == {"emailed_at": rows["P1"]["emailed_at"], "links_exported_at": None}


def test_a_closed_campaign_invites_nobody(api_for, mapped):
    now = timezone.now()
    campaign_id = create(api_for, opens_at=(now - timedelta(days=10)).isoformat(),
                         closes_at=(now - timedelta(days=1)).isoformat()).json()["id"]
    response = api_for("hr").post(f"{AARHUS}/{campaign_id}/invitations")
    assert response.status_code == 400 and "campaign" in response.json()["errors"]
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona, status", [("manager", 404), ("employee", 404), ("other_admin", 404),
                                             ("anonymous", 401)])
def test_only_admins_and_hr_invite(api_for, mapped, persona, status):
    campaign_id = create(api_for).json()["id"]
    response = api_for(persona).post(f"{AARHUS}/{campaign_id}/invitations")
    assert response.status_code == status and "svar" not in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_session_needs_a_csrf_token_to_create(world, shipped_norm):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.user("hr"))
    assert client.post(AARHUS, body(), format="json").status_code == 403
    assert not Campaign.objects.exists()
    assert CustomQuestion.objects.count() == 0
