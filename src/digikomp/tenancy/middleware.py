"""Resolve request.access once per request, lazily so static files and anonymous pages pay nothing."""

from django.utils.functional import SimpleLazyObject

from digikomp.tenancy.access import access_for


class AccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.access = SimpleLazyObject(lambda: access_for(request.user))
        return self.get_response(request)
