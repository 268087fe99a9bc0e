"""django-csp's middleware, with the Wagtail admin's exception.

The whole project runs under a strict policy (settings.CONTENT_SECURITY_POLICY: no inline script or style).
Wagtail's admin needs inline scripts and styles and shows page previews in a frame of its own, so responses
under settings.CMS_URL_PREFIX get settings.CMS_CONTENT_SECURITY_POLICY's directives in place of the strict
ones. Only the admin and its previews: the live public pages never get either.

A page preview is not served under /cms/ as far as the middleware can tell: Wagtail renders it by running a
request for the page's public address through the whole middleware stack (PreviewableMixin.make_preview_request,
which marks it `request.is_preview`). That response keeps the strict policy except that the admin, on the same
origin, may frame it: frame-ancestors 'self' and X-Frame-Options SAMEORIGIN, so live preview shows the page.
"""

from __future__ import annotations

from csp.constants import SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings

PREVIEW_CONTENT_SECURITY_POLICY = {"frame-ancestors": [SELF]}


class CSPMiddleware(BaseCSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"  # before XFrameOptionsMiddleware's DENY
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CMS_URL_PREFIX):
            parts.replace = {**settings.CMS_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        elif not report_only and getattr(request, "is_preview", False):
            parts.replace = {**PREVIEW_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts
