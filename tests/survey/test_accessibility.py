"""Accessibility basics in the markup of every respondent page: language, one h1, labelled controls, radio
groups in fieldsets with legends, errors tied to their fields, tables with captions and header scopes."""

from html.parser import HTMLParser

import pytest

from digikomp.assessments.services import response_submit
from tests.assessments.helpers import full_answers
from tests.survey.helpers import answer_page, radio_groups, step_url, survey_url
from tests.web.markup import find, tags


class Structure(HTMLParser):
    """Each radio with the legend of its enclosing fieldset (None when outside a fieldset)."""

    def __init__(self):
        super().__init__()
        self.fieldsets: list[dict] = []
        self.radios: list[tuple[dict, str | None]] = []
        self.in_legend = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset":
            self.fieldsets.append({"legend": ""})
        elif tag == "legend":
            self.in_legend = True
        elif tag == "input" and attrs.get("type") == "radio":
            self.radios.append((attrs, self.fieldsets[-1]["legend"].strip() if self.fieldsets else None))

    def handle_endtag(self, tag):
        if tag == "fieldset":
            self.fieldsets.pop()
        elif tag == "legend":
            self.in_legend = False

    def handle_data(self, data):
        if self.in_legend and self.fieldsets:
            self.fieldsets[-1]["legend"] += data


def assert_basics(response):
    html = find(response, "html")
    assert html and html[0].get("lang") in ("da", "en")
    assert len(find(response, "h1")) == 1
    ids = [a["id"] for _t, a in tags(response) if "id" in a]
    assert len(ids) == len(set(ids)), "duplicate ids"
    labels = {a.get("for") for a in find(response, "label")}
    for tag, attrs in tags(response):
        if tag in ("input", "textarea", "select") and attrs.get("type") not in ("hidden", "submit"):
            assert attrs.get("id") in labels, f"unlabelled {tag} {attrs}"
    assert "style=" not in response.content.decode() and "<script>" not in response.content.decode()


@pytest.fixture
def pages(browser, token):
    return [browser.get(step_url(token, n)) for n in range(1, 6)]


def test_questionnaire_pages(pages):
    for page in pages:
        assert page.status_code == 200
        assert_basics(page)
        structure = Structure()
        structure.feed(page.content.decode())
        assert structure.radios and all(legend for _attrs, legend in structure.radios)
        progress = find(page, "progress")
        assert progress and progress[0]["aria-labelledby"] == "progress-label"
        # Each competence's description is read with its group.
        for fieldset in find(page, "fieldset"):
            assert fieldset.get("aria-describedby", "").endswith("-hint")


def test_an_error_is_tied_to_its_group_and_summarised_first(browser, token, pages):
    data = answer_page(pages[0])
    name = next(iter(radio_groups(pages[0])))
    del data[name]
    refused = browser.post(step_url(token, 1), data)
    assert_basics(refused)
    summary = find(refused, "div", id="error-summary")
    assert summary and summary[0]["role"] == "alert"
    html = refused.content.decode()
    assert html.index('id="error-summary"') < html.index('id="survey-form"')
    assert find(refused, "fieldset", **{"aria-describedby": f"{name}-hint {name}-error"})


def test_welcome_review_and_result_pages(browser, token, invitation):
    assert_basics(browser.get(survey_url(token)))
    assert_basics(browser.get(survey_url(token, "gennemse/")))
    response_submit(invitation=invitation, body=full_answers(invitation))
    result = browser.get(survey_url(token, "resultat/"))
    assert_basics(result)
    for table in ("<caption>Your answers per competence</caption>",):
        assert table in result.content.decode()
    assert all(th.get("scope") in ("col", "row") for th in find(result, "th"))
    svg = find(result, "svg")[0]
    assert svg["role"] == "img" and svg["aria-labelledby"]


@pytest.mark.django_db  # the page's menu lists the public site's sections, read from the CMS
def test_the_invalid_link_page(browser):
    assert_basics(browser.get(survey_url("nothing.here")))
