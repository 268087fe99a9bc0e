"""The only way views and the API read tenant data.

Every function takes the requester's Access and starts its queryset from `Model.objects.for_access(access)`
(tenancy/guard.py), so a user of one municipality can never reach another's rows: the getters raise Http404,
exactly as for a missing row.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from digikomp.tenancy.access import Access
from digikomp.tenancy.models import Municipality, OrgUnit, Person


def within(*units: OrgUnit | str, via: str = "") -> Q:
    """The one subtree filter: rows in the subtree of any of the units, the units themselves included.

    Each unit is an OrgUnit or its materialised path. `via` names the row's relation to its unit
    (`primary_unit` for people, `unit` for responses); without it the rows are units. No units: nothing.
    """
    lookup = f"{via}__path__startswith" if via else "path__startswith"
    paths = [unit if isinstance(unit, str) else unit.path for unit in units]
    if not paths:
        return Q(pk__in=[])
    return reduce(operator.or_, (Q(**{lookup: path}) for path in paths))


def municipality_for(access: Access, code: str, permission: str) -> Municipality:
    """The municipality named in a URL, if it is the requester's own and they hold the permission there."""
    if access.municipality is None or access.municipality.code != code or not access.has(permission):
        raise Http404
    return access.municipality


def visible_units(access: Access) -> QuerySet[OrgUnit]:
    if access.municipality is None:
        return OrgUnit.objects.none()
    units = OrgUnit.objects.for_access(access)
    if access.sees_whole_municipality:
        return units
    if not access.managed_paths:
        return OrgUnit.objects.none()
    return units.filter(within(*access.managed_paths))


def visible_people(access: Access) -> QuerySet[Person]:
    if access.municipality is None:
        return Person.objects.none()
    people = Person.objects.for_access(access)
    if access.sees_whole_municipality:
        return people
    if not access.managed_paths:
        return Person.objects.none()
    return people.filter(within(*access.managed_paths, via="primary_unit"))


def get_unit(access: Access, external_id: str) -> OrgUnit:
    return get_object_or_404(visible_units(access), external_id=external_id)


def get_person(access: Access, external_id: str) -> Person:
    return get_object_or_404(visible_people(access), external_id=external_id)


def top_units(access: Access) -> QuerySet[OrgUnit]:
    """The roots the requester may browse from: the municipality's roots, or the units a manager leads."""
    units = visible_units(access).filter(active=True)
    if access.sees_whole_municipality:
        return units.filter(parent__isnull=True)
    return units.filter(path__in=access.managed_paths)
