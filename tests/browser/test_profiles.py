"""A municipal admin adapts a national profile in the browser; the diff and the public page show it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RAISED = re.compile(r"Raised from (level )?3\b.* to (level )?4\b")


def test_an_admin_raises_a_level_and_sees_the_deviation_in_the_diff_and_on_the_public_page(
        visitor, live_server, shipped_norm, world):
    page = visitor.new_page(language="en")
    login(page, live_server, "admin@aarhus.example")
    navigation = page.get_by_role("navigation", name="Main navigation")
    navigation.get_by_role("link", name="Profiles", exact=True).click()
    page.get_by_role("link", name="Nurse", exact=True).click()
    assert path_of(page) == "/app/profiler/nationale/sygeplejerske/"
    expect(page.get_by_role("definition").filter(has_text="Follows the norm")).to_be_visible()

    page.get_by_role("button", name="Adopt and adapt the profile").click()
    level = page.get_by_label(re.compile(r"^Local level for B1\.1 "))
    expect(level).to_have_value("3")
    level.select_option("4")
    page.get_by_label(re.compile(r"^Note on B1\.1 ")).fill("Vi kører telemedicin i hele kommunen")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_label(re.compile(r"^Local level for B1\.1 "))).to_have_value("4")
    page.get_by_role("link", name="1 deviation from the norm").click()
    assert path_of(page) == "/app/profiler/nationale/sygeplejerske/afvigelser/"
    main = page.get_by_role("main")
    expect(main).to_contain_text("1 deviation")
    expect(main).to_contain_text("Raised from level 3 (Proficient) to level 4 (Expert)")
    expect(main).to_contain_text("Vi kører telemedicin i hele kommunen")
    expect(main).not_to_contain_text("A1.1 Basic use of workplace IT")  # only deviations are listed

    # Anyone, not logged in, reads the adapted profile on the public site.
    public = visitor.new_page(language="en")
    public.goto("/normen/kommuner/751/profiler/sygeplejerske/")
    expect(public.get_by_text("National profile as adapted by Aarhus")).to_be_visible()
    expect(public.get_by_text(re.compile(r"deviates from the national norm in 1 place"))).to_be_visible()
    deviation = public.locator(".deviation-list li")
    expect(deviation).to_have_count(1)
    expect(deviation).to_contain_text("B1.1")
    expect(deviation).to_contain_text(RAISED)
    expect(deviation).to_contain_text("Vi kører telemedicin i hele kommunen")
