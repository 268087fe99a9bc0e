"""Every page fits a 320 px phone without sideways scrolling (WCAG 1.4.10 Reflow), and a 1,280 px window too;
on a phone the catalogue's facets fold away so the results come first, and apply as soon as a box is ticked
(with JavaScript) or with their button (without)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from digikomp.assessments.models import Invitation
from digikomp.assessments.services import invitations_create, response_submit
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import full_answers, map_jobs, open_campaign
from tests.browser.conftest import login
from tests.catalogue.helpers import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}

# The elements wider than the window, for a message that says where to look.
OFFENDERS = """(limit) => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > limit + 1 || el.scrollWidth > el.clientWidth + 1
          && getComputedStyle(el).overflowX === 'visible')
  .slice(0, 8)
  .map(el => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px):
    ${(el.textContent || '').trim().slice(0, 60)}`)"""


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (f"{page.url} is {scroll_width} px wide in a {width} px window:\n"
                                   + "\n".join(page.evaluate(OFFENDERS, width)))


@pytest.fixture
def invitation(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


@pytest.fixture
def site_content(db):
    from digikomp.demo.site_content import seed_site

    seed_site()


@pytest.fixture
def cases(db):
    return [
        make_case(title="It-café på biblioteket", summary="Frivillige hjælper ældre borgere med MitID.",
                  groups=("aeldre", "borgere"), types=("it-cafe",), areas=("C2",), municipalities=("461",),
                  owner="461"),
        make_case(title="Kompetenceløft i hjemmeplejen", summary="Digitale kompetencer i hjemmeplejen.",
                  groups=("sundhed-og-omsorg",), types=("kursus",), areas=("A1",)),
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "1280px"])
def test_public_pages_and_the_survey_fit_the_window(visitor, live_server, site_content, invitation, cases,
                                                      viewport):
    page = visitor.new_page()
    page.set_viewport_size(viewport)
    token = token_for(invitation.public_id)
    for path in ["/", "/katalog/", f"/katalog/{cases[0].slug}/", "/normen/", "/nyheder/", "/konto/login/",
                 f"/svar/{token}/", f"/svar/{token}/trin/1/"]:
        page.goto(path)
        assert_fits(page, viewport["width"])
    # The first area's heading is a long Danish compound; it wraps rather than being cut.
    page.goto(f"/svar/{token}/trin/1/")
    heading = page.get_by_role("heading", level=1)
    box = heading.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]

    response_submit(invitation=invitation, body=full_answers(invitation))
    page.goto(f"/svar/{token}/resultat/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_fits(page, viewport["width"])


@pytest.mark.parametrize(("persona", "paths"), [
    ("hr", ["/app/", "/app/organisation/", "/app/profiler/", "/app/kortlaegning/"]),
    ("employee", ["/app/"]),
])
def test_application_pages_fit_a_phone(visitor, live_server, shipped_norm, world, persona, paths):
    page = visitor.new_page()
    page.set_viewport_size(PHONE)
    login(page, live_server, world.user(persona).email)
    for path in paths:
        assert page.goto(path).status == 200, path
        assert_fits(page, PHONE["width"])


def test_on_a_phone_the_facets_fold_away_and_apply_when_ticked(visitor, live_server, shipped_norm, cases):
    page = visitor.new_page()
    page.set_viewport_size(PHONE)
    page.goto("/katalog/")
    facets = page.locator("details.facets")
    expect(facets).not_to_have_attribute("open", re.compile(".*"))
    # The results come right after the search, not thousands of pixels down under the facets.
    folded = page.locator("#results-heading").bounding_box()["y"]
    assert folded < 2 * PHONE["height"]
    expect(page.get_by_role("button", name="Vis cases")).to_be_hidden()

    facets.locator("summary").click()
    assert page.locator("#results-heading").bounding_box()["y"] > folded + 200  # the facets were in the way
    seniors = page.get_by_role("checkbox", name=re.compile(r"^Ældre og seniorer"))
    expect(page.get_by_text("Resultaterne skifter, så snart du sætter et flueben.")).to_be_visible()
    seniors.check()
    page.wait_for_url(re.compile(r"m%C3%A5lgruppe=aeldre|målgruppe=aeldre"))
    expect(page.locator(".results .case-item-title")).to_have_text(["It-café på biblioteket"])
    assert parse_qs(urlsplit(page.url).query) == {"målgruppe": ["aeldre"]}
    # Back on the page the ticked box keeps the focus, and the facets stay open for the next choice.
    expect(page.get_by_role("checkbox", name=re.compile(r"^Ældre og seniorer"))).to_be_focused()
    expect(facets).to_have_attribute("open", "")
    expect(facets.locator("summary")).to_contain_text("(1 valgt)")
    assert_fits(page, PHONE["width"])


def test_without_javascript_the_facets_apply_with_their_button(visitor, live_server, shipped_norm, cases):
    page = visitor.new_page(javascript=False)
    page.set_viewport_size(PHONE)
    page.goto("/katalog/")
    page.get_by_role("checkbox", name=re.compile(r"^Kursus og undervisning")).check()
    page.get_by_role("button", name="Vis cases").click()
    expect(page.locator(".results .case-item-title")).to_have_text(["Kompetenceløft i hjemmeplejen"])
    assert parse_qs(urlsplit(page.url).query) == {"type": ["kursus"]}
    assert_fits(page, PHONE["width"])
