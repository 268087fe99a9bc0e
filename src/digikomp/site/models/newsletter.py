"""A newsletter subscriber: the e-mail address and two timestamps, nothing else. Unsubscribing deletes the row."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail"), unique=True)
    requested_at = models.DateTimeField(_("sign-up requested"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
