"""Bad input on a questionnaire page: the error names the field, links to it, and nothing is stored."""

import pytest

from digikomp.assessments.models import Draft
from tests.survey.helpers import answer_page, radio_groups, step_url, text
from tests.web.markup import find


@pytest.fixture
def page_one(browser, token):
    return browser.get(step_url(token, 1))


def test_an_unanswered_competence_is_named_linked_and_nothing_is_saved(browser, token, page_one,
                                                                       shipped_norm):
    data = answer_page(page_one)
    missing = list(radio_groups(page_one))[1]
    del data[missing]
    refused = browser.post(step_url(token, 1), data)
    assert refused.status_code == 200
    identifier = missing.removeprefix("c-")
    title = shipped_norm.framework_version.competences.get(identifier=identifier).title_en
    assert f"{title}: Choose the level that describes you best" in text(refused)
    assert f'<a href="#{missing}-1">' in refused.content.decode()
    assert text(refused).startswith("Error:")  # the page title says so first
    fieldset = [a for a in find(refused, "fieldset") if f"{missing}-error" in a.get("aria-describedby", "")]
    assert len(fieldset) == 1
    assert find(refused, "p", id=f"{missing}-error")
    # What was answered stays on the page, nothing reached the draft.
    other = list(radio_groups(page_one))[0]
    assert f'name="{other}" value="{data[other]}" checked' in refused.content.decode()
    assert not Draft.objects.exists()


def test_a_level_outside_the_scale_is_refused(browser, token, page_one):
    data = answer_page(page_one)
    name = next(iter(radio_groups(page_one)))
    data[name] = "7"
    refused = browser.post(step_url(token, 1), data)
    assert refused.status_code == 200 and "Choose one of the answers shown." in text(refused)
    assert not Draft.objects.exists()


def test_a_competence_from_another_page_cannot_be_smuggled_in(browser, token, page_one):
    # Fields of page 2 posted to page 1 are ignored: each page saves only its own questions.
    page_two = browser.get(step_url(token, 2))
    data = {**answer_page(page_one), **{name: "1" for name in radio_groups(page_two)}}
    assert browser.post(step_url(token, 1), data).status_code == 302
    saved = Draft.objects.get().data["answers"]
    assert {f"c-{i}" for i in saved} == set(radio_groups(page_one))
