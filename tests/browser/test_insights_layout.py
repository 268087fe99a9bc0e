"""The heatmap in a 1,280 px window and on a 320 px phone: the table scrolls inside its own box, its units'
column and header stay in view while it does, and the page itself never scrolls sideways (the issue found the
page 4,130 px wide, widened by ~900 visually hidden labels placed outside the box). axe stays clean."""

import pytest

from tests.browser.axe import Audit
from tests.browser.conftest import login
from tests.campaigns.helpers import answered_campaign, populate
from tests.insights.test_national_comparison import generic, released_elsewhere

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3  # the populated world is small: its campaign uses k = 3


@pytest.mark.parametrize("width", [1280, 320])
def test_the_heatmap_scrolls_in_its_box_and_the_page_never_sideways(visitor, live_server, shipped_norm, world,
                                                                     width):
    populate(world)
    campaign = answered_campaign(world)
    # Three other municipalities' released figures, so the national row is there too.
    g = generic(campaign)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10), ("851", {4: 12}, 12)]:
        released_elsewhere(code, g, levels, meeting)
    page = visitor.new_page(bypass_csp=True)
    page.set_viewport_size({"width": width, "height": 800})
    login(page, live_server, "admin@aarhus.example")
    page.goto(f"/app/indsigt/{campaign.pk}/enheder/AAR/")

    box = page.get_by_role("region", name="Aarhus Kommune og enhederne lige under, pr. kompetence")
    assert box.get_attribute("tabindex") == "0"
    sizes = box.evaluate("(el) => ({scroll: el.scrollWidth, client: el.clientWidth})")
    assert sizes["scroll"] > sizes["client"]  # the table is wider than the window: the box scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")

    # Every visually hidden label in the table lies inside the box's scroll area, not out on the page.
    escaped = box.evaluate("""(el) => {
        const outer = el.getBoundingClientRect();
        const right = outer.left + el.scrollWidth + 1;
        return [...el.querySelectorAll('.visually-hidden')].filter(
            (s) => s.getBoundingClientRect().left > right).length;
    }""")
    assert escaped == 0

    # Scrolled to the far right, the units' column is still at the box's left edge and the row names read.
    left = box.evaluate("(el) => el.getBoundingClientRect().left")
    box.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    header = box.locator("tbody th[scope=row]").first
    assert abs(header.bounding_box()["x"] - left) <= 2
    assert box.evaluate("(el) => el.scrollLeft") > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")

    national = page.locator(f"tfoot td[data-col='{g.code}']")
    assert "67 %" in national.inner_text()

    audit = Audit()
    audit.check(page, f"heatmap at {width} px")
    audit.assert_no_serious_violations()
