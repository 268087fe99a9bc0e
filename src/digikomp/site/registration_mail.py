"""The e-mails of an event sign-up, sent by the task worker: a place (with the event as a calendar file), a place
on the waiting list, and moving up from it. Danish first, English below, as the newsletter's mail."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

SUBJECTS = {
    "confirmed": "Du er tilmeldt: {title} / You have a place",
    "waiting": "Du er på ventelisten: {title} / You are on the waiting list",
    "moved_up": "Du har fået en plads: {title} / You now have a place",
}


@task()
def send_registration_mail(registration_id: int, kind: str) -> bool:
    """E-mail the person about their sign-up, if it still exists (a cancelled one gets nothing)."""
    from digikomp.site.models import EventRegistration
    from digikomp.site.registrations import cancel_url, event_ics, waiting_position

    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in SUBJECTS:
        return False
    event = registration.event
    page_url = settings.DIGIKOMP_BASE_URL.rstrip("/") + (event.url or "/")
    with translation.override("da"):
        context = {"registration": registration, "event": event, "page_url": page_url,
                   "cancel_url": cancel_url(registration), "position": waiting_position(registration)}
        body = render_to_string(f"site/events/email/{kind}.txt", context)
    message = EmailMessage(SUBJECTS[kind].format(title=event.title), body, settings.DEFAULT_FROM_EMAIL,
                           [registration.email], headers={"Auto-Submitted": "auto-generated"})
    if kind in ("confirmed", "moved_up"):
        message.attach(f"{event.slug}.ics", event_ics(event, url=page_url), "text/calendar; method=PUBLISH")
    message.send()
    return True
