"""The newsletter's mail, sent by the task worker (django-tasks): the confirmation of a sign-up, and the issues
editors send."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from digikomp.audit.models import log_action
from digikomp.site.models import NewsletterDelivery, NewsletterIssue, Subscriber


@task()
def send_confirmation(email: str) -> bool:
    """E-mail the confirmation link, if the sign-up is still waiting for it."""
    from digikomp.site.newsletter.services import confirm_url

    if not Subscriber.objects.filter(email=email, confirmed_at__isnull=True).exists():
        return False
    context = {"link": confirm_url(email), "site_url": settings.DIGIKOMP_BASE_URL}
    with translation.override("da"):  # Danish first; the template adds the English text below
        subject = render_to_string("site/newsletter/email/confirm_subject.txt", context).strip()
        body = render_to_string("site/newsletter/email/confirm.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email],
                 headers={"Auto-Submitted": "auto-generated"}).send()
    return True


# One task per issue that works through the list in batches, rather than a task per batch: a newsletter goes to
# thousands of addresses, not millions, so one worker sends it in minutes; one task knows when the last address
# is done (and stamps the issue then); and every batch shares one SMTP connection. The delivery rows make the
# task safe to run again: a retry or a second copy carries on where the first one stopped.
ISSUE_BATCH = 200


def _claim(issue: NewsletterIssue, subscriber: Subscriber) -> NewsletterDelivery | None:
    """The delivery row, or None if another run has claimed (and so sent) this address already."""
    try:
        with transaction.atomic():
            return NewsletterDelivery.objects.create(issue=issue, subscriber=subscriber)
    except IntegrityError:
        return None


@task()
def send_issue(issue_id: int) -> int:
    """Mail a sent issue to every subscriber who has not had it; returns how many this run mailed."""
    from digikomp.site.newsletter.issues import recipients
    from digikomp.site.newsletter.mail import issue_message, prepare

    issue = NewsletterIssue.objects.filter(pk=issue_id, send_requested_at__isnull=False).first()
    if issue is None or issue.delivered_at is not None:
        return 0
    rendered = prepare(issue)
    pending = recipients(issue).exclude(pk__in=NewsletterDelivery.objects.filter(issue=issue)
                                        .values("subscriber_id")).order_by("pk")
    refused: set[int] = set()
    sent = 0
    while batch := list(pending.exclude(pk__in=refused)[:ISSUE_BATCH]):
        with get_connection() as connection:
            for subscriber in batch:
                delivery = _claim(issue, subscriber)
                if delivery is None:
                    continue
                try:
                    issue_message(rendered, subscriber.email, connection).send()
                except smtplib.SMTPRecipientsRefused:
                    # One address the server refuses must not hold up the rest; it is counted in the audit entry.
                    delivery.delete()
                    refused.add(subscriber.pk)
                except BaseException:
                    # The mail server is gone (or the worker stops): release the claim so a retry sends it.
                    delivery.delete()
                    raise
                else:
                    sent += 1
    recipient_count = issue.deliveries.count()
    NewsletterIssue.objects.filter(pk=issue.pk).update(delivered_at=timezone.now(),
                                                       recipient_count=recipient_count)
    log_action("newsletter.issue.delivered", obj=issue,
               data={"recipients": recipient_count, "refused": len(refused)})
    return sent
