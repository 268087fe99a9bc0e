"""Errors as production shows them (DEBUG off, as `make run` runs too): a failing view gives our own 500 page
without a traceback, settings or paths, the API's 500 is JSON, and 404 and 500 carry the same security headers
as every other response (django-csp leaves them out only for Django's debug pages)."""

import pytest
from django.test import Client

from tests.web.error_urls import SECRET

pytestmark = pytest.mark.urls("tests.web.error_urls")


@pytest.fixture
def visitor(settings, db):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def assert_secure_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_failing_page_shows_our_500_page_and_nothing_of_the_failure(visitor):
    response = visitor.get("/fejl/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Der opstod en fejl" in html and '<html lang="da">' in html
    for leak in (SECRET, "Traceback", "RuntimeError", "SECRET_KEY", "settings", "/work/", "site-packages"):
        assert leak not in html, leak
    assert_secure_headers(response)


def test_a_failing_api_call_answers_in_the_apis_error_shape(visitor):
    response = visitor.get("/api/v1/fejl")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"} and SECRET not in response.content.decode()
    assert_secure_headers(response)


@pytest.mark.parametrize("path", ["/findes-ikke/", "/svar/et.ugyldigt-link/", "/api/v1/findes-ikke"])
def test_a_404_carries_the_security_headers(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 404
    assert_secure_headers(response)
