"""A respondent's way through the personal link in a real browser: the first page by keyboard alone, the
rest by clicking, leaving and coming back in another browser, reviewing, a double-clicked submit, the result.
"""

import re

import pytest
from playwright.sync_api import expect

from digikomp.assessments.models import Answer, Invitation, Response
from digikomp.assessments.services import invitations_create
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import map_jobs, open_campaign
from tests.browser.conftest import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def invitation(shipped_norm, world):
    """Anna, social- og sundhedsassistent in Hjemmeplejen Nord, invited to an open campaign."""
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


def answer_by_keyboard(page) -> int:
    """Tab from the top of the page into the first radio group, pick the second level with the arrow key, Tab
    on to the next group, and so on; returns the number of groups answered.

    With nothing chosen yet, Tab stops on a group's first radio without choosing it; ArrowDown moves to the
    next radio and chooses it; Tab leaves the group for the next one."""
    groups = page.locator("fieldset.survey-question")
    count = groups.count()
    for _press in range(30):  # past the skip link, the header and the navigation
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    for index in range(count):
        group = groups.nth(index)
        expect(group.get_by_role("radio").first).to_be_focused()
        page.keyboard.press("ArrowDown")
        expect(group.get_by_role("radio").nth(1)).to_be_checked()
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save and continue")).to_be_focused()
    page.keyboard.press("Enter")
    return count


def answer_by_clicking(page, option: int = 0) -> int:
    """Click the label of option number `option` in every radio group on the page."""
    groups = page.locator("fieldset.survey-question")
    for index in range(groups.count()):
        groups.nth(index).locator(".survey-option label").nth(option).click()
    return groups.count()


def test_a_respondent_answers_leaves_comes_back_reviews_and_submits_once(visitor, live_server, invitation):
    link = f"/svar/{token_for(invitation.public_id)}/"
    page = visitor.new_page(language="en")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kortlægning 2026")
    page.get_by_role("link", name="Start").click()

    expect(page.get_by_text("Area 1 of 5")).to_be_visible()
    answered = answer_by_keyboard(page)
    assert answered > 0
    expect(page.get_by_text("Area 2 of 5")).to_be_visible()
    answered += answer_by_clicking(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Area 3 of 5")).to_be_visible()

    # The person closes the browser. Later, in another browser with no cookies, the link resumes the survey.
    later = visitor.new_page(language="en")
    later.goto(link)
    later.get_by_role("link", name="Continue where you left off").click()
    expect(later.get_by_text("Area 3 of 5")).to_be_visible()
    later.get_by_role("button", name="Back").click()
    expect(later.get_by_text("Area 2 of 5")).to_be_visible()
    for group in later.locator("fieldset.survey-question").all():
        expect(group.get_by_role("radio").first).to_be_checked()  # what was clicked on page 2
    later.get_by_role("button", name="Back").click()
    for group in later.locator("fieldset.survey-question").all():
        expect(group.get_by_role("radio").nth(1)).to_be_checked()  # what the keyboard chose on page 1
    later.get_by_role("button", name="Save and continue").click()
    later.get_by_role("button", name="Save and continue").click()

    for area in (3, 4, 5):
        expect(later.get_by_text(f"Area {area} of 5")).to_be_visible()
        answered += answer_by_clicking(later, option=area % 3)
        later.get_by_role("button", name="Save and review" if area == 5 else "Save and continue").click()

    expect(later.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(later.get_by_text("Not answered")).to_have_count(0)
    expect(later.get_by_role("link", name="Change")).to_have_count(answered)
    assert answered == len(invitation.requirements)

    # An impatient double click on submit: the second click lands while the first request is on its way, so
    # the browser sends the form twice (abandoning the first answer). One response is stored; the person lands
    # on their result.
    posts = []
    later.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    submit = later.get_by_role("button", name="Submit my answers")
    submit.scroll_into_view_if_needed()
    box = submit.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with later.expect_request(lambda request: request.method == "POST"):
        later.mouse.click(x, y)
    later.mouse.click(x, y)
    # Not wait_for_url: the second click aborts the first click's navigation, which would end that wait.
    expect(later).to_have_url(re.compile(r"/resultat/$"))
    assert len(posts) == 2 and all(url.endswith("/gennemse/") for url in posts)
    expect(later.get_by_role("heading", level=1)).to_have_text("Your result")
    expect(later.get_by_text("Only you can see this page, through your personal link.")).to_be_visible()
    chart = later.locator("figure.survey-chart svg")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 100
    expect(later.get_by_role("table", name="Your answers per competence").locator("tbody tr")).to_have_count(
        answered)
    expect(later.get_by_role("heading", name="Gaps, most important first")).to_be_visible()

    assert Response.objects.filter(invitation=invitation).count() == 1
    assert Answer.objects.filter(response__invitation=invitation).count() == answered

    # The link now leads to the result, and the welcome page says the survey is answered.
    page.goto(link)
    expect(page.get_by_text("You have already answered this survey. Thank you.")).to_be_visible()
    page.get_by_role("link", name="See your result").click()
    assert path_of(page) == link + "resultat/"
