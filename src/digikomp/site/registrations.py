"""Signing up for an event, cancelling, the waiting list, the calendar file and the deletion after the event.

Capacity holds under concurrent sign-ups: every change of an event's sign-ups runs in one transaction that first
locks the event's row (select_for_update on PostgreSQL; on SQLite the IMMEDIATE transaction mode of settings.py
takes the database's write lock at BEGIN), so two people cannot both take the last place. The waiting list is
first come, first served: when someone with a place cancels, or an editor adds places, the first on the list
moves up and is told by e-mail.

A cancel link is the sign-up's id and a random nonce, signed with SECRET_KEY; cancelling deletes the row, so a
link works once. Sign-ups are deleted REGISTRATION_RETENTION_DAYS after the event (purge_past_registrations).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from wagtail.signals import page_published

from digikomp.audit.models import log_action
from digikomp.site.models import EventPage, EventRegistration
from digikomp.site.models.registrations import REGISTRATION_RETENTION_DAYS

CANCEL_SALT = "digikomp.events.cancel"
# Sign-ups from one client address per hour (a person signs up a handful of colleagues at most).
SIGNUPS_PER_ADDRESS_PER_HOUR = 10
Status = EventRegistration.Status


class AlreadySignedUp(Exception):
    """The e-mail address has a place or a place on the waiting list for the event already."""


class SignupClosed(Exception):
    """The event has taken place, its deadline has passed, or it takes sign-ups elsewhere."""


class TooManySignups(Exception):
    """Too many sign-ups from one network within the hour."""


@dataclass(frozen=True)
class SignupResult:
    registration: EventRegistration
    waiting_position: int | None  # 1 for the first on the waiting list; None with a place


def _absolute(path: str) -> str:
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def address_hash(address: str | None) -> str:
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), f"event-signup:{address}".encode(), hashlib.sha256).hexdigest()


def cancel_token(registration: EventRegistration) -> str:
    return signing.dumps([registration.pk, registration.cancel_nonce], salt=CANCEL_SALT, compress=True)


def cancel_url(registration: EventRegistration) -> str:
    return _absolute(reverse("site:event_cancel", args=[cancel_token(registration)]))


def registration_from_token(token: str) -> EventRegistration | None:
    try:
        pk, nonce = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    registration = EventRegistration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or not hmac.compare_digest(registration.cancel_nonce, str(nonce)):
        return None
    return registration


def _locked(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event.pk)


def waiting_position(registration: EventRegistration) -> int | None:
    if registration.status != Status.WAITING:
        return None
    ahead = EventRegistration.objects.filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk),
        event_id=registration.event_id, status=Status.WAITING)
    return ahead.count() + 1


def signup(*, event: EventPage, name: str, email: str, organisation: str = "",
           address: str | None = None, notify: bool = True) -> SignupResult:
    """Give the person a place, or a place on the waiting list when the event is full; e-mail them either way
    (unless not `notify`: the demo's fictional sign-ups mail nobody)."""
    from digikomp.site.registration_mail import send_registration_mail

    email = email.strip().lower()
    hashed = address_hash(address)
    with transaction.atomic():
        event = _locked(event)
        if not event.signs_up_here or not event.signup_open:
            raise SignupClosed
        if hashed and EventRegistration.objects.filter(
                address_hash=hashed, created_at__gte=timezone.now() - timedelta(hours=1)).count() \
                >= SIGNUPS_PER_ADDRESS_PER_HOUR:
            raise TooManySignups
        if EventRegistration.objects.filter(event=event, email=email).exists():
            raise AlreadySignedUp
        full = event.capacity is not None and event.places_taken() >= event.capacity
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event, name=name.strip(), email=email, organisation=organisation.strip(),
                    status=Status.WAITING if full else Status.CONFIRMED, cancel_nonce=secrets.token_hex(16),
                    address_hash=hashed)
        except IntegrityError as exc:  # the unique constraint, should the check above ever be raced
            raise AlreadySignedUp from exc
        log_action("event.signup", obj=registration, data={"event": event.pk, "status": registration.status})
        # The database task backend writes the task in this transaction: no mail for a sign-up that rolls back.
        if notify:
            send_registration_mail.enqueue(registration.pk, "waiting" if full else "confirmed")
    return SignupResult(registration, waiting_position(registration))


def cancel(registration: EventRegistration) -> EventRegistration | None:
    """Delete the sign-up; if it held a place, the first on the waiting list moves up (returned)."""
    with transaction.atomic():
        event = _locked(registration.event)
        deleted, _ = EventRegistration.objects.filter(pk=registration.pk).delete()
        if not deleted:  # cancelled already (a second click on the same link)
            return None
        log_action("event.cancel", obj=registration, data={"event": event.pk, "status": registration.status})
        moved = fill_places(event, locked=True)
    return moved[0] if moved else None


def fill_places(event: EventPage, *, locked: bool = False) -> list[EventRegistration]:
    """Move people up from the waiting list while there are free places (after a cancellation, or when an editor
    adds places); each is e-mailed. Returns those moved up."""
    from digikomp.site.registration_mail import send_registration_mail

    with transaction.atomic():
        if not locked:
            event = _locked(event)
        if event.capacity is None:
            free = EventRegistration.objects.filter(event=event, status=Status.WAITING).count()
        else:
            free = event.capacity - event.places_taken()
        if free <= 0 or event.is_past:
            return []
        queue = list(EventRegistration.objects.filter(event=event, status=Status.WAITING)
                     .order_by("created_at", "pk")[:free])
        now = timezone.now()
        for registration in queue:
            registration.status, registration.moved_up_at = Status.CONFIRMED, now
            registration.save(update_fields=["status", "moved_up_at"])
            log_action("event.moved_up", obj=registration, data={"event": event.pk})
            send_registration_mail.enqueue(registration.pk, "moved_up")
    return queue


def purge_past_registrations(*, now: datetime | None = None) -> int:
    """Delete every sign-up of events that ended more than REGISTRATION_RETENTION_DAYS ago; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=REGISTRATION_RETENTION_DAYS)
    ended = [pk for pk, start, end in EventPage.objects.values_list("pk", "start", "end")
             if (end or start) < cutoff]
    deleted, _ = EventRegistration.objects.filter(event_id__in=ended).delete()
    if deleted:
        log_action("event.registrations_purged", data={"count": deleted, "events": ended})
    return deleted


# --- Calendar (RFC 5545) ------------------------------------------------------------------------------------

def _ics_text(value: str) -> str:
    """TEXT escaping of RFC 5545 3.3.11: backslash, semicolon, comma and newlines."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character (3.1)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not pieces else 74):  # continuation lines start with a space
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ics(event: EventPage, *, url: str) -> str:
    """The event as an iCalendar file with one VEVENT, times in UTC."""
    end = event.end or event.start + timedelta(hours=1)
    host = urlsplit(settings.DIGIKOMP_BASE_URL).hostname or "digikomp"
    where = event.location or ""
    if event.online:
        where = f"{where} (online)" if where else "Online"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DigiKomp//Arrangementer//DA", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(event.start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_ics_text(event.heading)}",
        f"LOCATION:{_ics_text(where)}",
        f"URL:{url}",
    ]
    if event.intro:
        lines.append(f"DESCRIPTION:{_ics_text(event.intro)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)


@receiver(page_published)
def _fill_places_when_published(sender, instance, **kwargs):
    if isinstance(instance, EventPage) and instance.signs_up_here:
        fill_places(instance)
