"""The pages "Users and roles": a municipality's administrators manage its users (/app/brugere/), national
editors the national users, editors and learning providers (/app/brugere/nationale/).

A user is invited by e-mail (the invitee chooses their password through a single-use link), given roles (and,
for a municipality, units for managers and the imported person they are), changed, deactivated and reactivated,
never deleted: the audit trail keeps them. Every user is read within the requester's scope (selectors.py), so
another municipality's user is a 404; every change goes through services.py, which refuses what the scope does
not allow and writes the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from digikomp.accounts import selectors, services
from digikomp.accounts.forms import UserForm
from digikomp.accounts.models import User
from digikomp.audit.models import AuditEntry
from digikomp.lib.errors import ServiceError, add_to_form, error_summary
from digikomp.tenancy import orgtree
from digikomp.tenancy import selectors as tenancy
from digikomp.tenancy.decorators import permission_required
from digikomp.tenancy.roles import Role

USERS_PER_PAGE = 50
PICKER_LIMIT = 20
PERMISSION = {False: "users.manage", True: "users.national"}


def _names(national: bool) -> dict[str, str]:
    prefix = "national_" if national else ""
    return {key: f"users:{prefix}{key}"
            for key in ("list", "invite", "edit", "deactivate", "reactivate", "resend")}


def _status(user: User) -> tuple[str, str]:
    if not user.is_active:
        return "inactive", _("Deactivated")
    if not user.has_usable_password():
        return "invited", _("Invited, has not chosen a password")
    return "active", _("Active")


def _row(user: User, scope: services.UserScope) -> dict:
    assignments = list(user.role_assignments.all())
    status, status_label = _status(user)
    return {"user": user, "status": status, "status_label": status_label,
            "roles": [Role(a.role).label for a in sorted(assignments, key=lambda a: Role.values.index(a.role))],
            "units": sorted(u.name for a in assignments if a.role == Role.MANAGER for u in a.units.all())}


def _user_list(request, *, national: bool):
    scope = selectors.scope_for(request.access, national=national)
    query = request.GET.get("q", "").strip()[: selectors.QUERY_MAX_LENGTH]
    role = request.GET.get("rolle", "")
    users = selectors.search_users(scope, query, role)
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("side"))
    return render(request, "accounts/users/list.html", {
        "national": national, "scope": scope, "names": _names(national), "query": query, "role": role,
        "role_choices": [(r, Role(r).label) for r in scope.roles], "page": page,
        "rows": [_row(user, scope) for user in page.object_list],
    })


@permission_required("users.manage")
def user_list(request):
    return _user_list(request, national=False)


@permission_required("users.national")
def national_user_list(request):
    return _user_list(request, national=True)


def _pickers(request, form: UserForm, scope: services.UserScope) -> dict:
    """The chosen units and person, and the search results to choose from (municipal users only)."""
    if scope.national:
        return {}
    access = request.access
    chosen_ids = [int(v) for v in form.value_list("units") if v.isdigit()]
    chosen = list(tenancy.visible_units(access).filter(pk__in=chosen_ids).order_by("path"))
    unit_q = form.value("unit_q")[:100]
    found_units, more_units = [], False
    if unit_q:
        found, _people = orgtree.search(access, unit_q)
        found_units = [u for u in found if u.pk not in chosen_ids][:PICKER_LIMIT]
        more_units = len(found) > PICKER_LIMIT
    paths = selectors.unit_paths(chosen + found_units)
    person_id = form.value("person")
    person = tenancy.visible_people(access).filter(external_id=person_id).select_related("primary_unit").first() \
        if person_id else None
    person_q = form.value("person_q")[:100]
    found_people, more_people = [], False
    if person_q:
        people = tenancy.visible_people(access).filter(active=True).select_related("primary_unit")
        by_id = list(people.filter(external_id=person_q))
        _units, by_name = orgtree.search(access, person_q)
        found_people = [p for p in [*by_id, *by_name] if person is None or p.pk != person.pk][:PICKER_LIMIT]
        more_people = len(by_name) > PICKER_LIMIT
    return {
        "chosen_units": [{"unit": u, "path": paths[u.pk]} for u in chosen],
        "found_units": [{"unit": u, "path": paths[u.pk]} for u in found_units],
        "unit_q": unit_q, "more_units": more_units,
        "person": person, "person_unknown": bool(person_id) and person is None, "person_id": person_id,
        "found_people": found_people, "person_q": person_q, "more_people": more_people,
    }


ACTIONS = {
    "user.created": gettext_lazy("Created"),
    "user.invited": gettext_lazy("Invited"),
    "user.invitation_sent": gettext_lazy("Invitation sent again"),
    "user.invitation_accepted": gettext_lazy("Accepted the invitation and chose a password"),
    "user.updated": gettext_lazy("Changed"),
    "user.role_added": gettext_lazy("Role added"),
    "user.units_added": gettext_lazy("Units added"),
    "user.deactivated": gettext_lazy("Deactivated"),
    "user.reactivated": gettext_lazy("Reactivated"),
    "user.password_reset_requested": gettext_lazy("Asked for a new password"),
    "user.password_reset": gettext_lazy("Chose a new password through the e-mailed link"),
    "user.password_changed": gettext_lazy("Changed their password"),
    "api_token.created": gettext_lazy("API token created"),
    "api_token.rotated": gettext_lazy("API token replaced"),
}


def _history(user: User) -> list[dict]:
    """The user's audit entries, newest first, in words (the passwords themselves are never logged)."""
    entries = AuditEntry.objects.filter(object_type=User._meta.label, object_id=str(user.pk)).order_by("-at", "-id")
    rows = []
    for entry in entries[:20]:
        data, details = entry.data or {}, []
        roles = [*data.get("roles", []), *data.get("roles_added", [])]
        if roles:
            details.append(_("roles: %(roles)s") % {"roles": ", ".join(_role_label(r) for r in roles)})
        if data.get("roles_removed"):
            details.append(_("roles removed: %(roles)s")
                           % {"roles": ", ".join(_role_label(r) for r in data["roles_removed"])})
        units = [*data.get("units", []), *data.get("units_added", [])]
        if units:
            details.append(_("units: %(units)s") % {"units": ", ".join(units)})
        if data.get("units_removed"):
            details.append(_("units removed: %(units)s") % {"units": ", ".join(data["units_removed"])})
        rows.append({"entry": entry, "label": ACTIONS.get(entry.action, entry.action), "details": details})
    return rows


def _role_label(role) -> str:
    return str(Role(role).label) if role in Role.values else str(role)


def _user_form(request, *, national: bool, pk: int | None = None):
    access = request.access
    scope = selectors.scope_for(access, national=national)
    user = selectors.get_user(scope, pk) if pk is not None else None
    names = _names(national)
    role_choices = [(r, Role(r).label) for r in scope.roles]
    options = {"role_choices": role_choices, "inviting": user is None, "municipal": not national}
    if request.method == "POST":
        form = UserForm(request.POST, **options)
        form.is_valid()  # every field is optional text: the service decides what is missing or wrong
        if request.POST.get("action") == "save":
            data = form.cleaned_data
            arguments = {"scope": scope, "actor": request.user, "full_name": data.get("full_name", ""),
                         "roles": form.value_list("roles"), "unit_ids": form.value_list("units"),
                         "person_external_id": form.value("person")}
            try:
                if user is None:
                    user = services.user_invite(email=data.get("email", ""), **arguments)
                    messages.success(request, _("%(user)s is invited; the e-mail with the link to choose a "
                                                "password is on its way.") % {"user": user})
                else:
                    change = services.user_update(user=user, **arguments)
                    messages.success(request, _("The changes to %(user)s are saved.") % {"user": user} if change
                                     else _("Nothing was changed."))
            except ServiceError as error:
                add_to_form(form, error)
            else:
                return redirect(names["list"])
    else:
        initial = {}
        if user is not None:
            assignments = list(user.role_assignments.all())
            initial = {"full_name": user.full_name, "roles": [a.role for a in assignments],
                       "units": [u.pk for a in assignments if a.role == Role.MANAGER for u in a.units.all()],
                       "person": user.person.external_id if user.person_id else ""}
        form = UserForm(initial=initial, **options)
    status = _status(user) if user is not None else ("", "")
    return render(request, "accounts/users/form.html", {
        "form": form, "scope": scope, "national": national, "names": names, "edited": user,
        "status": status[0], "status_label": status[1], "error_summary": error_summary(form),
        "chosen_roles": set(form.value_list("roles")),
        "history": _history(user) if user is not None else [],
        "other_roles": [Role(a.role).label for a in user.role_assignments.exclude(role__in=scope.roles)]
        if user is not None else [],
        **_pickers(request, form, scope),
    })


@permission_required("users.manage")
def user_invite(request):
    return _user_form(request, national=False)


@permission_required("users.national")
def national_user_invite(request):
    return _user_form(request, national=True)


@permission_required("users.manage")
def user_edit(request, pk: int):
    return _user_form(request, national=False, pk=pk)


@permission_required("users.national")
def national_user_edit(request, pk: int):
    return _user_form(request, national=True, pk=pk)


def _action(request, pk: int, *, national: bool, action: str):
    scope = selectors.scope_for(request.access, national=national)
    user = selectors.get_user(scope, pk)
    try:
        if action == "resend":
            services.invitation_resend(scope=scope, actor=request.user, user=user)
            messages.success(request, _("A new invitation is on its way to %(email)s; the earlier link no longer "
                                        "works.") % {"email": user.email})
        else:
            active = action == "reactivate"
            services.user_set_active(scope=scope, actor=request.user, user=user, active=active)
            messages.success(request, (_("%(user)s is active again and can log in.") if active else
                                       _("%(user)s is deactivated and can no longer log in.")) % {"user": user})
    except ServiceError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(_names(national)["edit"], pk=user.pk)


@require_POST
@permission_required("users.manage")
def user_action(request, pk: int, action: str):
    return _action(request, pk, national=False, action=action)


@require_POST
@permission_required("users.national")
def national_user_action(request, pk: int, action: str):
    return _action(request, pk, national=True, action=action)


