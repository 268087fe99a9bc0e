"""Resolve request.access once per request, lazily so static files and anonymous pages pay nothing."""

from django.utils.functional import SimpleLazyObject

from digikomp.tenancy import rls
from digikomp.tenancy.access import access_for


class AccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.access = SimpleLazyObject(lambda: access_for(request.user))
        return self.get_response(request)


class RowSecurityMiddleware:
    """On PostgreSQL, limit the connection to a municipal user's municipality for the request (tenancy/rls.py),
    and clear the limit when the request ends, also after an error, so a pooled connection never carries it on.
    The API sets the limit itself after DRF has authenticated a token (api/permissions.py); cleared here too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connection

        if connection.vendor != "postgresql" or rls.bypasses(connection):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and user.municipality_id:
            rls.limit_to(user.municipality_id)
        try:
            return self.get_response(request)
        finally:
            rls.clear()
