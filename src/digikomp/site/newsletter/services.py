"""The newsletter's double opt-in and one-click unsubscribe.

Signing up stores the address with the time of the request and queues a confirmation e-mail with a signed link;
only the click on that link's button (a POST, so a mail scanner that follows links confirms nothing) makes the
address a subscriber. Every newsletter carries a signed unsubscribe link (and the List-Unsubscribe headers of
RFC 8058, so mail clients can unsubscribe in one click); unsubscribing deletes the row. The tokens are the
address signed with SECRET_KEY under a salt of their own, so neither token can stand in for the other.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from digikomp.site.models import Subscriber

CONFIRM_SALT = "digikomp.newsletter.confirm"
UNSUBSCRIBE_SALT = "digikomp.newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


def _absolute(path: str) -> str:
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def confirm_url(email: str) -> str:
    token = signing.dumps(email, salt=CONFIRM_SALT, compress=True)
    return _absolute(reverse("site:newsletter_confirm", args=[token]))


def unsubscribe_url(email: str) -> str:
    token = signing.dumps(email, salt=UNSUBSCRIBE_SALT, compress=True)
    return _absolute(reverse("site:newsletter_unsubscribe", args=[token]))


def unsubscribe_headers(email: str) -> dict[str, str]:
    """Headers for every newsletter sent to `email`: one-click unsubscribe in the mail client (RFC 8058)."""
    return {"List-Unsubscribe": f"<{unsubscribe_url(email)}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def email_from_confirm_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None


def email_from_unsubscribe_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def subscriber_request(*, email: str) -> None:
    """Record the request and queue the confirmation e-mail. Says nothing about whether the address was known,
    and an address that is already confirmed gets no mail at all."""
    from digikomp.site.newsletter.tasks import send_confirmation

    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        # Sign-ups never confirmed are forgotten once their link has expired.
        Subscriber.objects.filter(confirmed_at__isnull=True, requested_at__lt=now - CONFIRM_MAX_AGE).delete()
        subscriber, created = Subscriber.objects.get_or_create(email=email,
                                                               defaults={"requested_at": now})
        if subscriber.is_confirmed:
            return
        if not created:
            subscriber.requested_at = now
            subscriber.save(update_fields=["requested_at"])
        # The database task backend writes the task in this transaction: no mail for a sign-up that rolls back.
        send_confirmation.enqueue(email)


def subscriber_confirm(*, email: str) -> Subscriber | None:
    """Confirm the address if its sign-up is still on record (an unsubscribed address must sign up anew)."""
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and not subscriber.is_confirmed:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


def subscriber_remove(*, email: str) -> bool:
    deleted, _ = Subscriber.objects.filter(email=email).delete()
    return bool(deleted)


def confirmed_addresses() -> list[str]:
    """Whom a newsletter goes to."""
    return list(Subscriber.objects.filter(confirmed_at__isnull=False).order_by("email")
                .values_list("email", flat=True))
