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
