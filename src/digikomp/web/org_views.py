"""The organisation pages: the units the requester may see, search over units and people, a unit's page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from digikomp.tenancy import orgtree, selectors
from digikomp.tenancy.decorators import permission_required

PEOPLE_PER_PAGE = 50
QUERY_MAX_LENGTH = 100


@permission_required("org.view")
def org_units(request):
    access = request.access
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    context = {
        "rows": orgtree.unit_rows(access, list(selectors.top_units(access).order_by("name", "pk"))),
        "query": query,
        "can_import": access.has("org.import"),
        "search_limit": orgtree.SEARCH_LIMIT,
    }
    if query:
        units, people = orgtree.search(access, query)
        context.update(
            found_units=units[: orgtree.SEARCH_LIMIT],
            found_people=people[: orgtree.SEARCH_LIMIT],
            more_units=len(units) > orgtree.SEARCH_LIMIT,
            more_people=len(people) > orgtree.SEARCH_LIMIT,
        )
    return render(request, "web/org_units.html", context)


@permission_required("org.view")
def org_unit(request, external_id: str):
    access = request.access
    unit = selectors.get_unit(access, external_id)
    children = list(selectors.visible_units(access).filter(parent=unit, active=True).order_by("name", "pk"))
    members = selectors.visible_people(access).filter(primary_unit=unit, active=True).order_by("name", "pk")
    # The unit's leaders are shown to whoever may see the unit, even if a leader's own unit lies outside.
    managers = unit.managers.filter(active=True, person__active=True).select_related("person")
    return render(
        request,
        "web/org_unit.html",
        {
            "unit": unit,
            "ancestors": orgtree.visible_ancestors(access, unit),
            "child_rows": orgtree.unit_rows(access, children),
            "page": Paginator(members, PEOPLE_PER_PAGE).get_page(request.GET.get("side")),
            "managers": managers.order_by("person__name", "pk"),
        },
    )
