"""Permission-matrix rows for the pages "Users and roles" (/app/brugere/) and the password pages (/konto/),
as data for tests/test_permission_matrix.py, which runs each row once for every persona; test_matrix.py here
checks that every URL of the namespaces has a row.

Personas: anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin (the admin of
København). A municipality's users need "users.manage" (its administrators): København's admin has it for
København, so Aarhus's user is a 404 to them. National users need "users.national" (national editors).

"needs": `aarhus_user(world)` and `national_user(world)` below add an invited user (no password yet) at a fixed
primary key, so the rows can name them.
"""

from __future__ import annotations

AARHUS_USER, NATIONAL_USER, MISSING = {"pk": 4343}, {"pk": 4344}, {"pk": 999999}


def _invited(world, pk, email, role, municipality):
    from digikomp.accounts.models import RoleAssignment, User

    user = User(pk=pk, email=email, full_name=email.split("@")[0], municipality=municipality)
    user.set_unusable_password()
    user.save()
    RoleAssignment.objects.create(user=user, role=role)
    return user


def aarhus_user(world):
    return _invited(world, AARHUS_USER["pk"], "ny@aarhus.example", "hr", world.aarhus)


def national_user(world):
    return _invited(world, NATIONAL_USER["pk"], "ny@udbyder.example", "provider", None)


def statuses(anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin) -> dict:
    return {"anonymous": anonymous, "national_editor": national_editor, "municipal_admin": municipal_admin,
            "hr": hr, "manager": manager, "employee": employee, "provider": provider, "other_admin": other_admin}


NEEDS = ["aarhus_user", "national_user"]
# Pages of the requester's own municipality's users (København's admin sees København's).
OWN = statuses(302, 403, 200, 403, 403, 403, 403, 200)
AARHUS = statuses(302, 403, 200, 403, 403, 403, 403, 404)
AARHUS_CHANGED = statuses(302, 403, 302, 403, 403, 403, 403, 404)
MUNICIPAL_NOT_FOUND = statuses(302, 403, 404, 403, 403, 403, 403, 404)
NATIONAL = statuses(302, 200, 403, 403, 403, 403, 403, 403)
NATIONAL_CHANGED = statuses(302, 302, 403, 403, 403, 403, 403, 403)
NATIONAL_NOT_FOUND = statuses(302, 404, 403, 403, 403, 403, 403, 403)
POST_ONLY = statuses(405, 405, 405, 405, 405, 405, 405, 405)
EVERYONE = statuses(200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = statuses(302, 200, 200, 200, 200, 200, 200, 200)
LINK = {"uidb64": "MQ", "token": "abc-123"}  # a link that does not work: the page says so


def case(name, kwargs=None, method="get", expected=AARHUS, data=None, needs=NEEDS) -> dict:
    row = {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs)}
    if data is not None:
        row["data"] = data
    return row


CASES = [
    # --- a municipality's users ------------------------------------------------------------------------------
    case("users:list", expected=OWN),
    case("users:invite", expected=OWN),
    # An empty invitation comes back with its errors; nobody is invited.
    case("users:invite", method="post", expected=OWN, data={"action": "save"}),
    case("users:edit", AARHUS_USER),
    case("users:edit", NATIONAL_USER, expected=MUNICIPAL_NOT_FOUND),
    case("users:edit", MISSING, expected=MUNICIPAL_NOT_FOUND),
    case("users:edit", AARHUS_USER, "post", AARHUS, data={"action": "save"}),
    case("users:deactivate", AARHUS_USER, "post", AARHUS_CHANGED),
    case("users:deactivate", NATIONAL_USER, "post", MUNICIPAL_NOT_FOUND),
    case("users:deactivate", AARHUS_USER, "get", POST_ONLY),
    case("users:reactivate", AARHUS_USER, "post", AARHUS_CHANGED),
    case("users:reactivate", AARHUS_USER, "get", POST_ONLY),
    case("users:resend", AARHUS_USER, "post", AARHUS_CHANGED),
    case("users:resend", AARHUS_USER, "get", POST_ONLY),
    # --- national users --------------------------------------------------------------------------------------
    case("users:national_list", expected=NATIONAL),
    case("users:national_invite", expected=NATIONAL),
    case("users:national_invite", method="post", expected=NATIONAL, data={"action": "save"}),
    case("users:national_edit", NATIONAL_USER, expected=NATIONAL),
    case("users:national_edit", AARHUS_USER, expected=NATIONAL_NOT_FOUND),
    case("users:national_edit", NATIONAL_USER, "post", NATIONAL, data={"action": "save"}),
    case("users:national_deactivate", NATIONAL_USER, "post", NATIONAL_CHANGED),
    case("users:national_deactivate", AARHUS_USER, "post", NATIONAL_NOT_FOUND),
    case("users:national_deactivate", NATIONAL_USER, "get", POST_ONLY),
    case("users:national_reactivate", NATIONAL_USER, "post", NATIONAL_CHANGED),
    case("users:national_reactivate", NATIONAL_USER, "get", POST_ONLY),
    case("users:national_resend", NATIONAL_USER, "post", NATIONAL_CHANGED),
    case("users:national_resend", NATIONAL_USER, "get", POST_ONLY),
    # --- passwords: open to everyone (a link that does not work says so), changing needs a login --------------
    case("accounts:password_reset", expected=EVERYONE, needs=()),
    case("accounts:password_reset", method="post", expected=EVERYONE, data={}, needs=()),
    case("accounts:password_reset_done", expected=EVERYONE, needs=()),
    case("accounts:password_reset_confirm", LINK, expected=EVERYONE, needs=()),
    case("accounts:password_reset_complete", expected=EVERYONE, needs=()),
    case("accounts:invitation", LINK, expected=EVERYONE, needs=()),
    case("accounts:invitation_complete", expected=EVERYONE, needs=()),
    case("accounts:password_change", expected=LOGGED_IN, needs=()),
    # A wrong old password comes back with its error; nothing changes.
    case("accounts:password_change", method="post", expected=LOGGED_IN, data={"old_password": "x"}, needs=()),
]
