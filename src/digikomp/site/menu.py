"""The site's sections in the main navigation: the live pages right below the home page that editors marked
"show in menus", in their order in the page tree."""

from __future__ import annotations

from wagtail.models import Page, Site


def section_links(request) -> list[tuple[str, str]]:
    """(label, path) of each menu page, labelled in the active language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = Page.objects.child_of(site.root_page).live().public().in_menu().specific()
    return [(getattr(page, "heading", page.title), page.url) for page in pages]
