"""A visitor signs up for an event in the browser: the form on the event's page (keyboard and labels as a
screen reader finds them), a wrong address named at the field, then a place; the next visitor gets the waiting
list. Without JavaScript the form works the same."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from digikomp.site.models import EventIndexPage, EventPage, EventRegistration
from tests.browser.conftest import eventually

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _event() -> EventPage:
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=14)
    event = EventPage(title="Netværksmøde for digitale ambassadører", slug="netvaerksmoede", start=start,
                      end=start + timedelta(hours=3), location="Aarhus Rådhus", capacity=1)
    EventIndexPage.objects.get().add_child(instance=event)
    event.save_revision().publish()
    return event


def _fill(page, name: str, email: str) -> None:
    page.get_by_label("Navn", exact=True).fill(name)
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Organisation eller kommune (valgfri)").fill("Aarhus Kommune")
    page.get_by_label("DigiKomp må gemme", exact=False).check()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_visitor_signs_up_and_the_next_goes_on_the_waiting_list(visitor, live_server, javascript):
    event = _event()
    page = visitor.new_page(javascript=javascript)
    page.goto(event.url)
    expect(page.get_by_text("1 af 1 pladser er ledig.")).to_be_visible()
    _fill(page, "Mette Hansen", "ikke-en-adresse")
    page.get_by_role("button", name="Tilmeld").click()
    # The refusal names the field and keeps what was typed.
    expect(page.locator("#error-summary")).to_contain_text("E-mail: Skriv en e-mailadresse som navn@eksempel.dk.")
    expect(page.get_by_label("Navn", exact=True)).to_have_value("Mette Hansen")
    # The refused form answers 400, which Chromium reports on the console: expected here, and only here.
    visitor.errors.remove(f"{live_server.url}/tilmelding/{event.pk}/#signup-heading: Failed to load resource: the "
                          "server responded with a status of 400 (Bad Request)")
    page.get_by_label("E-mail", exact=True).fill("mette@aarhus.dk")
    page.get_by_label("DigiKomp må gemme", exact=False).check()
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er tilmeldt")
    assert eventually(lambda: EventRegistration.objects.filter(email="mette@aarhus.dk", status="confirmed").exists())

    second = visitor.new_page(javascript=javascript)
    second.goto(event.url)
    expect(second.get_by_text("Alle pladser er optaget", exact=False)).to_be_visible()
    _fill(second, "Jonas Berg", "jonas@aarhus.dk")
    second.get_by_role("button", name="Skriv mig på ventelisten").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Du er på ventelisten")
    expect(second.get_by_text("nummer 1 på ventelisten", exact=False)).to_be_visible()


def test_the_event_pages_pass_axe_on_a_phone(visitor, live_server):
    """The event page with its sign-up form, the refused form, the place and the waiting list: nothing serious
    for axe, and nothing wider than a 320 px phone."""
    from tests.browser.axe import Audit

    event = _event()
    audit = Audit()
    page = visitor.new_page(bypass_csp=True)
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(event.url)
    audit.check(page, "event page")
    _fill(page, "Mette Hansen", "ikke-en-adresse")
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.locator("#error-summary")).to_be_visible()
    visitor.errors.remove(f"{live_server.url}/tilmelding/{event.pk}/#signup-heading: Failed to load resource: the "
                          "server responded with a status of 400 (Bad Request)")
    audit.check(page, "refused sign-up")
    page.get_by_label("E-mail", exact=True).fill("mette@aarhus.dk")
    page.get_by_label("DigiKomp må gemme", exact=False).check()
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du er tilmeldt")
    audit.check(page, "signed up")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    second = visitor.new_page(bypass_csp=True)
    second.goto(event.url)
    _fill(second, "Jonas Berg", "jonas@aarhus.dk")
    second.get_by_role("button", name="Skriv mig på ventelisten").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Du er på ventelisten")
    audit.check(second, "waiting list")
    audit.assert_no_serious_violations()
