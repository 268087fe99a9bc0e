"""PATCH and DELETE /api/v1/municipalities/{code}/campaigns/{id}, POST .../close and POST .../reminders: the
campaign's whole life through the API, under the same rules as the pages (assessments/lifecycle.py)."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from digikomp.assessments.models import Campaign, Invitation
from digikomp.assessments.services import response_submit
from digikomp.audit.models import AuditEntry
from digikomp.insights.models import FigureRelease
from tests.assessments.helpers import full_answers, invited_campaign


@pytest.fixture
def campaign(shipped_norm, world):
    campaign = invited_campaign(world, custom_questions=[{"kind": "text", "text_da": "Hvad savner du?"}])
    end = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=15), time.min))
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=end)
    campaign.refresh_from_db()
    return campaign


def url(campaign, tail=""):
    return f"/api/v1/municipalities/751/campaigns/{campaign.pk}{tail}"


def answer(campaign, world, name="anna"):
    invitation = Invitation.objects.get(campaign=campaign, person=world.people[name])
    response_submit(invitation=invitation, body=full_answers(invitation))


def test_the_campaign_says_its_last_day(api_for, campaign):
    data = api_for("hr").get(url(campaign)).json()
    assert data["last_day"] == campaign.last_day.isoformat()
    assert data["closes_at"].startswith((campaign.last_day + timedelta(days=1)).isoformat())


def test_patch_changes_questions_while_nobody_answered_and_names_the_field_after(api_for, campaign, world):
    hr = api_for("hr")
    questions = [{"kind": "yes_no", "text_da": "Bruger du MitID?"}]
    response = hr.patch(url(campaign), {"custom_questions": questions}, format="json")
    assert response.status_code == 200, response.json()
    assert [q["text_da"] for q in response.json()["custom_questions"]] == ["Bruger du MitID?"]
    answer(campaign, world)
    refused = hr.patch(url(campaign), {"custom_questions": [], "anonymity_k": 8}, format="json")
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"custom_questions", "anonymity_k"}
    # Extending is allowed: the new close is kept to the second.
    later = campaign.closes_at + timedelta(days=7)
    extended = hr.patch(url(campaign), {"closes_at": later.isoformat()}, format="json")
    assert extended.status_code == 200
    assert extended.json()["last_day"] == (campaign.last_day + timedelta(days=7)).isoformat()


def test_close_releases_and_a_released_campaign_is_not_reopened(api_for, campaign, world):
    answer(campaign, world)
    hr = api_for("hr")
    closed = hr.post(url(campaign, "/close"))
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert FigureRelease.objects.filter(campaign=campaign).exists()
    reopen = hr.patch(url(campaign), {"closes_at": (timezone.now() + timedelta(days=3)).isoformat()},
                      format="json")
    assert reopen.status_code == 400 and "closes_at" in reopen.json()["errors"]
    assert hr.post(url(campaign, "/close")).status_code == 400


def test_delete_only_while_nobody_answered(api_for, campaign, world):
    hr = api_for("hr")
    answer(campaign, world)
    refused = hr.delete(url(campaign))
    assert refused.status_code == 400 and "campaign" in refused.json()["errors"]
    Invitation.objects.filter(campaign=campaign).update(submitted_at=None)
    campaign.responses.all().delete()
    assert hr.delete(url(campaign)).status_code == 204
    assert not Campaign.objects.filter(pk=campaign.pk).exists()
    assert AuditEntry.objects.filter(action="campaign.delete", object_id=str(campaign.pk)).exists()


def test_a_reminder_goes_to_those_who_have_not_answered_and_says_nothing_of_who(api_for, campaign, world):
    from digikomp.assessments import tasks

    tasks.send_invitations.enqueue(campaign.pk)
    answer(campaign, world, "anna")
    mail.outbox.clear()
    hr = api_for("hr")
    response = hr.post(url(campaign, "/reminders"))
    assert response.status_code == 202 and response.json() == {"queued": True}
    assert [m.to for m in mail.outbox] == [["bo@aarhus.example"]]
    again = hr.post(url(campaign, "/reminders"))
    assert again.status_code == 400 and "24" in again.json()["errors"]["reminder"]
    assert len(mail.outbox) == 1
