"""The campaign form in a real browser: the date fields show their days (a date input reads only YYYY-MM-DD),
one question block with "Add a question" (with JavaScript it reveals the next block; without, it comes back
from the server with one more), the unit picker filters as one types and names units by their path where
names repeat, and at 320 px nothing scrolls sideways."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from digikomp.assessments.models import Campaign
from digikomp.tenancy.models import OrgUnit
from tests.assessments.helpers import map_jobs
from tests.browser.conftest import eventually, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3


@pytest.fixture
def two_nords(shipped_norm, world):
    """Two units called "Område Nord", one under Social and one under Children."""
    map_jobs(world)
    for parent, external_id in (("social", "SOC-N"), ("children", "BOU-N")):
        OrgUnit.objects.create(municipality=world.aarhus, external_id=external_id, name="Område Nord",
                               parent=world.units[parent])
    return world


def visible_blocks(page):
    return page.locator("fieldset[data-question-row]:visible")


def test_the_campaign_form_one_block_at_a_time_and_a_unit_search(visitor, live_server, two_nords):
    page = visitor.new_page(language="en")
    login(page, live_server, "admin@aarhus.example")
    page.goto(f"{live_server.url}/app/kortlaegning/ny/")

    # The dates come in the format the date input reads, so Chromium shows them rather than an empty field.
    today = timezone.localdate()
    assert page.get_by_label("Opens").input_value() == today.isoformat()
    assert page.get_by_label("Closes").input_value() != ""

    # One question block, then one more.
    expect(visible_blocks(page)).to_have_count(1)
    page.get_by_role("button", name="Add a question").click()
    expect(visible_blocks(page)).to_have_count(2)
    expect(page.locator("#id_q2_kind")).to_be_focused()

    # The units named alike carry their path; the search filters as one types, keeping where a match sits.
    picker = page.locator("#unit-picker")
    expect(picker.get_by_text("Aarhus Kommune › Sociale Forhold og Beskæftigelse ›")).to_be_visible()
    expect(picker.get_by_text("Aarhus Kommune › Børn og Unge ›")).to_be_visible()
    search = page.get_by_label("Find a unit")
    search.fill("nord")
    expect(page.locator("#unit-search-status")).to_have_text("3 units match.")
    expect(picker.get_by_label("Skovvangskolen")).to_be_hidden()
    expect(picker.get_by_label(re.compile("Børn og Unge ›.*Område Nord"))).to_be_visible()
    search.fill("børn nord")
    expect(page.locator("#unit-search-status")).to_have_text("1 unit matches.")
    picker.get_by_label(re.compile("Børn og Unge ›.*Område Nord")).check()
    search.fill("")
    expect(picker.get_by_label("Skovvangskolen")).to_be_visible()

    page.get_by_label("Name", exact=True).fill("Nord 2026")
    page.locator("#id_q1_text_da").fill("Hvad savner du?")
    page.locator("#id_q2_text_da").fill("Hvad virker?")
    page.get_by_role("button", name="Create the campaign").click()
    campaign = eventually(lambda: Campaign.objects.filter(name="Nord 2026").first())
    assert list(campaign.custom_questions.values_list("text_da", flat=True)) == ["Hvad savner du?", "Hvad virker?"]
    assert list(campaign.audience_units.values_list("external_id", flat=True)) == ["BOU-N"]


def test_at_320_px_the_form_does_not_scroll_sideways(visitor, live_server, two_nords):
    page = visitor.new_page(language="da")
    page.set_viewport_size({"width": 320, "height": 800})
    login(page, live_server, "admin@aarhus.example")
    page.goto(f"{live_server.url}/app/kortlaegning/ny/")
    expect(page.get_by_role("button", name="Tilføj spørgsmål")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_without_javascript_add_a_question_comes_back_with_one_more_block(visitor, live_server, two_nords):
    page = visitor.new_page(language="en", javascript=False)
    login(page, live_server, "admin@aarhus.example")
    page.goto(f"{live_server.url}/app/kortlaegning/ny/")
    expect(visible_blocks(page)).to_have_count(1)
    page.get_by_label("Name", exact=True).fill("Uden JavaScript")
    page.locator("#id_q1_text_da").fill("Første spørgsmål")
    page.get_by_role("button", name="Add a question").click()
    page.wait_for_load_state()
    expect(visible_blocks(page)).to_have_count(2)
    # What was typed stays, nothing is created, and no error is shown for what is not filled in yet.
    assert page.locator("#id_q1_text_da").input_value() == "Første spørgsmål"
    assert page.get_by_label("Name", exact=True).input_value() == "Uden JavaScript"
    expect(page.locator("#error-summary")).to_have_count(0)
    assert not Campaign.objects.exists()


def test_the_campaign_s_life_pages_pass_axe(visitor, live_server, two_nords):
    from tests.assessments.helpers import invited_campaign
    from tests.browser.axe import Audit

    campaign = invited_campaign(two_nords, custom_questions=[{"kind": "text", "text_da": "Hvad savner du?"}])
    page = visitor.new_page(bypass_csp=True)
    login(page, live_server, "admin@aarhus.example")
    audit = Audit()
    for name, path in [("form", "/app/kortlaegning/ny/"), ("detail", f"/app/kortlaegning/{campaign.pk}/"),
                       ("edit", f"/app/kortlaegning/{campaign.pk}/rediger/"),
                       ("close", f"/app/kortlaegning/{campaign.pk}/luk/"),
                       ("delete", f"/app/kortlaegning/{campaign.pk}/slet/"),
                       ("preview", f"/app/kortlaegning/{campaign.pk}/e-mail/")]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        audit.check(page, name)
    # The search box shown and used, and a refused reminder's message on the campaign's page.
    page.goto(f"{live_server.url}/app/kortlaegning/ny/")
    page.get_by_label("Find en enhed").fill("nord")
    audit.check(page, "form, searching")
    page.goto(f"{live_server.url}/app/kortlaegning/{campaign.pk}/")
    audit.check(page, "detail with a reminder refused")
    audit.assert_no_serious_violations()
