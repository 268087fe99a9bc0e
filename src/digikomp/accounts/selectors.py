"""Reading users for the pages "Users and roles": always within the requester's scope, so a user of another
municipality (or a national user, seen from a municipality) is a 404, exactly as a missing one."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from digikomp.accounts.models import RoleAssignment, User
from digikomp.accounts.services import NATIONAL_SCOPE, UserScope, municipal_scope
from digikomp.tenancy.access import Access
from digikomp.tenancy.models import OrgUnit

QUERY_MAX_LENGTH = 100


def scope_for(access: Access, *, national: bool) -> UserScope:
    """The municipality's users for its administrators, the national users for national editors."""
    if national:
        if not access.has("users.national"):
            raise Http404
        return NATIONAL_SCOPE
    if access.municipality is None or not access.has("users.manage"):
        raise Http404
    return municipal_scope(access.municipality)


def users_in(scope: UserScope) -> QuerySet[User]:
    users = User.objects.filter(municipality=scope.municipality) if scope.municipality else \
        User.objects.filter(municipality__isnull=True)
    return users.select_related("person").prefetch_related(
        Prefetch("role_assignments", queryset=RoleAssignment.objects.prefetch_related("units").order_by("role")))


def search_users(scope: UserScope, query: str = "", role: str = "") -> QuerySet[User]:
    users = users_in(scope)
    for word in query.split()[:5]:
        users = users.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    if role in scope.roles:
        users = users.filter(role_assignments__role=role)
    return users.order_by("full_name", "email", "pk")


def get_user(scope: UserScope, pk: int) -> User:
    return get_object_or_404(users_in(scope), pk=pk)


def unit_paths(units: list[OrgUnit]) -> dict[int, str]:
    """Each unit's name with its ancestors ("Aarhus Kommune › Børn og Unge › Skovvangskolen"), so units with
    the same name can be told apart; one query for all the ancestors."""
    ancestor_pks = {int(segment) for unit in units for segment in unit.path.strip("/").split("/") if segment}
    if not units:
        return {}
    names = dict(OrgUnit.objects.of_municipality(units[0].municipality_id).filter(pk__in=ancestor_pks)
                 .values_list("pk", "name"))
    return {unit.pk: " › ".join(names.get(int(s), "…") for s in unit.path.strip("/").split("/") if s)
            for unit in units}
