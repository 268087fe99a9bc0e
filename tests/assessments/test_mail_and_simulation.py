"""Invitation e-mails and reminders as background tasks, and the simulated campaign."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from digikomp.assessments.models import Invitation, Response, Tally
from digikomp.assessments.services import invitations_create
from digikomp.assessments.tasks import schedule_mail, send_reminders
from digikomp.assessments.tokens import public_id_from
from tests.assessments.helpers import map_jobs, open_campaign


def test_invitations_are_mailed_with_a_working_personal_link(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world, reminder_days=[3])
    invitations_create(campaign=campaign)
    schedule_mail(campaign)  # immediate backend in tests: runs now
    with_address = Invitation.objects.filter(campaign=campaign).exclude(person__email="")
    assert len(mail.outbox) == with_address.count() == 2  # Carla has no e-mail address
    message = next(m for m in mail.outbox if m.to == ["anna@aarhus.example"])
    assert "Kære Anna Sørensen" in message.body and campaign.name in message.subject
    token = message.body.split("/svar/")[1].split("/")[0]
    invitation = Invitation.objects.get(public_id=public_id_from(token))
    assert invitation.person == world.people["anna"] and invitation.sent_at is not None
    # The reminder run (scheduled for day 3, run here directly) reaches only those who have not answered.
    mail.outbox.clear()
    Invitation.objects.filter(person=world.people["anna"]).update(submitted_at=timezone.now())
    assert send_reminders.call(campaign.pk) == 1
    assert mail.outbox[0].to == ["bo@aarhus.example"] and "Påmindelse" in mail.outbox[0].subject


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_worker_sends_the_queued_invitations(shipped_norm, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    schedule_mail(campaign)
    assert mail.outbox == []  # queued in the database, not sent yet
    call_command("db_worker", batch=True, interval=0)
    assert len(mail.outbox) == 2


def test_simulate_campaign_answers_through_the_submission_code(shipped_norm, world, capsys):
    map_jobs(world)
    call_command("simulate-campaign", municipality="751", respond=1.0, waves_total=2)
    call_command("simulate-campaign", municipality="751", respond=1.0, waves_total=2)
    assert Response.objects.count() == 6  # three mapped people, two waves
    first, second = Response.objects.order_by("campaign__wave").values_list("campaign__wave", flat=True)[::3]
    assert (first, second) == (1, 2)
    # Panel keys pair the same person across the waves of the series.
    assert Response.objects.values("panel_key").distinct().count() == 3
    assert Tally.objects.filter(unit__external_id="AAR").exists()
    assert "3 invited, 3 answered" in capsys.readouterr().out
    wave1 = Response.objects.filter(campaign__wave=1).first().campaign
    assert wave1.closes_at < timezone.now() - timedelta(days=300)
