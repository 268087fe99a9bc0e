"""The inspiration catalogue in the API: GET /api/v1/cases, the public search of /katalog/ as JSON.

The same query parameters as the page (q, målgruppe, kompetenceområde, type, region, kommune, sortering) and the
same selector (catalogue.selectors.search_cases), so the API returns exactly the cases the page shows, in the
same order, with the total count and the facet counts. Public: only published cases exist here.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from digikomp.catalogue.presentation import area_titles, case_view
from digikomp.catalogue.selectors import PARAMETERS, CatalogueQuery, search_cases

MAX_LIMIT = 100
DEFAULT_LIMIT = 20


class NamedSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("The value to filter by (slug or code)."))
    label = serializers.CharField(help_text=_("Its name in the active language."))


class CaseSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField(help_text=_("The case's public page."))
    published_at = serializers.DateTimeField()
    municipalities = serializers.ListField(child=serializers.DictField(), help_text=_("code and name of each."))
    target_groups = NamedSerializer(many=True)
    effort_types = NamedSerializer(many=True)
    competence_areas = NamedSerializer(many=True, help_text=_("Areas of the national competence model."))


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(help_text=_("Cases this value would give, with the other facets' choices."))
    chosen = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    parameter = serializers.CharField(help_text=_("The query parameter that filters by this facet."))
    label = serializers.CharField()
    values = FacetValueSerializer(many=True)


class CaseSearchSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("All cases matching the search."))
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
    results = CaseSummarySerializer(many=True)
    facets = serializers.DictField(child=FacetSerializer(), help_text=_(
        "target_group, area, effort_type, region and municipality."))


def _named(items, value, label):
    return [{"value": value(i), "label": label(i)} for i in items]


def _case(request, case) -> dict:
    return {
        "slug": case.slug, "title": case.title, "summary": case.summary,
        "url": request.build_absolute_uri(reverse("catalogue:case", args=[case.slug])),
        "published_at": case.published_at,
        "municipalities": [{"code": m.value, "name": m.name} for m in case.municipality_list],
        "target_groups": _named(case.group_list, lambda g: g.value, lambda g: g.name),
        "effort_types": _named(case.type_list, lambda t: t.value, lambda t: t.name),
        "competence_areas": _named(case.area_links, lambda a: a.code, lambda a: f"{a.code} {a.title}".strip()),
    }


def _int(value, default: int, maximum: int | None = None) -> int:
    try:
        number = max(0, int(value))
    except (TypeError, ValueError):
        return default
    return min(number, maximum) if maximum is not None else number


@extend_schema(
    tags=["catalogue"],
    summary=_("Search the inspiration catalogue"),
    description=_(
        "Published cases matching a Danish full-text search (stemmed: 'kompetencer' finds 'kompetence') and the "
        "chosen facets, with the total and the count of every facet value. Values within one facet are "
        "alternatives (OR); facets narrow each other (AND). Repeat a parameter to choose several values. "
        "Ordered by relevance when there is a search text, else newest first. Public."
    ),
    parameters=[
        OpenApiParameter("q", str, description=_("Words to search for in title, summary and description.")),
        *[OpenApiParameter(name, str, many=True, description=_("Facet value; repeatable."))
          for name in PARAMETERS.values()],
        OpenApiParameter("sortering", str, enum=["relevans", "dato"], description=_("Order of the results.")),
        OpenApiParameter("limit", int, description=_("At most this many cases (default 20, at most 100).")),
        OpenApiParameter("offset", int, description=_("Skip this many cases.")),
    ],
    responses={200: CaseSearchSerializer},
)
class CaseList(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        query = CatalogueQuery.from_params(request.query_params)
        limit = _int(request.query_params.get("limit"), DEFAULT_LIMIT, MAX_LIMIT) or DEFAULT_LIMIT
        offset = _int(request.query_params.get("offset"), 0)
        result = search_cases(query, offset=offset, limit=limit)
        titles = area_titles()
        return Response({
            "count": result.total, "limit": limit, "offset": offset,
            "results": [_case(request, case_view(case, titles)) for case in result.cases],
            "facets": {facet.name: {"parameter": facet.parameter, "label": str(facet.label), "values": [
                {"value": v.value, "label": v.label, "count": v.count, "chosen": v.chosen} for v in facet.values
            ]} for facet in result.facets},
        })
