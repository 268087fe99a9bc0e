"""An admin finds the heatmap of a campaign with answers, reads it, drills down into a child unit and back."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, path_of
from tests.campaigns.helpers import answered_campaign, populate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3  # the populated world is small: its campaign uses k = 3


def row(page, unit_name: str):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(unit_name)))


def test_an_admin_opens_the_heatmap_and_drills_down_into_a_child_unit(visitor, live_server, shipped_norm,
                                                                       world):
    populate(world)
    campaign = answered_campaign(world)
    page = visitor.new_page(language="en")
    login(page, live_server, "admin@aarhus.example")

    navigation = page.get_by_role("navigation", name="Main navigation")
    navigation.get_by_role("link", name="Insights", exact=True).click()
    page.get_by_role("link", name="Kortlægning 2026").click()
    # The admin sees from one top unit, so the campaign opens straight on its heatmap.
    assert path_of(page) == f"/app/indsigt/{campaign.pk}/enheder/AAR/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Heatmap of Aarhus Kommune")

    caption = "Aarhus Kommune and the units directly below it, by competence"
    heatmap = page.get_by_role("table", name=caption)
    expect(heatmap).to_be_visible()
    # The unit itself and its three children; Børn og Unge has too few respondents, so its cells say so.
    expect(heatmap.locator("tbody th[scope=row]")).to_have_count(4)
    shown = heatmap.locator("td.hm-cell:not(.hm-hidden):not(.hm-empty)")
    assert shown.count() > 0
    expect(shown.first).to_contain_text("%")
    children = row(page, "Børn og Unge").locator("td.hm-cell")
    assert children.count() > 0
    assert children.count() == row(page, "Børn og Unge").locator("td.hm-hidden, td.hm-empty").count()
    expect(page.get_by_text("fewer than 3 respondents")).to_be_visible()

    heatmap.get_by_role("link", name="Sociale Forhold og Beskæftigelse").click()
    assert path_of(page) == f"/app/indsigt/{campaign.pk}/enheder/SOC/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Heatmap of Sociale Forhold og Beskæftigelse")
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs.locator("[aria-current=page]")).to_have_text("Sociale Forhold og Beskæftigelse")
    expect(page.get_by_role("rowheader", name=re.compile("Hjemmeplejen Nord"))).to_be_visible()

    crumbs.get_by_role("link", name="Aarhus Kommune").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Heatmap of Aarhus Kommune")
