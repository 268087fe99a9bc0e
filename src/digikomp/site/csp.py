"""django-csp's middleware, with the Wagtail admin's exception.

The whole project runs under a strict policy (settings.CONTENT_SECURITY_POLICY: no inline script or style).
Wagtail's admin needs inline scripts and styles and shows page previews in a frame of its own, so responses
under settings.CMS_URL_PREFIX get settings.CMS_CONTENT_SECURITY_POLICY's directives in place of the strict
ones. Only the admin: a page preview is rendered under /cms/ too, the live public pages never are.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CMS_URL_PREFIX):
            parts.replace = {**settings.CMS_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts
