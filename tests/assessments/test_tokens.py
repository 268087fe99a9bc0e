"""The token parser of personal links (assessments/tokens.py) refuses what is not a token, whatever the
characters: a non-ASCII token once reached hmac.compare_digest, which raises TypeError (a 500 to anyone)."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from digikomp.assessments.tokens import public_id_from, token_for

NON_ASCII = ["a.é", "é.b", "ø" * 10 + "." + "å" * 32, "a.\u200b", "a.０１２"]


@pytest.mark.parametrize("token", NON_ASCII)
def test_a_token_with_non_ascii_characters_is_no_token(token, settings):
    assert public_id_from(token) is None


def test_a_genuine_token_still_parses(settings):
    assert public_id_from(token_for("abc123_-")) == "abc123_-"


@pytest.mark.parametrize("tail", ["", "trin/1/", "resultat/"])
def test_the_survey_page_answers_a_non_ascii_token_with_the_invalid_link_page(db, tail):
    response = Client(raise_request_exception=False).get(f"/svar/a.%C3%A9/{tail}")
    assert response.status_code == 404
    assert "Linket er ikke gyldigt" in response.content.decode()


@pytest.mark.parametrize("method, tail", [("get", ""), ("put", "/draft"), ("post", "/submit"), ("get", "/result")])
def test_the_api_answers_a_non_ascii_token_with_its_404(db, method, tail):
    client = APIClient(raise_request_exception=False)
    response = getattr(client, method)(f"/api/v1/survey/a.%C3%A9{tail}", {}, format="json")
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}
