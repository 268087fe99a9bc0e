"""Knowledge checks and the campaign's own questions: their pages, what is stored, and the comparison with
the self-rating on the result page."""

import pytest
from django.utils import translation

from digikomp.assessments.models import CustomAnswer, Invitation, KnowledgeAnswer, KnowledgeItem, Response
from digikomp.assessments.results import personal_result
from digikomp.assessments.services import invitations_create
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import map_jobs, open_campaign
from tests.survey.helpers import answer_page, hidden, radio_groups, step_url, survey_url, text
from tests.web.markup import find

QUESTIONS = [
    {"kind": "scale", "text_da": "Hvor tryg er du ved nye systemer?",
     "text_en": "How confident are you with new systems?"},
    {"kind": "yes_no", "text_da": "Har du fået oplæring i år?",
     "text_en": "Have you had training this year?"},
    {"kind": "text", "text_da": "Hvad mangler du?", "text_en": "What do you miss?"},
]


@pytest.fixture
def rich(shipped_norm, world):
    """A campaign with knowledge checks and three questions of its own; two checks in the bank for Anna."""
    map_jobs(world)
    campaign = open_campaign(world, name="Kortlægning med tjek", knowledge_checks=True,
                             custom_questions=QUESTIONS)
    invitations_create(campaign=campaign)
    invitation = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    first, second = list(invitation.requirements)[:2]
    items = [
        KnowledgeItem.objects.create(key="test-1", competence_identifier=first, level=1, question_da="Hvad er phishing?",
                                     question_en="What is phishing?", options_da=["Svindel", "Fisk"],
                                     options_en=["Fraud", "Fish"], correct=0),
        KnowledgeItem.objects.create(key="test-2", competence_identifier=second, level=1, question_da="Hvad er en VPN?",
                                     question_en="What is a VPN?", options_da=["Et netværk", "En printer"],
                                     options_en=["A network", "A printer"], correct=0),
    ]
    return invitation, items


def test_knowledge_checks_and_own_questions_are_asked_stored_and_compared(browser, rich):
    invitation, (phishing, vpn) = rich
    token = token_for(invitation.public_id)
    total = 7  # five areas, the knowledge check, the municipality's questions
    for number in range(1, 6):
        page = browser.get(step_url(token, number))
        assert f"page {number} of {total}" in text(page)
        assert browser.post(step_url(token, number), answer_page(page, lambda n, v: "3")).status_code == 302

    checks = browser.get(step_url(token, 6))
    assert "Knowledge check" in text(checks) and "What is phishing?" in text(checks)
    assert radio_groups(checks) == {f"k-{phishing.pk}": ["0", "1", "dk"], f"k-{vpn.pk}": ["0", "1", "dk"]}
    # Right on phishing, wrong on VPN (rated 3 = above the item's level 1: over-confidence shows).
    assert browser.post(step_url(token, 6), {f"k-{phishing.pk}": "0", f"k-{vpn.pk}": "1",
                                             "action": "continue"}).url == step_url(token, 7)

    own = browser.get(step_url(token, 7))
    assert "Questions from Aarhus" in text(own)
    questions = {q.kind: q for q in invitation.campaign.custom_questions.all()}
    assert radio_groups(own) == {f"q-{questions['scale'].pk}": ["1", "2", "3", "4", "5"],
                                 f"q-{questions['yes_no'].pk}": ["yes", "no"]}
    textarea = find(own, "textarea")[0]
    assert find(own, "label", **{"for": textarea["id"]})
    # The questions are optional: saving the page empty is fine and leads to the review.
    saved = browser.post(step_url(token, 7), {f"q-{questions['scale'].pk}": "4", "action": "continue"})
    assert saved.url == survey_url(token, "gennemse/")

    review = browser.get(survey_url(token, "gennemse/"))
    assert "What is phishing? Fraud" in text(review) and "What do you miss? (left empty)" in text(review)
    browser.post(survey_url(token, "gennemse/"), {"idempotency_key": hidden(review, "idempotency_key")})
    response = Response.objects.get(invitation=invitation)
    assert {(a.item_id, a.chosen, a.correct) for a in KnowledgeAnswer.objects.filter(response=response)} == {
        (phishing.pk, 0, True), (vpn.pk, 1, False)}
    # Only the answered question is stored; empty answers are not counted as answers.
    assert list(CustomAnswer.objects.filter(response=response).values_list("question__kind", "value")) == [
        ("scale", "4")]

    with translation.override("en"):
        result = personal_result(response)
    assert [(k.outcome, k.agrees) for k in result.knowledge] == [("right", True), ("wrong", False)] or \
        [(k.outcome, k.agrees) for k in result.knowledge] == [("wrong", False), ("right", True)]
    page = browser.get(survey_url(token, "resultat/"))
    assert "You answered 1 of 2 questions right." in text(page)
    assert "The check suggests a lower level than your rating" in text(page)


def test_resuming_goes_to_the_own_questions_page_until_it_was_saved(browser, rich):
    invitation, _items = rich
    token = token_for(invitation.public_id)
    for number in range(1, 7):
        page = browser.get(step_url(token, number))
        browser.post(step_url(token, number), answer_page(page, lambda n, v: v[0]))
    assert f'href="{step_url(token, 7)}"' in browser.get(survey_url(token)).content.decode()
    browser.post(step_url(token, 7), {"action": "continue"})
    assert f'href="{survey_url(token, "gennemse/")}"' in browser.get(survey_url(token)).content.decode()
