"""Background tasks of the survey: invitation e-mails, reminders and one-time codes (django-tasks, database
backend)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from digikomp.assessments.mail import code_message, send_batch
from digikomp.assessments.models import Campaign, VerificationCode

BATCH = 200

# Tasks run outside any request, for the campaign or code they are given by id.
TASK = "a background task, given the row it works on by id"


@task()
def send_invitations(campaign_id: int) -> int:
    """E-mail everyone invited to the campaign who has not had their invitation yet."""
    campaign = Campaign.objects.unscoped(TASK).filter(pk=campaign_id).first()
    if campaign is None or campaign.is_closed():  # deleted or closed while the task waited
        return 0
    pending = campaign.invitations.filter(sent_at__isnull=True).select_related(
        "person", "campaign__municipality")
    sent = 0
    for _start in range(0, pending.count() + BATCH, BATCH):
        batch = list(pending.order_by("pk")[:BATCH])
        if not batch:
            break
        sent += send_batch(batch, "invitation")
        # Those without an address are stamped too, so the loop moves on; they get their link another way.
        campaign.invitations.filter(pk__in=[i.pk for i in batch], sent_at__isnull=True).update(
            sent_at=campaign.opens_at)
    return sent


@task()
def send_reminders(campaign_id: int, days: int | None = None) -> int:
    """Remind those who have not submitted yet: at each day of the campaign's reminder schedule (`days`), or
    once when HR sends a reminder by hand (`days` None; lifecycle.reminder_send_now)."""
    campaign = Campaign.objects.unscoped(TASK).filter(pk=campaign_id).first()
    if campaign is None or not campaign.is_open():
        return 0
    if days is not None and days not in campaign.reminder_days:
        return 0  # the day was taken out of the schedule after this run was queued
    waiting = list(campaign.invitations.filter(submitted_at__isnull=True)
                   .select_related("person", "campaign__municipality"))
    return send_batch(waiting, "reminder")


def schedule_mail(campaign: Campaign) -> None:
    """Queue the invitation e-mails now and one reminder run per day of the schedule."""
    send_invitations.enqueue(campaign.pk)
    if not send_reminders.get_backend().supports_defer:
        return  # the immediate backend (tests) cannot wait; tests call send_reminders directly
    for days in campaign.reminder_days:
        when = campaign.opens_at + timedelta(days=days)
        if when < campaign.closes_at:
            send_reminders.using(run_after=when).enqueue(campaign.pk, days)


@task()
def send_code(code_id: int) -> bool:
    """Make the one-time code, keep only its hash, and e-mail it (verification.py). The code itself exists only
    here and in the e-mail: the task's arguments, stored by the queue, carry the row's id, never the code."""
    from digikomp.assessments.verification import digest, new_code

    code = (VerificationCode.objects.unscoped(TASK).select_related("invitation__campaign__municipality", "invitation__person")
            .filter(pk=code_id, digest="", used_at__isnull=True, expires_at__gt=timezone.now()).first())
    if code is None:
        return False  # voided by a newer one, expired while queued, or made by an earlier run
    plain = new_code()
    if not code.invitation.codes.filter(pk=code.pk, digest="").update(digest=digest(code.pk, plain)):
        return False
    code_message(code, plain).send()
    return True
