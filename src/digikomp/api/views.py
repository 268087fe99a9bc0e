"""Endpoints of API v1: the public list of municipalities, and a municipality's org units and people.

Every list is paginated with limit/offset and ordered by a unique key, so paging through a list that does not
change returns every row exactly once. Relations are returned as external ids and annotated in the same query,
so a page costs a fixed number of queries whatever its size.
"""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny

from digikomp.api.permissions import MunicipalEndpoint
from digikomp.api.serializers import (
    ErrorSerializer,
    MunicipalitySerializer,
    OrgUnitSerializer,
    PersonFilter,
    PersonSerializer,
    UnitFilter,
)
from digikomp.tenancy import selectors
from digikomp.tenancy.models import Municipality, OrgUnit, Person


class Pagination(LimitOffsetPagination):
    # default_limit comes from REST_FRAMEWORK["PAGE_SIZE"] (500); the cap keeps one request from serialising a
    # whole large municipality at once.
    max_limit = 5000


CODE_PARAMETER = OpenApiParameter(
    "code", str, OpenApiParameter.PATH, description=_("The municipality number, e.g. 751 for Aarhus.")
)
NOT_VISIBLE = OpenApiResponse(
    ErrorSerializer,
    description=_(
        "Not found: the municipality does not exist, is not yours, or your role does not let you see its "
        "organisation. The three are deliberately indistinguishable."
    ),
)
NOT_AUTHENTICATED = OpenApiResponse(ErrorSerializer, description=_("No or invalid credentials."))
BAD_FILTER = OpenApiResponse(
    description=_("A query parameter has an invalid value; the body names the parameter and the reason.")
)


@extend_schema(
    tags=["municipalities"],
    summary=_("List the municipalities"),
    description=_("All 98 Danish municipalities with number, name and region, ordered by number. Public."),
)
class MunicipalityList(ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = MunicipalitySerializer
    pagination_class = Pagination
    # Reference data, not tenant data: the same for every requester.
    queryset = Municipality.objects.order_by("code")


def _filters(serializer_class, request):
    filters = serializer_class(data=request.query_params)
    filters.is_valid(raise_exception=True)
    return filters.validated_data


def _visible_unit(access, external_id: str, parameter: str) -> OrgUnit:
    # An unknown unit and one outside the requester's view give the same answer, so nothing is revealed.
    unit = selectors.visible_units(access).filter(external_id=external_id).first()
    if unit is None:
        raise ValidationError({parameter: [_("No unit with this external id is visible to you.")]})
    return unit


@extend_schema(
    tags=["organisation"],
    summary=_("List a municipality's org units"),
    description=_(
        "The org units of the municipality that you may see: all of them for the municipal administrator and "
        "HR, the units a manager leads and everything below them for a manager. Ordered as the tree, so a "
        "parent always comes before its children."
    ),
    parameters=[CODE_PARAMETER, UnitFilter],
    responses={200: OrgUnitSerializer(many=True), 400: BAD_FILTER, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class UnitList(MunicipalEndpoint, ListAPIView):
    required_permission = "org.view"
    serializer_class = OrgUnitSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[OrgUnit]:
        if self.is_schema_generation:
            return OrgUnit.objects.none()
        access = self.request.access
        filters = _filters(UnitFilter, self.request)
        units = selectors.visible_units(access)
        if filters["active"] is not None:
            units = units.filter(active=filters["active"])
        if "parent" in filters:
            units = units.filter(parent=_visible_unit(access, filters["parent"], "parent"))
        # The path embeds the primary key, so it is unique: a total, stable order.
        return units.annotate(parent_external_id=F("parent__external_id")).order_by("path")


@extend_schema(
    tags=["organisation"],
    summary=_("List a municipality's people"),
    description=_(
        "The employees of the municipality that you may see: all of them for the municipal administrator and "
        "HR, for a manager the people whose primary unit lies in the units they lead. Ordered by name."
    ),
    parameters=[CODE_PARAMETER, PersonFilter],
    responses={200: PersonSerializer(many=True), 400: BAD_FILTER, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class PersonList(MunicipalEndpoint, ListAPIView):
    required_permission = "org.view"
    serializer_class = PersonSerializer
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Person]:
        if self.is_schema_generation:
            return Person.objects.none()
        access = self.request.access
        filters = _filters(PersonFilter, self.request)
        people = selectors.visible_people(access)
        if filters["active"] is not None:
            people = people.filter(active=filters["active"])
        if "unit" in filters:
            unit = _visible_unit(access, filters["unit"], "unit")
            if filters["include_subunits"]:
                people = people.filter(selectors.within(unit, via="primary_unit"))
            else:
                people = people.filter(primary_unit=unit)
        # Names repeat; the primary key breaks ties so pages never overlap or skip.
        return people.annotate(unit_external_id=F("primary_unit__external_id")).order_by("name", "pk")
