"""Logging in and out with e-mail and password, the lockout after failed attempts, and the CSRF check."""

import pytest
from django.test import Client

from tests.personas import PASSWORD
from tests.web.markup import find, text

LOGIN = "/konto/login/"


def _login(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def test_login_page_is_danish_and_labelled(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Log ind" in text(response)
    assert find(response, "label", **{"for": "id_username"})
    assert find(response, "label", **{"for": "id_password"})
    assert find(response, "input", name="username", type="email", autocomplete="email")
    assert find(response, "input", name="password", autocomplete="current-password")


def test_persona_logs_in_and_lands_on_the_dashboard(client, world):
    response = _login(client, "hr@aarhus.example", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/app/"
    assert "Velkommen, hr" in text(client.get("/app/"))


def test_e_mail_is_not_case_sensitive(client, world):
    response = _login(client, "  HR@Aarhus.Example ", PASSWORD)
    assert response.status_code == 302


def test_login_returns_to_the_page_that_asked_for_it(client, world):
    response = _login(client, "admin@aarhus.example", PASSWORD, next="/app/organisation/")
    assert response["Location"] == "/app/organisation/"


def test_login_does_not_redirect_off_site(client, world):
    response = _login(client, "admin@aarhus.example", PASSWORD, next="https://evil.example/")
    assert response["Location"] == "/app/"


def test_wrong_password_shows_an_error_and_does_not_log_in(client, world):
    response = _login(client, "hr@aarhus.example", "forkert")
    assert response.status_code == 200
    summary = find(response, "div", class_="error-summary")
    assert summary and summary[0]["role"] == "alert"
    assert "Du kunne ikke logges ind" in text(response)
    assert client.get("/app/").status_code == 302


def test_invalid_field_is_linked_to_its_error_message(client, db):
    response = _login(client, "ikke-en-adresse", "x")
    field = find(response, "input", name="username")[0]
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "id_username_error"
    assert find(response, "p", id="id_username_error", class_="field-error")


def test_logged_in_user_visiting_login_goes_to_the_dashboard(client_for):
    response = client_for("hr").get(LOGIN)
    assert response.status_code == 302 and response["Location"] == "/app/"


def test_logout_by_post_ends_the_session(client, world):
    _login(client, "hr@aarhus.example", PASSWORD)
    response = client.post("/konto/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/app/").status_code == 302


def test_logout_by_get_is_refused(client_for):
    client = client_for("hr")
    assert client.get("/konto/logout/").status_code == 405
    assert client.get("/app/").status_code == 200


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, world, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert _login(client, "hr@aarhus.example", "forkert").status_code == 200
    assert _login(client, "hr@aarhus.example", "forkert").status_code == 429

    response = _login(client, "hr@aarhus.example", PASSWORD)
    assert response.status_code == 429
    page = text(response)
    assert "For mange forsøg" in page and "Prøv igen om 15 minutter." in page
    assert client.get("/app/").status_code == 302  # not logged in


def test_lockout_counts_differently_cased_addresses_as_one_account(client, world):
    for email in ["hr@aarhus.example", "HR@aarhus.example", "Hr@Aarhus.example", "hr@AARHUS.example"]:
        _login(client, email, "forkert")
    assert _login(client, "HR@AARHUS.EXAMPLE", "forkert").status_code == 429


def test_lockout_of_one_account_leaves_others_alone(client, world):
    for _ in range(5):
        _login(client, "hr@aarhus.example", "forkert")
    assert _login(client, "admin@aarhus.example", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_failure_count(client, world):
    for _ in range(4):
        _login(client, "hr@aarhus.example", "forkert")
    assert _login(client, "hr@aarhus.example", PASSWORD).status_code == 302
    client.post("/konto/logout/")
    for _ in range(4):
        _login(client, "hr@aarhus.example", "forkert")
    assert _login(client, "hr@aarhus.example", PASSWORD).status_code == 302


@pytest.mark.parametrize("with_token", [False, True])
def test_login_enforces_csrf(world, with_token):
    client = Client(enforce_csrf_checks=True)
    data = {"username": "hr@aarhus.example", "password": PASSWORD}
    if with_token:
        client.get(LOGIN)
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    response = client.post(LOGIN, data)
    assert response.status_code == (302 if with_token else 403)
