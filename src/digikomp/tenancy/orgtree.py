"""Reads behind the organisation pages: per-unit counts, breadcrumbs and search.

Every query starts from tenancy.selectors, so it only ever sees what the requester may see; the functions here
only shape those querysets for the pages. Counts cost a fixed number of queries however many units are listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from digikomp.tenancy import selectors
from digikomp.tenancy.access import Access
from digikomp.tenancy.models import OrgUnit, Person

SEARCH_LIMIT = 50
SEARCH_MAX_WORDS = 6


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    sub_units: int  # active units directly below
    people: int  # active people in the unit and everything below it


def unit_rows(access: Access, units: list[OrgUnit]) -> list[UnitRow]:
    """Each unit with its number of active sub-units and of active people in its whole subtree."""
    if not units:
        return []
    sub_units = dict(
        selectors.visible_units(access)
        .filter(parent__in=units, active=True)
        .values_list("parent")
        .annotate(n=Count("id"))
    )
    people_per_path = (
        selectors.visible_people(access)
        .filter(selectors.within(*units, via="primary_unit"), active=True)
        .values_list("primary_unit__path")
        .annotate(n=Count("id"))
    )
    # A person counts for every listed unit whose path is a prefix of theirs (a manager's listed units may
    # nest); walking the few ancestor prefixes of each path avoids comparing every path with every unit.
    by_path = {unit.path: unit.pk for unit in units}
    people: Counter[int] = Counter()
    for path, n in people_per_path:
        segments = path.strip("/").split("/")
        for depth in range(1, len(segments) + 1):
            unit_pk = by_path.get("/" + "/".join(segments[:depth]) + "/")
            if unit_pk is not None:
                people[unit_pk] += n
    return [UnitRow(unit=u, sub_units=sub_units.get(u.pk, 0), people=people[u.pk]) for u in units]


def visible_ancestors(access: Access, unit: OrgUnit) -> list[OrgUnit]:
    """The unit's ancestors from the top down, leaving out those the requester may not see."""
    segments = unit.path.strip("/").split("/")[:-1]
    paths = ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
    if not paths:
        return []
    return list(selectors.visible_units(access).filter(path__in=paths).order_by("depth"))


def search(access: Access, query: str) -> tuple[list[OrgUnit], list[Person]]:
    """Active units and people whose names contain every word of the query, within what the requester sees.

    Each list holds at most SEARCH_LIMIT + 1 rows, so the page can say there are more without counting them.
    """
    words = query.split()[:SEARCH_MAX_WORDS]
    if not words:
        return [], []
    units = selectors.visible_units(access).filter(active=True)
    people = selectors.visible_people(access).filter(active=True).select_related("primary_unit")
    for word in words:
        units = units.filter(name__icontains=word)
        people = people.filter(name__icontains=word)
    return (
        list(units.order_by("name", "pk")[: SEARCH_LIMIT + 1]),
        list(people.order_by("name", "pk")[: SEARCH_LIMIT + 1]),
    )
