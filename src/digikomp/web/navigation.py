"""The main navigation, filtered by the requester's permissions. One list, so every page agrees."""

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


NAV_ITEMS = [
    NavItem(_("Overview"), "web:dashboard"),
    NavItem(_("Organisation"), "web:org_units", "org.view"),
    NavItem(_("Import organisation"), "orgimport:upload", "org.import"),
]


def items_for(request) -> list[dict]:
    access = request.access
    if not access.is_authenticated:
        return []
    current = request.path
    items = []
    for item in NAV_ITEMS:
        if item.permission and not access.has(item.permission):
            continue
        url = reverse(item.url_name)
        items.append({"label": item.label, "url": url, "current": current == url})
    return items
