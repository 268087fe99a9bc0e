"""Writes on accounts: creating a user with a role, and issuing API tokens; and, for the pages "Users and
roles", inviting, changing and deactivating users within one administrator's scope.

Used by the operator commands (`digikomp create-user`, `digikomp api-token`) and by the demo seeding, so every
way a user comes into being is validated the same way and leaves the same audit entry. Invalid input raises
ServiceError (lib/errors.py) keyed by the argument it concerns (email, password, role, municipality, units, person), with
every problem found at once and messages in the active language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from digikomp.accounts.models import RoleAssignment, User
from digikomp.audit.models import log_action
from digikomp.lib.errors import ServiceError
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
        raise ServiceError({"role": _("Unknown role %(role)s; choose one of %(roles)s.")
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
        raise ServiceError(errors)

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
        raise ServiceError(
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


# --- Users and roles, from the pages (accounts/users.py) -----------------------------------------------------
# An administrator works within a UserScope: a municipal admin their municipality's users and its roles, a
# national editor the national users (no municipality) and the national roles. Refusals are ServiceErrors keyed
# by the form's fields (full_name, email, roles, units, person); every change leaves an audit entry.


@dataclass(frozen=True)
class UserScope:
    municipality: Municipality | None  # None: the national users
    roles: tuple[str, ...]  # the roles handed out here, in the order the pages show them
    admin_role: str  # the role that administers this scope, of which one active holder must remain

    @property
    def national(self) -> bool:
        return self.municipality is None


MUNICIPAL_SCOPE_ROLES = (Role.MUNICIPAL_ADMIN, Role.HR, Role.MANAGER, Role.EMPLOYEE)
NATIONAL_SCOPE_ROLES = (Role.NATIONAL_EDITOR, Role.PROVIDER)


def municipal_scope(municipality: Municipality) -> UserScope:
    return UserScope(municipality, MUNICIPAL_SCOPE_ROLES, Role.MUNICIPAL_ADMIN)


NATIONAL_SCOPE = UserScope(None, NATIONAL_SCOPE_ROLES, Role.NATIONAL_EDITOR)


def _role_labels(roles: Iterable[str]) -> str:
    return ", ".join(str(Role(role).label) for role in roles)


def _checked_roles(scope: UserScope, roles: Iterable[str], errors: Errors) -> list[str]:
    chosen = [str(role) for role in roles]
    foreign = [role for role in chosen if role not in scope.roles]
    if foreign:
        _add(errors, "roles", _("You can give only these roles here: %(roles)s.")
             % {"roles": _role_labels(scope.roles)})
    chosen = [role for role in scope.roles if role in chosen]
    if not chosen:
        _add(errors, "roles", _("Choose at least one role."))
    return chosen


def _checked_units(scope: UserScope, roles: list[str], unit_ids: Iterable, errors: Errors) -> list[OrgUnit]:
    wanted = {str(value).strip() for value in unit_ids if str(value).strip()}
    if Role.MANAGER not in roles:
        if wanted:
            _add(errors, "units", _("Only managers have units: tick the role Manager or remove the units."))
        return []
    if scope.municipality is None:
        return []
    numbers = {int(value) for value in wanted if value.isdigit()}
    units = list(OrgUnit.objects.of_municipality(scope.municipality).filter(active=True, pk__in=numbers)
                 .order_by("path"))
    unknown = sorted(wanted - {str(unit.pk) for unit in units})
    if unknown:
        _add(errors, "units", _("%(municipality)s has no active unit with the number %(ids)s.")
             % {"municipality": scope.municipality.name, "ids": ", ".join(unknown)})
    elif not units:
        _add(errors, "units", _("A manager needs at least one unit: search for the units they lead."))
    return units


def _checked_person(scope: UserScope, external_id: str | None, user: User | None, errors: Errors) -> Person | None:
    external_id = (external_id or "").strip()
    if not external_id:
        return None
    if scope.municipality is None:
        _add(errors, "person", _("Only users of a municipality can be linked to a person."))
        return None
    person = Person.objects.of_municipality(scope.municipality).filter(external_id=external_id).first()
    if person is None:
        _add(errors, "person", _("%(municipality)s has no person with the id %(id)s.")
             % {"municipality": scope.municipality.name, "id": external_id})
        return None
    taken = User.objects.filter(person=person)
    if user is not None:
        taken = taken.exclude(pk=user.pk)
    if taken.exists():
        _add(errors, "person", _("%(person)s is already linked to another user.") % {"person": person.name})
    return person


def _set_roles(user: User, scope: UserScope, roles: list[str], units: list[OrgUnit]) -> dict:
    """Make the user's roles within the scope exactly `roles` (others are left alone); what changed."""
    current = {a.role: a for a in user.role_assignments.filter(role__in=scope.roles)}
    added = [role for role in roles if role not in current]
    removed = [role for role in current if role not in roles]
    for role in removed:
        current[role].delete()  # one by one, so the role's Django groups follow (groups.py)
    for role in added:
        current[role] = RoleAssignment(user=user, role=role)
        current[role].clean()  # the role's own rule; it is new to the user, so unique
        current[role].save()
    change: dict = {}
    if added:
        change["roles_added"] = added
    if removed:
        change["roles_removed"] = removed
    if Role.MANAGER in roles:
        assignment = current[Role.MANAGER]
        before = {u.pk: u.external_id for u in assignment.units.all()}
        after = {u.pk: u.external_id for u in units}
        if set(before) != set(after):
            assignment.units.set(units)
            change["units_added"] = sorted(after[pk] for pk in set(after) - set(before))
            change["units_removed"] = sorted(before[pk] for pk in set(before) - set(after))
    return change


def _remaining_admins(scope: UserScope, excluding: User) -> bool:
    others = User.objects.filter(is_active=True, role_assignments__role=scope.admin_role).exclude(pk=excluding.pk)
    others = (others.filter(municipality__isnull=True) if scope.national
              else others.filter(municipality=scope.municipality))
    return others.exists()


def _check_keeps_an_admin(scope: UserScope, user: User, actor: User | None, field: str, errors: Errors) -> None:
    """Nobody takes away their own administration, and the scope keeps at least one active administrator."""
    role = Role(scope.admin_role).label
    if actor is not None and user.pk == actor.pk:
        _add(errors, field, _("You cannot take away your own role %(role)s or deactivate yourself; ask another "
                              "administrator.") % {"role": role})
    elif not _remaining_admins(scope, user):
        _add(errors, field, _("%(user)s is the last active user with the role %(role)s; give the role to someone "
                              "else first.") % {"user": user, "role": role})


def _check_in_scope(scope: UserScope, user: User) -> None:
    if user.municipality_id != (scope.municipality.pk if scope.municipality else None):
        raise ServiceError(_("This user is not administered here."))


@transaction.atomic
def user_invite(*, scope: UserScope, actor: User | None, email: str, full_name: str, roles: Iterable[str],
                unit_ids: Iterable = (), person_external_id: str | None = None) -> User:
    """A new user with roles in the scope and no password yet, and the invitation e-mail with a link where they
    set one (tasks.send_invitation)."""
    from digikomp.accounts.tasks import send_invitation

    errors: Errors = {}
    full_name = (full_name or "").strip()
    if not full_name:
        _add(errors, "full_name", _("Write the user's name."))
    email = User.objects.normalize_email((email or "").strip()).lower()
    try:
        validate_email(email)
    except ValidationError:
        _add(errors, "email", _("Write an e-mail address such as name@example.dk."))
    else:
        if User.objects.filter(email=email).exists():
            _add(errors, "email", _("%(email)s already has a DigiKomp account. Find it in the list, or ask "
                                    "DigiKomp's support if it belongs elsewhere.") % {"email": email})
    chosen = _checked_roles(scope, roles, errors)
    units = _checked_units(scope, chosen, unit_ids, errors)
    person = _checked_person(scope, person_external_id, None, errors)
    if errors:
        raise ServiceError(errors)
    user = User(email=email, full_name=full_name, municipality=scope.municipality, person=person,
                invited_at=timezone.now())
    user.set_unusable_password()
    user.full_clean()
    user.save()
    _set_roles(user, scope, chosen, units)
    log_action("user.invited", actor=actor, municipality=scope.municipality, obj=user,
               data={"email": email, "roles": chosen, "units": [u.external_id for u in units],
                     "person": person.external_id if person else None})
    send_invitation.enqueue(user.pk)
    return user


@transaction.atomic
def user_update(*, scope: UserScope, actor: User | None, user: User, full_name: str, roles: Iterable[str],
                unit_ids: Iterable = (), person_external_id: str | None = None) -> dict:
    """Change a user's name, roles within the scope, units and person; returns what changed (also logged)."""
    _check_in_scope(scope, user)
    errors: Errors = {}
    full_name = (full_name or "").strip()
    if not full_name:
        _add(errors, "full_name", _("Write the user's name."))
    chosen = _checked_roles(scope, roles, errors)
    units = _checked_units(scope, chosen, unit_ids, errors)
    person = _checked_person(scope, person_external_id, user, errors)
    holds_admin = user.role_assignments.filter(role=scope.admin_role).exists()
    if holds_admin and scope.admin_role not in chosen and user.is_active:
        _check_keeps_an_admin(scope, user, actor, "roles", errors)
    if errors:
        raise ServiceError(errors)
    change = _set_roles(user, scope, chosen, units)
    fields = []
    if user.full_name != full_name:
        change["full_name"] = full_name
        user.full_name = full_name
        fields.append("full_name")
    if user.person_id != (person.pk if person else None):
        change["person"] = person.external_id if person else None
        user.person = person
        fields.append("person")
    if fields:
        user.full_clean()
        user.save(update_fields=fields)
    if change:
        log_action("user.updated", actor=actor, municipality=scope.municipality, obj=user,
                   data={"email": user.email, **change})
    return change


@transaction.atomic
def user_set_active(*, scope: UserScope, actor: User | None, user: User, active: bool) -> None:
    """Deactivate (the user can no longer log in, use a token or a link; nothing is deleted) or reactivate."""
    _check_in_scope(scope, user)
    if user.is_active == active:
        return
    if not active:
        errors: Errors = {}
        if (actor is not None and user.pk == actor.pk) or user.role_assignments.filter(role=scope.admin_role).exists():
            _check_keeps_an_admin(scope, user, actor, ServiceError.WHOLE, errors)
        if errors:
            raise ServiceError(errors)
    user.is_active = active
    user.save(update_fields=["is_active"])
    log_action("user.reactivated" if active else "user.deactivated", actor=actor, municipality=scope.municipality,
               obj=user, data={"email": user.email})


@transaction.atomic
def invitation_resend(*, scope: UserScope, actor: User | None, user: User) -> None:
    """A new invitation e-mail; the earlier links stop working (the token hashes the unusable password)."""
    from digikomp.accounts.tasks import send_invitation

    _check_in_scope(scope, user)
    if not user.is_active:
        raise ServiceError(_("%(user)s is deactivated; reactivate the user first.") % {"user": user})
    if user.has_usable_password():
        raise ServiceError(_("%(user)s has already chosen a password. If it is forgotten, they can use "
                             "“Forgot your password?” on the login page.") % {"user": user})
    user.set_unusable_password()
    user.invited_at = timezone.now()
    user.save(update_fields=["password", "invited_at"])
    log_action("user.invitation_sent", actor=actor, municipality=scope.municipality, obj=user,
               data={"email": user.email})
    send_invitation.enqueue(user.pk)
