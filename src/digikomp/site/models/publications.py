"""Publications: PDF documents (Wagtail documents) with their metadata, and the norm's generated PDFs."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from digikomp.site.models.base import SitePage

PAGE_SIZE = 20


class PublicationIndexPage(SitePage):
    subpage_types = ["site.PublicationPage"]
    template = "site/publication_index_page.html"
    edit_handler = SitePage.tabs()

    class Meta:
        verbose_name = _("publication index")

    def get_context(self, request, *args, **kwargs):
        from digikomp.site.norm_pdfs import norm_publications

        context = super().get_context(request, *args, **kwargs)
        items = (PublicationPage.objects.live().public().child_of(self).select_related("document")
                 .order_by("-publication_date", "-pk"))
        context["items"] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("side"))
        context["norm"] = norm_publications()
        return context


class PublicationPage(SitePage):
    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        GUIDE = "guide", _("Guide")
        ANALYSIS = "analysis", _("Analysis")
        LEAFLET = "leaflet", _("Leaflet")
        TOOL = "tool", _("Tool")

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("document (PDF)"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    publication_date = models.DateField(_("published"), default=datetime.date.today)
    authors = models.CharField(_("authors or publisher"), max_length=300, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=[("da", _("Danish")), ("en", _("English"))],
                                default="da")
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)

    parent_page_types = ["site.PublicationIndexPage"]
    subpage_types: list[str] = []
    template = "site/publication_page.html"
    edit_handler = SitePage.tabs([FieldPanel("document"), FieldPanel("kind"), FieldPanel("publication_date"),
                                  FieldPanel("authors"), FieldPanel("pages"), FieldPanel("language"),
                                  FieldPanel("isbn")])

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
