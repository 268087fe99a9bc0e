"""Sign-ups for events held in DigiKomp: a place, or a place on the waiting list when the event is full.

Only what running the event needs is stored: a name, an e-mail address, optionally an organisation. A sign-up
is deleted when the person cancels (the link in their e-mail) and every sign-up of an event is deleted
REGISTRATION_RETENTION_DAYS after the event (`digikomp purge-event-registrations`, run by `make run` with the
CMS's scheduled publishing). `address_hash` is a keyed hash of the client address, used only to throttle
sign-ups from one network; it goes with the row.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REGISTRATION_RETENTION_DAYS = 30


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")

    event = models.ForeignKey("site.EventPage", on_delete=models.CASCADE, related_name="registrations",
                              verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation or municipality"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    moved_up_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    # Part of the signed cancel link: a new sign-up gets a new one, and cancelling deletes the row, so a link
    # works once.
    cancel_nonce = models.CharField(max_length=32, editable=False)
    address_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        ordering = ["event", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="event_registration_once")]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="event_registration_queue"),
                   models.Index(fields=["address_hash", "created_at"], name="event_registration_address")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
