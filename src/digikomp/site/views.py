"""Small pages of the site beside Wagtail's: the favicon at the address every browser asks for."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

FAVICON = settings.PACKAGE_DIR / "static" / "digikomp" / "img" / "favicon.svg"


@lru_cache(maxsize=1)
def _favicon() -> bytes:
    return FAVICON.read_bytes()


@require_safe
def favicon(request):
    """/favicon.ico: browsers and feed readers ask for it on every site whatever the page declares. The icon is
    the SVG the pages link to (browsers read the type from Content-Type, not the name)."""
    response = HttpResponse(_favicon(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
