"""Security headers on every page, and the production configuration checks (`digikomp check --deploy`)."""

import os
import secrets
import subprocess
import sys

import pytest

# (persona, method, path): pages, redirects and error responses alike must carry the headers.
RESPONSES = [
    ("anonymous", "get", "/"),
    ("anonymous", "get", "/konto/login/"),
    ("anonymous", "get", "/app/"),  # redirect to login
    ("anonymous", "get", "/findes-ikke/"),  # 404
    ("anonymous", "post", "/i18n/setlang/"),  # redirect
    ("municipal_admin", "get", "/app/"),
    ("municipal_admin", "get", "/app/organisation/"),
    ("municipal_admin", "get", "/app/organisation/?q=anna"),
    ("municipal_admin", "get", "/app/organisation/enheder/SOC/"),
    ("other_admin", "get", "/app/organisation/enheder/SOC/"),  # 404 across municipalities
    ("employee", "get", "/app/organisation/"),  # 403
]


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize("persona,method,path", RESPONSES)
def test_every_response_carries_the_security_headers(client_for, persona, method, path):
    response = getattr(client_for(persona), method)(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    directives = _directives(csp)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_session_and_language_cookies_are_not_readable_by_scripts(client, world):
    from tests.personas import PASSWORD

    client.post("/konto/login/", {"username": "hr@aarhus.example", "password": PASSWORD})
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["sessionid"]["samesite"] == "Lax"
    client.post("/i18n/setlang/", {"language": "en"})
    assert client.cookies["digikomp_language"]["httponly"]


# --- `digikomp check` in a production-like environment --------------------------------------------------

CONFIG_VARIABLES = ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "HTTPS", "DATABASE_URL", "DIGIKOMP_ANONYMITY_K",
                    "DIGIKOMP_DATA_DIR", "BEHIND_PROXY", "SECURE_HSTS_SECONDS")


def _digikomp(args, tmp_path, **env) -> subprocess.CompletedProcess:
    """Run the console command in a fresh process with only the given configuration variables set."""
    environment = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    environment.update(DIGIKOMP_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="digikomp.settings", **env)
    return subprocess.run([sys.executable, "-m", "digikomp", *args], env=environment, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


PRODUCTION = {"DEBUG": "0", "ALLOWED_HOSTS": "digikomp.example", "HTTPS": "1"}


def test_production_settings_pass_the_deploy_check(tmp_path):
    secret = secrets.token_urlsafe(64)[:50]
    result = _digikomp(["check", "--deploy", "--fail-level", "WARNING"], tmp_path, SECRET_KEY=secret,
                       **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_a_secret_key_from_the_environment(tmp_path):
    result = _digikomp(["check", "--deploy", "--fail-level", "WARNING"], tmp_path, **PRODUCTION)
    assert result.returncode != 0
    assert "digikomp.E001" in result.stderr and "SECRET_KEY" in result.stderr


def test_the_secret_key_check_is_for_deployment_only(tmp_path):
    # A developer's laptop runs on the generated key without complaint.
    result = _digikomp(["check"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "variable,value",
    [
        ("DEBUG", "maybe"),
        ("DIGIKOMP_ANONYMITY_K", "2"),
        ("HTTPS", "ja"),
        ("DATABASE_URL", "mysql://db/digikomp"),
    ],
)
def test_bad_environment_values_stop_the_command_and_name_the_variable(tmp_path, variable, value):
    result = _digikomp(["check"], tmp_path, **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and variable in result.stderr
