"""News: an index page with its items, newest first; the Atom feed of the same items is in site/feeds.py."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from digikomp.site.models.base import SitePage

PAGE_SIZE = 10


class NewsIndexPage(SitePage):
    subpage_types = ["site.NewsPage"]
    template = "site/news_index_page.html"
    edit_handler = SitePage.tabs()

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")
        context["items"] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("side"))
        return context


class NewsPage(SitePage):
    date = models.DateField(_("date"), default=datetime.date.today)
    parent_page_types = ["site.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "site/news_page.html"
    edit_handler = SitePage.tabs([FieldPanel("date")])
    search_fields = [*SitePage.search_fields, index.FilterField("date")]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
