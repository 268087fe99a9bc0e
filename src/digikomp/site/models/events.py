"""Events and forums: network meetings, courses, conferences, webinars and the providers' dialogue forum."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from digikomp.site.models.base import SitePage

PAST_SHOWN = 10


class EventIndexPage(SitePage):
    subpage_types = ["site.EventPage"]
    template = "site/event_index_page.html"
    edit_handler = SitePage.tabs()

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming"] = events.filter(start__gte=now).order_by("start")
        context["past"] = events.filter(start__lt=now).order_by("-start")[:PAST_SHOWN]
        return context


class EventPage(SitePage):
    class Kind(models.TextChoices):
        NETWORK_MEETING = "network", _("Network meeting")
        COURSE = "course", _("Course")
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")
        DIALOGUE_FORUM = "forum", _("Dialogue forum")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.NETWORK_MEETING)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=300, blank=True, help_text=_("Address, or empty if online only."))
    online = models.BooleanField(_("online"), default=False)
    signup_url = models.URLField(_("sign-up link"), blank=True,
                                 help_text=_("Only for sign-up elsewhere. Empty: people sign up here, in DigiKomp."))
    signup_deadline = models.DateField(_("sign-up deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True,
        help_text=_("Empty: no limit. When every place is taken, further sign-ups go on a waiting list."))

    parent_page_types = ["site.EventIndexPage"]
    subpage_types: list[str] = []
    template = "site/event_page.html"
    edit_handler = SitePage.tabs([FieldPanel("kind"), FieldPanel("start"), FieldPanel("end"),
                                  FieldPanel("location"), FieldPanel("online"), FieldPanel("capacity"),
                                  FieldPanel("signup_deadline"), FieldPanel("signup_url")])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def get_context(self, request, *args, **kwargs):
        from digikomp.site.registration_views import EventSignupForm

        context = super().get_context(request, *args, **kwargs)
        context["signup_form"] = EventSignupForm()
        context["places_left"] = self.places_left()
        return context

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.location and not self.online:
            errors["location"] = _("Give a place, or mark the event as online.")
        if self.end and self.start and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.start < timezone.now()

    @property
    def signs_up_here(self) -> bool:
        """People sign up in DigiKomp (not through a link elsewhere)."""
        return not self.signup_url

    @property
    def signup_open(self) -> bool:
        """Sign-up is open until the event starts and through the whole day of the deadline (Copenhagen)."""
        if self.is_past:
            return False
        if self.signup_deadline is not None:
            return timezone.localdate() <= self.signup_deadline
        return True

    def places_taken(self) -> int:
        return self.registrations.filter(status="confirmed").count()

    def places_left(self) -> int | None:
        """Free places, or None without a limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_taken(), 0)
