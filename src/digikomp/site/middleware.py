"""The Wagtail admin (/cms/) for those who may use it, a clear 403 for everyone else who is logged in.

Wagtail sends a logged-in user without admin access to the login page, and our login page sends a logged-in
user straight back to where they came from: a redirect loop. Here such users get the ordinary 403 page instead.
Anonymous visitors still reach Wagtail, which sends them to our login page (WAGTAILADMIN_LOGIN_URL).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

ADMIN_PERMISSION = "wagtailadmin.access_admin"


class CmsAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (request.path_info.startswith(settings.CMS_URL_PREFIX) and user is not None
                and user.is_authenticated and not user.has_perm(ADMIN_PERMISSION)):
            return permission_denied(request, PermissionDenied())
        return self.get_response(request)
