"""Links from every page (site and application) to pages of the site: the accessibility statement in the footer.

The statement is an ordinary page editors keep in the CMS (created by site migration 0002, written by the demo);
the footer finds it by its slug below the home page and leaves the link out while it is not live, so no page
breaks, or links to a 404, when an editor removes it.

Every page of the application renders the footer, and several of them have a query budget, so the link is kept
in the cache: cleared in this process whenever a page is saved, moved or deleted, and at most a minute old in
any other process.
"""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

ACCESSIBILITY_SLUG = "tilgaengelighed"
CACHE_KEY = "digikomp.site.accessibility_statement"
CACHE_SECONDS = 60

register = template.Library()


def _lookup() -> tuple[str, str, str] | tuple[()]:
    """(Danish title, English title, path) of the live statement on the default site, or () if there is none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return ()
    page = (Page.objects.child_of(site.root_page).live().public().filter(slug=ACCESSIBILITY_SLUG)
            .specific().first())
    parts = page.get_url_parts() if page is not None else None
    if not parts:
        return ()
    return page.title, getattr(page, "title_en", ""), parts[2]


@register.simple_tag
def accessibility_statement():
    """(label, url) of the statement, labelled in the active language; None if there is no live statement."""
    found = cache.get(CACHE_KEY)
    if found is None:
        try:
            found = _lookup()
        except DatabaseError:  # the error page while the database is down: no link rather than no page
            return None
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    if not found:
        return None
    title, title_en, path = found
    return (title_en if title_en and (get_language() or "da")[:2] == "en" else title), path


@receiver(post_save)
@receiver(post_delete)
@receiver(post_page_move)
def _forget(sender, instance=None, **kwargs):
    if isinstance(instance, (Page, Site)):
        cache.delete(CACHE_KEY)
