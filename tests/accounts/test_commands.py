"""The operator commands `digikomp create-user` and `digikomp api-token`."""

import importlib
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from digikomp.accounts.models import RoleAssignment, User
from digikomp.audit.models import AuditEntry
from tests.personas import PASSWORD

DIGIKOMP = Path(sys.executable).with_name("digikomp")


def run(*args) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out)
    return out.getvalue()


def fails(*args) -> str:
    with translation.override("en"), pytest.raises(CommandError) as excinfo:
        call_command(*args, stdout=StringIO())
    return str(excinfo.value)


def test_the_console_command_knows_both_commands_by_their_hyphenated_names(tmp_path):
    result = subprocess.run([str(DIGIKOMP), "help", "--commands"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "DIGIKOMP_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert {"create-user", "api-token"} <= set(result.stdout.split())
    # Django finds commands by file name; importlib imports a hyphenated module although `import` cannot.
    module = importlib.import_module("digikomp.accounts.management.commands.create-user")
    assert module.Command.__module__.endswith("create-user")


# --- create-user ------------------------------------------------------------------------------------------


def test_it_creates_a_municipal_admin_and_audits_it(world):
    out = run("create-user", "--email", "Ny.Admin@Aarhus.dk", "--password", PASSWORD,
              "--role", "municipal_admin", "--municipality", "751", "--name", "Ny Admin")
    user = User.objects.get(email="ny.admin@aarhus.dk")
    assert "Created ny.admin@aarhus.dk" in out
    assert user.check_password(PASSWORD)
    assert user.municipality == world.aarhus and user.full_name == "Ny Admin"
    assert list(user.role_assignments.values_list("role", flat=True)) == ["municipal_admin"]
    entry = AuditEntry.objects.get(action="user.created", object_id=str(user.pk))
    assert entry.actor_label == "system" and entry.municipality == world.aarhus
    assert entry.data == {"email": "ny.admin@aarhus.dk", "role": "municipal_admin", "units": []}
    assert PASSWORD not in str(entry.data)


def test_a_manager_created_with_units_sees_them_through_the_api(world):
    run("create-user", "--email", "chef@aarhus.dk", "--password", PASSWORD, "--role", "manager",
        "--municipality", "751", "--units", "HJP, SKO", "--person", "P2")
    user = User.objects.get(email="chef@aarhus.dk")
    assert user.person == world.people["bo"]
    key = run("api-token", "chef@aarhus.dk").strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    units = client.get("/api/v1/municipalities/751/units").json()["results"]
    assert [u["external_id"] for u in units] == ["HJP", "SKO"]


def test_running_it_twice_changes_nothing(world):
    args = ("create-user", "--email", "hr2@aarhus.dk", "--password", PASSWORD, "--role", "hr",
            "--municipality", "751")
    run(*args)
    out = run(*args)
    assert "already has the role HR" in out
    assert RoleAssignment.objects.filter(user__email="hr2@aarhus.dk").count() == 1
    assert AuditEntry.objects.filter(object_id=str(User.objects.get(email="hr2@aarhus.dk").pk)).count() == 1


def test_an_existing_user_gets_the_new_role_and_keeps_the_password(world):
    hr = world.user("hr")
    out = run("create-user", "--email", "HR@aarhus.example", "--password", "something-else-entirely-42",
              "--role", "manager", "--municipality", "751", "--units", "BOU")
    assert "already existed; added the role Manager" in out and "Units: BOU" in out
    hr.refresh_from_db()
    assert hr.check_password(PASSWORD)
    assert set(hr.role_assignments.values_list("role", flat=True)) == {"hr", "manager"}
    assert AuditEntry.objects.filter(action="user.role_added", object_id=str(hr.pk)).exists()


def test_an_existing_manager_gains_units_without_losing_any(world):
    run("create-user", "--email", "leder@aarhus.example", "--role", "manager", "--municipality", "751",
        "--units", "BOU")
    units = world.user("manager").role_assignments.get(role="manager").units
    assert set(units.values_list("external_id", flat=True)) == {"SOC", "BOU"}
    entry = AuditEntry.objects.get(action="user.units_added")
    assert entry.data == {"email": "leder@aarhus.example", "role": "manager", "units": ["BOU"]}


def test_a_national_role_needs_no_municipality(world):
    run("create-user", "--email", "red2@kl.dk", "--password", PASSWORD, "--role", "national_editor")
    assert User.objects.get(email="red2@kl.dk").municipality is None


@pytest.mark.parametrize(
    "extra, option, reason",
    [
        (["--role", "hr"], "--municipality", "needs a municipality"),
        (["--role", "hr", "--municipality", "999"], "--municipality", "no municipality with the number 999"),
        (["--role", "provider", "--municipality", "751"], "--municipality", "not tied to a municipality"),
        (["--role", "hr", "--municipality", "751", "--units", "SOC"], "--units", "Only managers"),
        (["--role", "manager", "--municipality", "751"], "--units", "at least one unit"),
        (["--role", "manager", "--municipality", "751", "--units", "SOC,NOPE,BIB"], "--units", "BIB, NOPE"),
        (["--role", "employee", "--municipality", "751", "--person", "P9"], "--person", "no person"),
        (["--role", "employee", "--municipality", "751", "--person", "P1"], "--person", "Another user"),
    ],
)
def test_bad_arguments_are_refused_naming_the_option(world, extra, option, reason):
    message = fails("create-user", "--email", "ny@aarhus.dk", "--password", PASSWORD, *extra)
    assert f"{option}: " in message and reason in message
    assert not User.objects.filter(email="ny@aarhus.dk").exists()


def test_an_unknown_role_is_refused(world):
    message = fails("create-user", "--email", "ny@aarhus.dk", "--password", PASSWORD, "--role", "mayor")
    assert "invalid choice: 'mayor'" in message


def test_a_weak_password_is_refused_with_the_validators_reasons(world):
    message = fails("create-user", "--email", "ny@aarhus.dk", "--password", "12345678", "--role", "hr",
                    "--municipality", "751")
    assert "--password: This password is too common." in message
    assert "--password: This password is entirely numeric." in message
    assert not User.objects.filter(email="ny@aarhus.dk").exists()


def test_every_problem_is_reported_at_once(world):
    message = fails("create-user", "--email", "not-an-address", "--role", "manager", "--municipality", "751",
                    "--units", "NOPE")
    assert {line.split(":")[0] for line in message.splitlines()} == {"--email", "--password", "--units"}


def test_a_user_cannot_move_to_another_municipality(world):
    message = fails("create-user", "--email", "admin@kbh.example", "--role", "hr", "--municipality", "751")
    assert "--municipality: The user already belongs to København." in message
    assert not world.user("other_admin").role_assignments.filter(role="hr").exists()


def test_messages_are_danish_by_default(world):
    with pytest.raises(CommandError) as excinfo:
        call_command("create-user", "--email", "ny@aarhus.dk", "--password", PASSWORD, "--role", "hr",
                     stdout=StringIO())
    assert "--municipality: Rollen HR kræver en kommune." in str(excinfo.value)


# --- api-token --------------------------------------------------------------------------------------------


def test_api_token_prints_the_same_token_until_rotated(world):
    first = run("api-token", "hr@aarhus.example").strip()
    assert re.fullmatch(r"[0-9a-f]{40}", first)
    assert run("api-token", "HR@aarhus.example").strip() == first
    assert Token.objects.get(user=world.user("hr")).key == first

    rotated = run("api-token", "hr@aarhus.example", "--rotate").strip()
    assert rotated != first
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert client.get("/api/v1/municipalities/751/units").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {rotated}")
    assert client.get("/api/v1/municipalities/751/units").status_code == 200

    entries = AuditEntry.objects.filter(object_id=str(world.user("hr").pk))
    actions = list(entries.values_list("action", "data"))
    assert sorted(actions) == [("api_token.created", {}), ("api_token.rotated", {})]


def test_api_token_refuses_unknown_and_deactivated_users(world):
    assert "no user with the e-mail address nobody@aarhus.dk" in fails("api-token", "nobody@aarhus.dk")
    hr = world.user("hr")
    hr.is_active = False
    hr.save()
    assert "deactivated" in fails("api-token", "hr@aarhus.example")
    assert not Token.objects.filter(user=hr).exists()


def test_the_commands_run_from_the_shell_with_exit_codes(tmp_path):
    # End to end through the installed console script against a fresh database: errors exit 1 on stderr.
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = {**os.environ, "DIGIKOMP_DATA_DIR": str(tmp_path), "DATABASE_URL": database}

    def digikomp(*args):
        return subprocess.run([str(DIGIKOMP), *args], capture_output=True, text=True, timeout=120, env=env)

    assert digikomp("migrate", "-v0").returncode == 0
    weak = digikomp("create-user", "--email", "a@aarhus.dk", "--password", "123", "--role", "municipal_admin",
                    "--municipality", "751")
    assert weak.returncode == 1 and "--password:" in weak.stderr
    good = digikomp("create-user", "--email", "a@aarhus.dk", "--password", PASSWORD,
                    "--role", "municipal_admin", "--municipality", "751")
    assert good.returncode == 0, good.stderr
    token = digikomp("api-token", "a@aarhus.dk")
    assert token.returncode == 0 and re.fullmatch(r"[0-9a-f]{40}\n", token.stdout)
