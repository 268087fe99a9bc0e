"""What a link says when it cannot be answered: invalid (404, naming nothing), closed (410), not yet open."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from digikomp.assessments.models import Campaign, Response
from digikomp.assessments.services import response_submit
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import full_answers
from tests.survey.helpers import step_url, survey_url, text


def mangled(token: str) -> str:
    return token[:-1] + ("0" if token[-1] != "0" else "1")


@pytest.mark.parametrize("make", [
    lambda token: "abcdef.0123456789",  # guessed
    mangled,  # one character changed: the signature fails
    lambda token: token.split(".")[0],  # signature cut off
    lambda token: token_for("no-such-invitation"),  # correctly signed, but unknown
])
@pytest.mark.parametrize("tail", ["", "trin/1/", "gennemse/", "resultat/", "resultat/pdf/da/"])
def test_an_invalid_link_is_404_and_names_no_campaign(browser, token, make, tail):
    response = browser.get(survey_url(make(token), tail))
    assert response.status_code == 404
    body = text(response)
    assert "The link is not valid" in body
    assert "Kortlægning" not in body and "Aarhus" not in body and "Anna" not in body


def test_an_invalid_link_refuses_posts_too(browser, token):
    assert browser.post(survey_url(mangled(token), "trin/1/"), {"action": "continue"}).status_code == 404
    assert browser.post(survey_url(mangled(token), "resultat/deling/"), {}).status_code == 404


@pytest.mark.parametrize("tail", ["", "trin/1/", "gennemse/"])
def test_a_closed_survey_says_when_it_closed_with_410(browser, campaign, token, tail):
    closed = timezone.now() - timedelta(days=2)
    Campaign.objects.filter(pk=campaign.pk).update(opens_at=closed - timedelta(days=10), closes_at=closed)
    response = browser.get(survey_url(token, tail))
    assert response.status_code == 410
    with translation.override("en"):
        day = date_format(timezone.localtime(closed), "DATE_FORMAT")
    assert f"The survey closed on {day}." in text(response)


def test_a_closed_survey_refuses_answers_and_submission(browser, campaign, token):
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert browser.post(step_url(token, 1), {"action": "continue"}).status_code == 410
    assert browser.post(survey_url(token, "gennemse/"), {"idempotency_key": "a" * 32}).status_code == 410
    assert not Response.objects.exists()


def test_after_closing_the_result_stays_reachable(browser, campaign, invitation, token):
    response_submit(invitation=invitation, body=full_answers(invitation))
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    start = browser.get(survey_url(token))
    assert start.status_code == 410 and f'href="{survey_url(token, "resultat/")}"' in start.content.decode()
    assert browser.get(survey_url(token, "resultat/")).status_code == 200


def test_a_survey_not_yet_open_says_when_it_opens(browser, campaign, token):
    Campaign.objects.filter(pk=campaign.pk).update(opens_at=timezone.now() + timedelta(days=3))
    for tail in ("", "trin/1/"):
        response = browser.get(survey_url(token, tail))
        assert response.status_code == 200
        assert "The survey has not opened yet" in text(response) and "You can answer from" in text(response)
    assert browser.post(step_url(token, 1), {"action": "continue"}).status_code == 200
    assert not Response.objects.exists()


def test_the_result_needs_a_submission_first(browser, token):
    assert browser.get(survey_url(token, "resultat/")).url == survey_url(token)
    assert browser.get(survey_url(token, "resultat/pdf/da/")).url == survey_url(token)


def test_pages_of_the_link_are_private(browser, token):
    response = browser.get(survey_url(token))
    assert "no-store" in response.headers["Cache-Control"]
    # No Referer with the token to other sites; same-origin (not no-referrer) keeps the page's forms working.
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "noindex" in response.headers["X-Robots-Tag"]
