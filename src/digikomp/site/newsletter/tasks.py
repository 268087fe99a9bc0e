"""The confirmation e-mail of a newsletter sign-up, sent by the task worker (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from digikomp.site.models import Subscriber


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
