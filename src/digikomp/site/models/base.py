"""SitePage: what every page of the site has. Danish and English text side by side, like every content field
editors write in DigiKomp (lib/i18n.py): Wagtail's `title` is the Danish title and `title_en` the English one;
`intro_*` is the lead paragraph and `body_*` the body. A visitor reads the active language's text, falling back
to Danish. One page tree, one address per page, whatever the language.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from digikomp.lib.i18n import localized
from digikomp.lib.slugs import danish_slugify
from digikomp.site.blocks import BodyBlock

# First path segments the application owns (urls.py); a page directly below the home page may not take them,
# or it would be unreachable behind the application's own URL.
RESERVED_SLUGS = frozenset({
    "app", "normen", "katalog", "svar", "konto", "api", "cms", "django-admin", "static", "media", "dokumenter",
    "nyhedsbrev", "feeds", "i18n", "healthz", "tilmelding", "favicon.ico",
})


class SitePageForm(WagtailAdminPageForm):
    """The page form of every site page: the address may be left empty (a pasted title does not fill it in the
    browser), and is then made from the Danish title on the server, unique among the page's siblings."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")  # cleaned before: the title's tab comes first
        if slug or not title:
            return slug
        base = danish_slugify(title) or "side"
        slug, n = base, 1
        reserved = RESERVED_SLUGS if self.parent_page.depth == 2 else frozenset()
        while slug in reserved or not Page._slug_is_available(slug, self.parent_page, self.instance):
            n += 1
            slug = f"{base}-{n}"
        return slug

    def clean(self):
        cleaned = super().clean()
        # The home page is at depth 2 (below Wagtail's root), so its children take the first path segment.
        if self.parent_page.depth == 2 and cleaned.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("The address /%(slug)s/ belongs to DigiKomp itself; choose another.")
                           % {"slug": cleaned["slug"]})
        return cleaned


class SitePage(Page):
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro_da = models.TextField(_("lead (Danish)"), blank=True)
    intro_en = models.TextField(_("lead (English)"), blank=True)
    body_da = StreamField(BodyBlock(), blank=True, verbose_name=_("body (Danish)"))
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("body (English)"))

    search_fields = [*Page.search_fields, index.SearchField("intro_da"), index.SearchField("body_da")]

    # Fields of the page type itself, shown on their own tab; subclasses set it.
    detail_panels: list = []

    class Meta:
        abstract = True

    @classmethod
    def tabs(cls, details: list | None = None) -> TabbedInterface:
        tabs = [
            ObjectList([TitleFieldPanel("title"), FieldPanel("intro_da"), FieldPanel("body_da")], heading=_("Danish")),
            ObjectList([FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
                       heading=_("English")),
        ]
        if details:
            tabs.append(ObjectList(details, heading=_("Details")))
        tabs += [ObjectList(Page.promote_panels, heading=_("Promote")),
                 ObjectList(Page.settings_panels, heading=_("Settings"))]
        return TabbedInterface(tabs, base_form_class=SitePageForm)

    @property
    def heading(self) -> str:
        """The title in the active language."""
        if (get_language() or "da")[:2] == "en" and self.title_en:
            return self.title_en
        return self.title

    @property
    def in_danish_only(self) -> bool:
        """An English reader is shown Danish text: the page has no English for its title, lead or body, so the
        page says so once and marks that text lang="da" (templates/_danish_only.html)."""
        if (get_language() or "da")[:2] != "en":
            return False
        return (not self.title_en or (bool(self.intro_da) and not self.intro_en)
                or (len(self.body_da) > 0 and len(self.body_en) == 0))

    @property
    def intro(self) -> str:
        return localized(self, "intro")

    @property
    def body(self):
        return localized(self, "body")
