"""The newsletter: subscribers, the issues editors write in the CMS, and a delivery row per issue and address.

A subscriber is the e-mail address and two timestamps, nothing else; unsubscribing deletes the row and with it
the subscriber's delivery rows, so no address outlives its unsubscription. An issue is locked the moment an
editor sends it: it is then neither edited nor sent again, and keeps when it was sent and to how many.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from digikomp.site.blocks import RICH_TEXT_FEATURES


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


class NewsletterIssue(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    # The same rich-text features as page bodies; Wagtail's editor keeps to them when it saves, and the e-mail
    # passes the expanded HTML through lib.html.clean_html once more.
    intro_da = RichTextField(_("introduction (Danish)"), features=RICH_TEXT_FEATURES)
    intro_en = RichTextField(_("introduction (English)"), features=RICH_TEXT_FEATURES, blank=True,
                             help_text=_("Optional; shown below the Danish text."))
    include_updates = models.BooleanField(
        _("include what is new"), default=True,
        help_text=_("News and catalogue cases published since the previous issue, and the next events."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set when an editor presses "Send": from then on the issue is locked, and the time is also the end of the
    # window of news and cases it reports.
    send_requested_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    send_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                          blank=True, editable=False, related_name="+",
                                          verbose_name=_("sent by"))
    # Set by the task when every recipient has had it. The count is kept here, as delivery rows disappear with
    # the addresses that unsubscribe later.
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_newsletterissue", "Can send newsletter issue")]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_sent(self) -> bool:
        """Sent (or being sent): locked for editing and for sending again."""
        return self.send_requested_at is not None

    @property
    def status(self) -> str:
        if self.delivered_at is not None:
            return _("Sent")
        if self.send_requested_at is not None:
            return _("Sending")
        return _("Draft")

    status.fget.short_description = _("status")


class NewsletterDelivery(models.Model):
    """One issue sent to one subscriber. The row is written before the mail goes out, and the unique constraint
    lets only one writer have it: a retried, re-enqueued or concurrently running task never mails an address
    the same issue twice."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    # related_name "+": the subscriber itself knows nothing beyond its address and timestamps.
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once"),
        ]
