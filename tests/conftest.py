import pytest
from rest_framework.test import APIClient

from tests.personas import PERSONAS, World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def client_for(world, client):
    """client_for("hr") -> a Django test client logged in as that persona ("anonymous": not logged in)."""

    def make(persona: str):
        from django.test import Client

        c = Client()
        if persona != "anonymous":
            c.force_login(world.user(persona))
        return c

    return make


@pytest.fixture
def api_for(world):
    """api_for("hr") -> a DRF APIClient authenticated with that persona's token."""
    from rest_framework.authtoken.models import Token

    def make(persona: str):
        c = APIClient()
        if persona != "anonymous":
            token, _ = Token.objects.get_or_create(user=world.user(persona))
            c.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return c

    return make


__all__ = ["PERSONAS"]
