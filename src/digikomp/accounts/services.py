"""Writes on accounts: creating a user with a role, and issuing API tokens.

Used by the operator commands (`digikomp create-user`, `digikomp api-token`) and by the demo seeding, so every
way a user comes into being is validated the same way and leaves the same audit entry. Invalid input raises
ValidationError keyed by the argument it concerns (email, password, role, municipality, units, person), with
every problem found at once and messages in the active language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from digikomp.accounts.models import RoleAssignment, User
from digikomp.audit.models import log_action
from digikomp.tenancy.models import Municipality, OrgUnit, Person
from digikomp.tenancy.roles import MUNICIPAL_ROLES, Role

Errors = dict[str, list[str]]


@dataclass(frozen=True)
class UserCreateResult:
    user: User
    user_created: bool
    role_added: bool
    units_added: tuple[str, ...] = ()


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _municipality(code: str | None, role: str, errors: Errors) -> Municipality | None:
    if role not in MUNICIPAL_ROLES:
        if code:
            _add(errors, "municipality",
                 _("The role %(role)s is not tied to a municipality; leave the municipality out.")
                 % {"role": Role(role).label})
        return None
    if not code:
        _add(errors, "municipality",
             _("The role %(role)s needs a municipality.") % {"role": Role(role).label})
        return None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        _add(errors, "municipality", _("There is no municipality with the number %(code)s.") % {"code": code})
    return municipality


def _units(
    external_ids: list[str], role: str, municipality: Municipality | None, errors: Errors
) -> list[OrgUnit]:
    if not external_ids:
        return []
    if role != Role.MANAGER:
        _add(errors, "units", _("Only managers have units."))
        return []
    if municipality is None:
        return []  # the missing municipality is reported already
    units = list(OrgUnit.objects.of_municipality(municipality).filter(external_id__in=external_ids))
    missing = sorted(set(external_ids) - {u.external_id for u in units})
    if missing:
        _add(errors, "units", _("%(municipality)s has no unit with the external id %(ids)s.")
             % {"municipality": municipality.name, "ids": ", ".join(missing)})
    return units


def _person(
    external_id: str | None, role: str, municipality: Municipality | None, errors: Errors
) -> Person | None:
    if not external_id:
        return None
    if municipality is None:
        if role not in MUNICIPAL_ROLES:
            _add(errors, "person", _("Only users of a municipality can be linked to a person."))
        return None
    person = Person.objects.of_municipality(municipality).filter(external_id=external_id).first()
    if person is None:
        _add(errors, "person", _("%(municipality)s has no person with the external id %(id)s.")
             % {"municipality": municipality.name, "id": external_id})
    return person


def _check_existing(
    user: User, municipality: Municipality | None, person: Person | None, errors: Errors
) -> None:
    """An existing user may gain a role, never move to another municipality or person."""
    if municipality is not None and user.municipality_id not in (None, municipality.pk):
        _add(errors, "municipality",
             _("The user already belongs to %(municipality)s.") % {"municipality": user.municipality.name})
    if person is not None and user.person_id not in (None, person.pk):
        _add(errors, "person", _("The user is already linked to another person."))


@transaction.atomic
def user_create(
    *,
    email: str,
    role: str,
    password: str | None = None,
    municipality_code: str | None = None,
    unit_ids: Iterable[str] = (),
    name: str = "",
    person_external_id: str | None = None,
    actor: User | None = None,
) -> UserCreateResult:
    """Create a user with a role, or give the existing user with that e-mail the role (and units).

    Idempotent: running it twice changes nothing the second time. An existing user's password is never changed
    here, so `password` is needed only for a new user. `municipality_code` is required for municipal roles
    and refused for the others; `unit_ids` (external ids in that municipality) only for managers, who need at
    least one; `person_external_id` links the user to that municipality's employee record.
    """
    errors: Errors = {}
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role %(role)s; choose one of %(roles)s.")
                               % {"role": role, "roles": ", ".join(Role.values)}})
    email = User.objects.normalize_email(email.strip()).lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        errors["email"] = list(exc.messages)
    municipality = _municipality(municipality_code, role, errors)
    units = _units([u.strip() for u in unit_ids if u.strip()], role, municipality, errors)
    person = _person(person_external_id, role, municipality, errors)

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=name, municipality=municipality, person=person)
        if not password:
            _add(errors, "password", _("A new user needs a password."))
        else:
            try:
                validate_password(password, user=user)
            except ValidationError as exc:
                errors.setdefault("password", []).extend(exc.messages)
        assignment = None
    else:
        _check_existing(user, municipality, person, errors)
        assignment = user.role_assignments.filter(role=role).first()
    if person is not None and User.objects.filter(person=person).exclude(pk=user.pk).exists():
        _add(errors, "person", _("Another user is already linked to this person."))
    if role == Role.MANAGER and not units and not (assignment and assignment.units.exists()):
        _add(errors, "units", _("A manager needs at least one unit."))
    if errors:
        raise ValidationError(errors)

    user_created = user.pk is None
    if user_created:
        user.set_password(password)
        user.full_clean()
        user.save()
    else:
        _fill_in(user, municipality=municipality, person=person, name=name)

    role_added = assignment is None
    if assignment is None:
        assignment = RoleAssignment(user=user, role=role)
        assignment.full_clean()
        assignment.save()
    already = set(assignment.units.values_list("pk", flat=True))
    new_units = sorted((u for u in units if u.pk not in already), key=lambda u: u.external_id)
    assignment.units.add(*new_units)
    units_added = tuple(u.external_id for u in new_units)

    if user_created or role_added or units_added:
        log_action(
            "user.created" if user_created else "user.role_added" if role_added else "user.units_added",
            actor=actor,
            municipality=user.municipality,
            obj=user,
            data={"email": user.email, "role": role, "units": list(units_added)},
        )
    return UserCreateResult(
        user=user, user_created=user_created, role_added=role_added, units_added=units_added
    )


def _fill_in(user: User, *, municipality: Municipality | None, person: Person | None, name: str) -> None:
    """Complete an existing user with what the new role brings; conflicts were refused before."""
    changed = []
    if municipality is not None and user.municipality_id is None:
        user.municipality = municipality
        changed.append("municipality")
    if person is not None and user.person_id is None:
        user.person = person
        changed.append("person")
    if name and user.full_name != name:
        user.full_name = name
        changed.append("full_name")
    if changed:
        user.full_clean()
        user.save(update_fields=changed)


@transaction.atomic
def api_token_for(*, user: User, rotate: bool = False, actor: User | None = None) -> str:
    """The user's API token key, created if missing; `rotate` replaces it so the old key stops working."""
    if not user.is_active:
        raise ValidationError(
            _("The user %(email)s is deactivated; a token would not work.") % {"email": user.email}
        )
    existing = Token.objects.filter(user=user).first()
    if existing is not None and not rotate:
        return existing.key
    if existing is not None:
        existing.delete()
    token = Token.objects.create(user=user)
    # The key is a secret: the log says that it changed, never what it is.
    log_action("api_token.rotated" if existing is not None else "api_token.created", actor=actor,
               municipality=user.municipality, obj=user)
    return token.key
