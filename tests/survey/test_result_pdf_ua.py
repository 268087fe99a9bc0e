"""The personal result as PDF is a tagged PDF/UA-1 document in the language asked for (tests/pdf_ua.py)."""

import pytest

from digikomp.assessments.services import response_submit
from tests.pdf_ua import assert_pdf_ua
from tests.survey.helpers import survey_url
from tests.survey.test_result import scenario

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, title", [("da", "Dit resultat"), ("en", "Your result")])
def test_the_result_pdf_is_tagged(browser, invitation, token, language, title):
    response_submit(invitation=invitation, body=scenario(invitation))
    response = browser.get(survey_url(token, f"resultat/pdf/{language}/"))
    assert response.status_code == 200
    structure = assert_pdf_ua(response.content, language=language, title=title)
    assert invitation.campaign.name in structure.title
