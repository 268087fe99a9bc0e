"""Logging in through the form, the dashboard's cards, the language switch both ways, logging out, and the
skip link a keyboard user meets first."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, path_of
from tests.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Among the admin's cards, in this order (tests/web/test_dashboard.py holds the complete lists per role).
ADMIN_CARDS = ["/app/organisation/", "/app/profiler/", "/app/kortlaegning/", "/app/indsigt/",
               "/app/organisation/import/", "/normen/"]


def hrefs(links) -> list[str]:
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def test_an_admin_logs_in_sees_their_cards_switches_language_and_logs_out(page, live_server, world):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Log ind").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")
    page.get_by_label("E-mail").fill("admin@aarhus.example")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log ind").click()

    expect(page).to_have_title("Overblik · DigiKomp")
    assert path_of(page) == "/app/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, admin")
    expect(page.get_by_role("heading", name="Det kan du")).to_be_visible()
    cards = page.get_by_role("list", name="Det kan du").get_by_role("link")
    assert [href for href in hrefs(cards) if href in ADMIN_CARDS] == ADMIN_CARDS
    expect(cards.first).to_have_text("Organisation")
    expect(cards).to_contain_text(["Organisation", "Importér organisation", "Normen"])

    # The switch is named in the language it leads to, and comes back to the same page.
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert path_of(page) == "/app/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, admin")
    cards = page.get_by_role("list", name="What you can do").get_by_role("link")
    expect(cards).to_contain_text(["Organisation", "Profiles", "My surveys", "Campaigns", "Insights",
                                   "Import organisation", "The norm"])
    page.get_by_role("button", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, admin")

    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Log ind")).to_be_visible()
    page.goto(live_server.url + "/app/")
    assert path_of(page) == "/konto/login/?next=/app/"


def test_a_wrong_password_is_named_and_nothing_opens(page, live_server, world):
    login_url = live_server.url + "/konto/login/"
    page.goto(login_url)
    page.get_by_label("E-mail").fill("admin@aarhus.example")
    page.get_by_label("Adgangskode").fill("forkert")
    page.get_by_role("main").get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("alert")).to_contain_text("Du kunne ikke logges ind")
    expect(page).to_have_title("Fejl: Log ind · DigiKomp")
    assert path_of(page) == "/konto/login/"


def test_an_employee_sees_only_their_own_cards(page, live_server, world):
    login(page, live_server, "anna@aarhus.example")
    cards = hrefs(page.get_by_role("list", name="Det kan du").get_by_role("link"))
    assert "/app/mine-kortlaegninger/" in cards and "/normen/" in cards
    assert not {"/app/organisation/", "/app/indsigt/", "/app/organisation/import/"} & set(cards)
    expect(page.get_by_role("heading", name="Kommer snart")).to_be_visible()


def test_tab_from_the_top_reaches_the_skip_link_first_and_it_moves_focus_to_main(page, live_server, db):
    page.goto(live_server.url + "/")
    skip = page.get_by_role("link", name="Gå til indhold")
    assert skip.bounding_box()["y"] < 0  # off screen until focused
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()  # then on screen, where a sighted keyboard user sees it
    assert box["y"] >= 0 and box["height"] > 0

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
