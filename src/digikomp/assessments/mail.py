"""Invitation and reminder e-mails, sent by background tasks (tasks.py) one campaign batch at a time, and the
e-mail with a one-time code (verification.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from digikomp.assessments.models import Campaign, Invitation, VerificationCode
from digikomp.assessments.tokens import token_for


def personal_link(invitation: Invitation) -> str:
    """The absolute personal link (/svar/<token>/) of DigiKomp's own e-mails: for the person only, never shown
    to staff. Links a municipality hands out itself are others (links.exported_link)."""
    path = reverse("survey:start", kwargs={"token": token_for(invitation.public_id)})
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def render_invitation(campaign: Campaign, person, link: str, kind: str) -> tuple[str, str]:
    """The subject and text of the invitation (kind "invitation") or reminder ("reminder") e-mail: what
    `send_batch` sends and what the campaign's preview page shows. The e-mail is plain text only."""
    context = {"campaign": campaign, "person": person, "link": link, "last_day": campaign.last_day,
               "closing_time": campaign.closing_time, "municipality": campaign.municipality,
               "reminder": kind == "reminder"}
    with translation.override("da"):  # Danish first; the template adds the English text below
        subject = render_to_string("assessments/email/subject.txt", context).strip()
        body = render_to_string("assessments/email/invitation.txt", context)
    return subject, body


def _message(invitation: Invitation, kind: str) -> EmailMultiAlternatives:
    subject, body = render_invitation(invitation.campaign, invitation.person, personal_link(invitation), kind)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.person.email])


def send_batch(invitations, kind: str) -> int:
    """Send to every invitation with an e-mail address; returns the number sent and stamps them."""
    sendable = [i for i in invitations if i.person.email]
    if not sendable:
        return 0
    with get_connection() as connection:
        connection.send_messages([_message(i, kind) for i in sendable])
    field = "sent_at" if kind == "invitation" else "reminded_at"
    # The invitations the caller fetched (one campaign's, or a task's across municipalities).
    Invitation.objects.unscoped("stamping the invitations just sent").filter(pk__in=[i.pk for i in sendable]).update(**{field: timezone.now()})
    return len(sendable)


def code_message(code: VerificationCode, plain: str) -> EmailMultiAlternatives:
    """The one-time code, to the address the person had when invited."""
    from digikomp.assessments.verification import CODE_LIFETIME

    invitation = code.invitation
    context = {"code": plain, "person": invitation.person, "campaign": invitation.campaign,
               "municipality": invitation.campaign.municipality,
               "minutes": int(CODE_LIFETIME.total_seconds() // 60)}
    with translation.override("da"):  # Danish first; the template adds the English text below
        subject = render_to_string("assessments/email/code_subject.txt", context).strip()
        body = render_to_string("assessments/email/code.txt", context)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email],
                                  headers={"Auto-Submitted": "auto-generated"})
