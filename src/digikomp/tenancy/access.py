"""Access: who the requester is, in which municipality, with which roles and over which units.

Resolved once per request (middleware for pages, the DRF permission class for the API) and passed to the
selectors, which are the only way views read tenant data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digikomp.tenancy.models import Municipality
from digikomp.tenancy.permissions import roles_with
from digikomp.tenancy.roles import Role

WHOLE_MUNICIPALITY_ROLES = frozenset({Role.MUNICIPAL_ADMIN, Role.HR})


@dataclass(frozen=True)
class Access:
    user: object | None = None
    municipality: Municipality | None = None
    roles: frozenset[str] = frozenset()
    # Materialised paths of the units a manager leads; a unit is visible if its path starts with one of them.
    managed_paths: tuple[str, ...] = field(default=())

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    def has(self, permission: str) -> bool:
        return bool(self.roles & roles_with(permission))

    @property
    def sees_whole_municipality(self) -> bool:
        return self.municipality is not None and bool(self.roles & WHOLE_MUNICIPALITY_ROLES)

    def sees_path(self, path: str) -> bool:
        if self.sees_whole_municipality:
            return True
        return Role.MANAGER in self.roles and any(path.startswith(p) for p in self.managed_paths)


ANONYMOUS = Access()


def access_for(user) -> Access:
    """Build the Access of a user with two queries (roles, managed unit paths)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    assignments = list(user.role_assignments.all())
    roles = frozenset(a.role for a in assignments)
    municipality = user.municipality
    managed_paths: tuple[str, ...] = ()
    if Role.MANAGER in roles and municipality is not None:
        from digikomp.tenancy.models import OrgUnit

        managed_paths = tuple(
            OrgUnit.objects.of_municipality(municipality).filter(
                active=True, id__in=[u.pk for a in assignments for u in a.units.all()]
            ).values_list("path", flat=True)
        )
    return Access(user=user, municipality=municipality, roles=roles, managed_paths=managed_paths)
