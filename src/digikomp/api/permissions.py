"""The one gate of the municipal API endpoints: the requester's Access and the municipality in the URL.

Pages get `request.access` from AccessMiddleware, but that runs before DRF authenticates a token, so for the
API the Access is built here, after authentication, from DRF's `request.user`. A view names the permission it
needs (`required_permission`); the municipality in the URL (`{code}`) must be the requester's own and the
permission theirs, otherwise the answer is 404 exactly as for a municipality that does not exist, so the API
never reveals whose data exists. Anonymous requests get 401.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from digikomp.tenancy import rls
from digikomp.tenancy.access import access_for
from digikomp.tenancy.selectors import municipality_for


class HasMunicipalPermission(BasePermission):
    """Sets `request.access` and `view.municipality`; raises Http404 (-> 404) for everything not allowed."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            # False for an anonymous request makes DRF answer 401 with a WWW-Authenticate header.
            return False
        request.access = access_for(request.user)
        rls.limit_to(request.user.municipality_id)  # cleared by RowSecurityMiddleware when the request ends
        view.municipality = municipality_for(request.access, view.kwargs["code"], view.required_permission)
        return True


class MunicipalEndpoint:
    """Mixin for views under /municipalities/{code}/: declare `required_permission`, read `self.municipality`
    and `self.request.access`, and read tenant data only through tenancy.selectors."""

    permission_classes = [HasMunicipalPermission]
    required_permission: str

    @property
    def is_schema_generation(self) -> bool:
        # drf-spectacular instantiates views without a request to inspect them.
        return getattr(self, "swagger_fake_view", False)
