"""The inspiration catalogue in a browser: a municipality writes and submits a case, a national editor
comments and publishes it, and the public finds it; a visitor searches in Danish, narrows with a facet, orders
by date and shares the address, with JavaScript and without it."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from digikomp.catalogue.models import Case
from tests.browser.conftest import eventually, login, path_of
from tests.catalogue.helpers import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Digital hjælp på lokalcentrene"
SUMMARY = "Frivillige hjælper ældre borgere med MitID og Digital Post på byens lokalcentre."
COMMENT = "Fint eksempel. Vi nævner det i næste nyhedsbrev."


def expect_results(page, titles: list[str]) -> None:
    """The search shows exactly these cases in this order (waiting for the page the last action asked for)."""
    expect(page.locator(".results .case-item-title")).to_have_text(titles)


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_a_municipality_submits_a_case_an_editor_publishes_it_and_the_public_finds_it(
        visitor, live_server, world, shipped_norm):
    # HR in Aarhus writes the case in the application and sends it to the editors in one go.
    hr = visitor.new_page()
    login(hr, live_server, "hr@aarhus.example")
    hr.get_by_role("navigation").get_by_role("link", name="Vores cases").click()
    hr.get_by_role("link", name="Skriv en ny case").click()
    expect(hr.get_by_role("heading", level=1)).to_have_text("Ny case")
    # The case's title comes first; each attachment row further down has a "Titel" too.
    hr.get_by_role("textbox", name="Titel", exact=True).first.fill(TITLE)
    summary = hr.get_by_label("Resumé")
    # A screen reader reads the field's guidance with it, not only the sighted user above it.
    expect(summary).to_have_accessible_description(
        "To eller tre sætninger: hvad I gjorde, for hvem, og hvad der kom ud af det.")
    summary.fill(SUMMARY)
    hr.get_by_label("Beskrivelse").fill("Hver tirsdag står to frivillige klar.\n\nBorgerne booker en tid.")
    # The writer's own municipality is chosen already.
    expect(hr.get_by_label("Kommuner")).to_have_values([str(world.aarhus.pk)])
    hr.get_by_role("group", name="Målgrupper").get_by_label("Ældre og seniorer").check()
    hr.get_by_role("group", name="Typer af indsats").get_by_label("It-café og borgerhjælp").check()
    hr.get_by_label("C2 Digital kommunikation 1:1 med borgere").check()
    hr.get_by_label("Startede").fill("2024-01-08")
    hr.get_by_label("Resultater og effekt").fill("Flere ældre klarer selv deres digitale post.")
    first_figure = hr.get_by_role("group", name="Tal 1")
    first_figure.get_by_label("Hvad").fill("Borgere hjulpet")
    first_figure.get_by_label("Tal", exact=True).fill("240")
    hr.get_by_label("Kontaktperson").fill("Lis Lund")
    hr.get_by_label("Kontakt-e-mail").fill("lis.lund@aarhus.example")
    hr.get_by_role("button", name="Gem og indsend til gennemsyn").click()

    hr.wait_for_url(re.compile(r"/app/katalog/\d+/$"))
    case = eventually(lambda: Case.objects.filter(title=TITLE).first())
    assert case is not None and path_of(hr) == f"/app/katalog/{case.pk}/"
    expect(hr.locator(".messages")).to_contain_text("Casen er indsendt.")
    expect(hr.get_by_role("main")).to_contain_text("Casen ligger hos den nationale redaktion.")
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW and case.owner == world.aarhus

    # Not public while the editors have it.
    visitor_page = visitor.new_page()
    # Asked for outside the page, or the browser would log the expected 404 as a console error.
    assert visitor_page.request.get(f"/katalog/{case.slug}/").status == 404

    # The editor finds it in the queue, comments and publishes.
    editor = visitor.new_page()
    login(editor, live_server, "redaktoer@kl.example")
    editor.goto("/app/katalog/redaktion/")
    editor.get_by_role("link", name=TITLE).click()
    expect(editor).to_have_url(f"{live_server.url}/app/katalog/redaktion/{case.pk}/")
    editor.get_by_label("Kommentar til kommunen").fill(COMMENT)
    editor.get_by_role("button", name="Gem kommentar").click()
    expect(editor.get_by_text("Kommentaren er gemt.")).to_be_visible()
    editor.get_by_role("button", name="Offentliggør", exact=True).click()
    expect(editor.get_by_text("Casen er offentliggjort.")).to_be_visible()
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED

    # The municipality reads the editor's comment on its case.
    hr.reload()
    expect(hr.get_by_role("main")).to_contain_text(COMMENT)

    # The public finds it by a word from its summary, and the case shows its municipality and date.
    visitor_page.goto("/katalog/")
    visitor_page.get_by_label("Søg i cases").fill("lokalcentre")
    visitor_page.get_by_role("button", name="Søg", exact=True).click()
    expect_results(visitor_page, [TITLE])
    visitor_page.get_by_role("link", name=TITLE).click()
    expect(visitor_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    byline = visitor_page.locator(".case-byline")
    expect(byline).to_contain_text("Aarhus")
    expect(byline.locator("time")).to_have_attribute("datetime", timezone.localdate().isoformat())
    expect(visitor_page.locator(".figures")).to_contain_text("240")


@pytest.fixture
def cases(db):
    """Three published cases with publication dates far enough apart that the order by date is certain."""
    made = {
        "seniors": make_case(title="It-café på biblioteket",
                             summary="Frivillige hjælper ældre borgere med MitID.",
                             groups=("aeldre", "borgere"), types=("it-cafe",), areas=("C2",),
                             municipalities=("461",), owner="461"),
        "skills": make_case(title="Kompetenceløft i hjemmeplejen",
                            summary="Et løft af den digitale kompetence hos social- og sundhedsassistenter.",
                            groups=("sundhed-og-omsorg",), types=("kursus", "ambassadoerer"), areas=("A1",)),
        "leaders": make_case(title="Lederforløb om digital forandring",
                             summary="Ledere lærer at lede digital forandring.",
                             body="<p>Borgerne mærker det, når lederne går forrest.</p>", groups=("ledere",),
                             types=("kursus",), areas=("D3",), municipalities=("101",), owner="101"),
    }
    for name, date in [("skills", datetime.date(2025, 1, 15)), ("seniors", datetime.date(2025, 3, 1)),
                       ("leaders", datetime.date(2025, 6, 1))]:
        Case.objects.filter(pk=made[name].pk).update(
            published_at=datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC))
    return made


def test_a_visitor_searches_in_danish_narrows_by_a_facet_orders_by_date_and_shares_the_address(
        visitor, live_server, shipped_norm, cases):
    page = visitor.new_page()
    page.goto("/katalog/")
    search = page.get_by_label("Søg i cases")

    # Stemming: "ældre borgere" finds the case that says "ældre borgere" and no other; the plural
    # "kompetencer" finds the case that says "kompetence".
    search.fill("ældre borgere")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect_results(page, ["It-café på biblioteket"])
    assert _query(page) == {"q": ["ældre borgere"]}
    search.fill("kompetencer")
    search.press("Enter")
    expect_results(page, ["Kompetenceløft i hjemmeplejen"])

    # A facet: every case with a course, newest first as there is no text to rank by.
    search.fill("")
    courses = page.get_by_role("group", name="Type af indsats").get_by_role(
        "checkbox", name=re.compile(r"^Kursus og undervisning"))
    courses.check()  # with JavaScript a ticked box applies at once (the button is for pages without it)
    expect(page.locator("#results-heading")).to_have_text("2 cases")
    expect_results(page, ["Lederforløb om digital forandring", "Kompetenceløft i hjemmeplejen"])
    assert _query(page) == {"type": ["kursus"]}
    expect(courses).to_be_checked()

    # The address is the search: reloaded, or opened by someone else, it shows the same.
    shared = page.url
    page.reload()
    expect_results(page, ["Lederforløb om digital forandring", "Kompetenceløft i hjemmeplejen"])
    other = visitor.new_page()
    other.goto(shared)
    expect_results(other, ["Lederforløb om digital forandring", "Kompetenceløft i hjemmeplejen"])
    expect(other.get_by_role("checkbox", name=re.compile(r"^Kursus og undervisning"))).to_be_checked()

    # With words the best match comes first (the summary says "borgere", the leaders' body only "Borgerne");
    # "nyeste" reorders the same cases by date and says so in the address.
    page.goto("/katalog/?q=borgere")
    expect_results(page, ["It-café på biblioteket", "Lederforløb om digital forandring"])
    page.get_by_role("link", name="nyeste").click()
    expect_results(page, ["Lederforløb om digital forandring", "It-café på biblioteket"])
    assert _query(page) == {"q": ["borgere"], "sortering": ["dato"]}
    expect(page.get_by_role("link", name="bedste match")).to_be_visible()


def test_searching_and_filtering_work_without_javascript(visitor, live_server, shipped_norm, cases):
    page = visitor.new_page(javascript=False)
    page.goto("/katalog/")
    page.get_by_label("Søg i cases").fill("borgere")
    page.get_by_role("group", name="Målgruppe").get_by_role(
        "checkbox", name=re.compile(r"^Ældre og seniorer")).check()
    # The facets' button sends the words too: it is one form.
    page.get_by_role("button", name="Vis cases").click()
    expect_results(page, ["It-café på biblioteket"])
    assert _query(page) == {"q": ["borgere"], "målgruppe": ["aeldre"]}
    page.get_by_role("link", name="It-café på biblioteket").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("It-café på biblioteket")
