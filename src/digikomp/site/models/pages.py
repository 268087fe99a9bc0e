"""The home page, standard pages and the page for education providers (the dialogue forum)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from digikomp.site.models.base import SitePage


class HomePage(SitePage):
    """The front page at /: what DigiKomp is, the way to the norm, the catalogue and the tools, and what is new."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "site/home_page.html"
    edit_handler = SitePage.tabs()

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from digikomp.catalogue.selectors import latest_published_cases
        from digikomp.site.models.events import EventPage
        from digikomp.site.models.news import NewsPage
        from digikomp.site.newsletter.forms import SubscribeForm

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:3]
        context["upcoming_events"] = (EventPage.objects.live().public().descendant_of(self)
                                      .filter(start__gte=timezone.now()).order_by("start")[:3])
        context["latest_cases"] = latest_published_cases(3)
        context["newsletter_form"] = SubscribeForm()
        return context


class StandardPage(SitePage):
    """A page of text: about the programme, accessibility statement, privacy, contact."""

    template = "site/standard_page.html"
    edit_handler = SitePage.tabs()

    class Meta:
        verbose_name = _("standard page")


class ProviderForumPage(SitePage):
    """For education providers and consultancies: the dialogue forum, and how to list learning offers."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    template = "site/provider_forum_page.html"
    max_count = 1
    edit_handler = SitePage.tabs([FieldPanel("contact_email")])

    class Meta:
        verbose_name = _("page for education providers")

    def get_context(self, request, *args, **kwargs):
        from digikomp.site.models.events import EventPage

        context = super().get_context(request, *args, **kwargs)
        context["forum_events"] = (EventPage.objects.live().public()
                                   .filter(kind=EventPage.Kind.DIALOGUE_FORUM, start__gte=timezone.now())
                                   .order_by("start"))
        return context
