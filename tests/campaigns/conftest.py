import pytest
from django.conf import settings


@pytest.fixture
def client_for(client_for):
    """The personas' clients, reading the pages in English so the assertions do not depend on the catalogue."""

    def make(persona: str, language: str = "en"):
        client = client_for(persona)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    return make


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    """The populated world is small: its campaigns use k = 3, which the national floor must allow."""
    settings.DIGIKOMP_ANONYMITY_K = 3
