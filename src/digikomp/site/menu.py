"""Links from every page (site and application) to pages of the site: the sections in the main navigation and
the accessibility statement in the footer.

Both are ordinary pages editors keep in the CMS. The sections are the live pages right below the home page that
editors marked "show in menus", in their order in the page tree; the statement is found by its slug below the
home page, and its link is left out while it is not live, so no page breaks, or links to a 404, when an editor
removes it.

Every page of the application renders both, including the respondents' survey pages at a campaign's peak, and
several pages have a query budget, so the links are kept in the cache: cleared in this process whenever a page
or site is saved, moved or deleted, and at most a minute old in any other process. Titles are kept in both
languages and chosen when the page is rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

ACCESSIBILITY_SLUG = "tilgaengelighed"
SECTIONS_KEY = "digikomp.site.sections"
STATEMENT_KEY = "digikomp.site.accessibility_statement"
CACHE_SECONDS = 60

Link = tuple[str, str, str]  # (Danish title, English title, path)


def _below_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return None if site is None else Page.objects.child_of(site.root_page).live().public()


def _link(page) -> Link | None:
    parts = page.get_url_parts()
    if not parts:
        return None
    return page.title, getattr(page, "title_en", ""), parts[2]


def _sections() -> list[Link]:
    pages = _below_home()
    if pages is None:
        return []
    return [link for page in pages.in_menu().specific() if (link := _link(page))]


def _statement() -> list[Link]:
    pages = _below_home()
    page = pages.filter(slug=ACCESSIBILITY_SLUG).specific().first() if pages is not None else None
    link = _link(page) if page is not None else None
    return [link] if link else []


def _cached(key: str, lookup: Callable[[], list[Link]]) -> list[tuple[str, str]]:
    """(label, path) of each link, labelled in the active language."""
    found = cache.get(key)
    if found is None:
        try:
            found = lookup()
        except DatabaseError:  # the error page while the database is down: no links rather than no page
            return []
        cache.set(key, found, CACHE_SECONDS)
    english = (get_language() or "da")[:2] == "en"
    return [((title_en if english and title_en else title), path) for title, title_en, path in found]


def section_links() -> list[tuple[str, str]]:
    return _cached(SECTIONS_KEY, _sections)


def accessibility_statement() -> tuple[str, str] | None:
    links = _cached(STATEMENT_KEY, _statement)
    return links[0] if links else None


@receiver(post_save)
@receiver(post_delete)
@receiver(post_page_move)
def _forget(sender, instance=None, **kwargs):
    if isinstance(instance, (Page, Site)):
        cache.delete_many([SECTIONS_KEY, STATEMENT_KEY])
