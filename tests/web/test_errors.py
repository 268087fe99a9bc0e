"""The error pages render inside the layout, in Danish."""

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.web.markup import find, text


def test_unknown_page_is_a_danish_404_in_the_layout(client, db):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in text(response)
    assert find(response, "main", id="main") and find(response, "a", class_="skip-link")


def test_missing_unit_is_the_same_404_page(client_for):
    response = client_for("municipal_admin").get("/app/organisation/enheder/NOPE/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in text(response)


def test_forbidden_page_is_a_danish_403_in_the_layout(client_for):
    response = client_for("employee").get("/app/organisation/")
    assert response.status_code == 403
    assert "Du har ikke adgang til denne side" in text(response)
    # Still the full layout for a logged-in user: the menu and the log-out button are there.
    assert find(response, "nav", **{"aria-label": "Hovedmenu"})
    assert "Log ud" in text(response)


def test_server_error_page_renders_without_a_request_context(db):
    # Django renders 500.html without the request (no user, menu or CSRF token); it must still be Danish.
    request = RequestFactory().get("/")
    with translation.override("da"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="da">' in html
    assert "Der opstod en fejl" in html
    assert "csrfmiddlewaretoken" not in html and "Log ind" not in html


def test_csrf_failure_page_explains_in_danish(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in text(response)
