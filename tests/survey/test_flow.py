"""The respondent's whole way through the personal link, as a browser without JavaScript walks it."""

import re

from digikomp.assessments.models import Answer, Draft, Response, Tally
from tests.survey.conftest import english_client
from tests.survey.helpers import answer_page, hidden, radio_groups, step_url, survey_url, text


def levels_for(invitation):
    """One level below the requirement where there is one, the requirement at level 1, and "don't know" for
    the first competence."""
    first = next(iter(invitation.requirements))

    def choose(name, values):
        identifier = name.removeprefix("c-")
        if identifier == first:
            return "dk"
        required = invitation.requirements[identifier][0]
        return str(max(required - 1, 1))

    return choose


def test_a_person_answers_page_by_page_resumes_reviews_and_submits_once(browser, invitation, token):
    welcome = browser.get(survey_url(token))
    assert welcome.status_code == 200
    assert "Kortlægning 2026" in text(welcome) and "at least 5 people" in text(welcome)
    assert f'href="{step_url(token, 1)}"' in welcome.content.decode()

    first = browser.get(step_url(token, 1))
    assert "Area 1 of 5" in text(first)
    choose = levels_for(invitation)
    saved = browser.post(step_url(token, 1), answer_page(first, choose))
    assert saved.status_code == 302 and saved.url == step_url(token, 2)
    on_page_one = set(radio_groups(first))
    draft = Draft.objects.get(invitation=invitation)
    assert {f"c-{i}" for i in draft.data["answers"]} == on_page_one

    # A new session (another browser, no cookies) resumes from the link where the person left off.
    later = english_client()
    resumed = later.get(survey_url(token))
    assert "Continue where you left off" in text(resumed)
    assert f'href="{step_url(token, 2)}"' in resumed.content.decode()
    again = later.get(step_url(token, 1))
    checked = re.findall(r'name="(c-[^"]+)" value="([^"]+)" checked', again.content.decode())
    assert dict(checked) == {name: choose(name, values) for name, values in radio_groups(first).items()}

    number = 2
    while True:
        page = later.get(step_url(token, number))
        assert page.status_code == 200
        assert f"Area {number} of 5" in text(page)
        saved = later.post(step_url(token, number), answer_page(page, choose))
        assert saved.status_code == 302
        if saved.url == survey_url(token, "gennemse/"):
            break
        number += 1
    assert number == 5
    assert len(Draft.objects.get(invitation=invitation).data["answers"]) == len(invitation.requirements)

    review = later.get(survey_url(token, "gennemse/"))
    assert review.status_code == 200 and "Not answered" not in text(review)
    assert text(review).count("Change –") == len(invitation.requirements)
    key = hidden(review, "idempotency_key")
    # A double click: the same form posted twice stores one response and both land on the result.
    for _attempt in range(2):
        done = later.post(survey_url(token, "gennemse/"), {"idempotency_key": key})
        assert done.status_code == 302 and done.url == survey_url(token, "resultat/")
    assert Response.objects.filter(invitation=invitation).count() == 1
    response = Response.objects.get(invitation=invitation)
    assert response.idempotency_key == key and not response.share_with_manager
    assert Answer.objects.filter(response=response).count() == len(invitation.requirements)
    assert Answer.objects.filter(response=response, level__isnull=True).count() == 1
    assert Tally.objects.filter(campaign=invitation.campaign).exists()
    assert not Draft.objects.filter(invitation=invitation).exists()

    result = later.get(survey_url(token, "resultat/"), follow=True)
    assert result.status_code == 200 and "Thank you. Your answers are stored." in text(result)
    assert "Gaps, most important first" in text(result) and "Next steps" in text(result)

    # Afterwards the link says it is answered and points at the result; the questionnaire is closed to edits.
    after = later.get(survey_url(token))
    assert "You have already answered this survey" in text(after)
    assert f'href="{survey_url(token, "resultat/")}"' in after.content.decode()
    assert later.get(step_url(token, 1)).url == survey_url(token)
    # A review page rendered before submitting (another key) lands on the result too, storing nothing.
    stale = later.post(survey_url(token, "gennemse/"), {"idempotency_key": "0" * 32}, follow=True)
    assert "already been submitted" in text(stale)
    assert Response.objects.count() == 1


def test_back_saves_the_page_without_requiring_it_complete(browser, invitation, token):
    page = browser.get(step_url(token, 2))
    groups = radio_groups(page)
    name = next(iter(groups))
    back = browser.post(step_url(token, 2), {name: "2", "action": "back"})
    assert back.status_code == 302 and back.url == step_url(token, 1)
    assert Draft.objects.get(invitation=invitation).data["answers"] == {name.removeprefix("c-"): 2}
    # From the first page, "Back" returns to the welcome page.
    assert browser.post(step_url(token, 1), {"action": "back"}).url == survey_url(token)


def test_the_review_lists_what_is_missing_and_refuses_an_incomplete_submission(browser, invitation, token):
    review = browser.get(survey_url(token, "gennemse/"))
    assert f"{len(invitation.requirements)} answers are missing" in text(review)
    key = hidden(review, "idempotency_key")
    refused = browser.post(survey_url(token, "gennemse/"), {"idempotency_key": key})
    assert refused.status_code == 200
    assert "There is a problem" in text(refused) and "Please answer this competence" in text(refused)
    # Each error links to the question on its page.
    assert re.search(rf'href="{re.escape(step_url(token, 1))}#c-[0-9a-f-]+-1"', refused.content.decode())
    assert not Response.objects.exists()


def test_an_out_of_date_review_form_is_refused_with_a_message(browser, invitation, token):
    refused = browser.post(survey_url(token, "gennemse/"), {"idempotency_key": "not-a-key"})
    assert refused.status_code == 200 and "The page was out of date" in text(refused)
    assert not Response.objects.exists()


def test_a_step_outside_the_questionnaire_is_not_found(browser, token):
    assert browser.get(step_url(token, 6)).status_code == 404
    assert browser.get(step_url(token, 0)).status_code == 404


def test_a_logged_in_user_answers_through_the_link_the_same_way(client_for, invitation, token):
    client = client_for("other_admin")  # the link is the key, whoever holds it
    page = client.get(step_url(token, 1))
    assert page.status_code == 200
    assert client.post(step_url(token, 1), answer_page(page)).status_code == 302
