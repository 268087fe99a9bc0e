"""The main navigation and the dashboard's cards, filtered by the requester's permissions.

One list, so the menu and the dashboard always agree on what a user can reach. Apps add their entry point to
NAV_ITEMS with the permission the view itself requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    permission: str | None = None  # None: every logged-in user
    # One sentence for the dashboard card; items without one stay in the menu only.
    description: str | Promise = ""


# Shown to visitors who are not logged in, followed by the site's sections that editors put in the menu
# (site/menu.py).
PUBLIC_ITEMS = [
    NavItem(_("Front page"), "web:home"),
    NavItem(_("The norm"), "norm:index"),
    NavItem(_("Inspiration catalogue"), "catalogue:index"),
]

NAV_ITEMS = [
    NavItem(_("Overview"), "web:dashboard"),
    NavItem(
        _("Organisation"), "web:org_units", "org.view",
        _("Browse the units and people of your organisation and search for a unit or a colleague."),
    ),
    NavItem(
        _("Profiles"), "profiles:library", "profiles.view",
        _("The role profiles of your municipality: adapt the national norm, see every deviation, map job codes."),
    ),
    NavItem(
        _("My surveys"), "mine:surveys", "surveys.own",
        _("Your competence surveys: answer them and see your own result."),
    ),
    NavItem(
        _("Shared results"), "mine:shared_results", "results.shared",
        _("Individual results that people in your units chose to share with you."),
    ),
    NavItem(
        _("Campaigns"), "campaigns:list", "campaigns.manage",
        _("Run competence mappings: choose who is asked, send personal links, follow the response rates."),
    ),
    NavItem(
        _("Insights"), "insights:index", "insights.view",
        _("Anonymous heatmaps of the gaps across the organisation, coverage, distributions and change between "
          "waves."),
    ),
    NavItem(
        _("National picture"), "insights:national", "insights.national",
        _("Every municipality's mapping on the national model, under the same anonymity rule."),
    ),
    NavItem(
        _("Our cases"), "catalogue_app:list", "catalogue.submit",
        _("Share what works: write your municipality's cases for the inspiration catalogue and submit them."),
    ),
    NavItem(
        _("Editing the norm"), "editor:index", "national.edit",
        _("Edit and publish the national competence model and role profiles, and import CASE packages."),
    ),
    NavItem(
        _("Moderate the catalogue"), "catalogue_app:review_list", "catalogue.moderate",
        _("Review the cases municipalities submit: comment, send back, publish."),
    ),
    NavItem(
        _("The website"), "wagtailadmin_home", "national.edit",
        _("Edit the public site in the CMS: pages, news, publications and events, with drafts, review and "
          "scheduled publishing."),
    ),
    NavItem(
        _("Import organisation"), "orgimport:upload", "org.import",
        _("Bring the organisation and its people in from an OS2mo export or the DigiKomp spreadsheet "
          "template."),
    ),
    NavItem(
        _("Users and roles"), "users:list", "users.manage",
        _("Invite HR, managers and employees, give them roles and units, and deactivate those who leave."),
    ),
    NavItem(
        _("National users"), "users:national_list", "users.national",
        _("Invite national editors and learning providers, and deactivate those who leave."),
    ),
    NavItem(
        _("The norm"), "norm:index", None,
        _("The published national competence model, DigComp 2.2 and the national role profiles."),
    ),
    NavItem(
        _("Inspiration catalogue"), "catalogue:index", None,
        _("Municipalities' good practice in digital competence and citizens' digital readiness."),
    ),
]


def _allowed(access) -> list[NavItem]:
    if not access.is_authenticated:
        return PUBLIC_ITEMS
    return [item for item in NAV_ITEMS if item.permission is None or access.has(item.permission)]


def items_for(request) -> list[dict]:
    """Menu entries for this request, with the value of aria-current for the entry the visitor is in.

    "page" when the visitor is on the entry's own page; "true" for the deepest entry whose URL the current
    path lies below (a unit page belongs to Organisation, not to the Overview at /app/).
    """
    path = request.path
    items = [
        {"label": item.label, "url": reverse(item.url_name), "current": ""} for item in _allowed(request.access)
    ]
    if not request.access.is_authenticated:
        from digikomp.site.menu import section_links

        items += [{"label": label, "url": url, "current": ""} for label, url in section_links()]
    # "/" is a prefix of every path, so the front page counts only as itself.
    inside = [i for i in items if path == i["url"] or (i["url"] != "/" and path.startswith(i["url"]))]
    section = max(inside, key=lambda i: len(i["url"]), default=None)
    if section is not None:
        section["current"] = "page" if section["url"] == path else "true"
    return items


def cards_for(request) -> list[dict]:
    """Dashboard cards: the menu entries that lead somewhere other than the dashboard itself."""
    if not request.access.is_authenticated:
        return []
    return [
        {"label": item.label, "url": reverse(item.url_name), "description": item.description}
        for item in _allowed(request.access)
        if item.description
    ]
