"""The API takes a token or the session of a logged-in browser, and nothing else."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

URL = "/api/v1/municipalities/751/units"


def test_token_authentication_works(api_for):
    assert api_for("hr").get(URL).status_code == 200


def test_session_authentication_works(client_for):
    response = client_for("hr").get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 5


def test_a_wrong_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get(URL).status_code == 401


def test_a_deactivated_users_token_stops_working(api_for, world):
    client = api_for("hr")
    user = world.user("hr")
    user.is_active = False
    user.save()
    assert Token.objects.filter(user=user).exists()
    assert client.get(URL).status_code == 401


def test_session_writes_need_a_csrf_token(world):
    # A browser session must not be usable cross-site: DRF enforces CSRF for session-authenticated writes.
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.user("municipal_admin"))
    response = client.post("/api/v1/municipalities/751/units", {})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
