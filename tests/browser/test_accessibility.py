"""axe-core on the pages people use most, in Danish as they are served: no serious or critical violation.

One test per part of DigiKomp, each visiting its pages in turn so the data is built once; the report names
every page with a problem, not just the first.
"""

import re

import pytest
from playwright.sync_api import expect

from digikomp.assessments.links import exported_token, links_export
from digikomp.assessments.models import Invitation
from digikomp.assessments.services import invitations_create
from digikomp.assessments.tokens import token_for
from digikomp.catalogue.models import Case
from digikomp.demo.catalogue import seed_catalogue
from digikomp.demo.site_content import seed_site
from tests.assessments.helpers import open_campaign
from tests.browser.axe import Audit
from tests.browser.conftest import login
from tests.campaigns.helpers import answered_campaign, populate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3  # the populated world is small: its campaigns use k = 3

MODEL = "/normen/kommunernes-digitale-kompetencemodel/"


def test_public_pages_have_no_serious_violations(visitor, live_server, shipped_norm, world):
    page = visitor.new_page(bypass_csp=True)
    audit = Audit()
    for name, path in [
        ("front page", "/"),
        ("login", "/konto/login/"),
        ("the model", MODEL),
        ("a national profile", "/normen/profiler/sygeplejerske/"),
        ("a municipality's profiles", "/normen/kommuner/751/profiler/"),
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        audit.check(page, name)

    # The login form showing an error.
    page.goto("/konto/login/")
    page.locator("input[name=username]").fill("admin@aarhus.example")
    page.locator("input[name=password]").fill("forkert")
    page.get_by_role("main").get_by_role("button").click()
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check(page, "login with an error")
    audit.assert_no_serious_violations()


def test_application_and_survey_pages_have_no_serious_violations(visitor, live_server, shipped_norm, world):
    populate(world)
    campaign = answered_campaign(world)
    answered = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    # answered_campaign is closed (its figures released); the questionnaire pages need one still open.
    running = open_campaign(world, name="Kortlægning 2027", anonymity_k=5)
    invitations_create(campaign=running)
    waiting = Invitation.objects.get(campaign=running, person=world.people["carla"])  # has not answered

    audit = Audit()
    page = visitor.new_page(bypass_csp=True)
    login(page, live_server, "admin@aarhus.example")
    for name, path in [
        ("dashboard", "/app/"),
        ("organisation", "/app/organisation/"),
        ("an org unit", "/app/organisation/enheder/SOC/"),
        ("heatmap", f"/app/indsigt/{campaign.pk}/enheder/AAR/"),
        ("a municipal profile", "/app/profiler/nationale/sygeplejerske/"),
        ("import", "/app/organisation/import/"),
        ("handing out links yourself", f"/app/kortlaegning/{running.pk}/links/"),
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        audit.check(page, name)

    respondent = visitor.new_page(bypass_csp=True)
    survey = f"/svar/{token_for(waiting.public_id)}/"
    for name, path in [("survey welcome", survey), ("survey page", survey + "trin/1/")]:
        response = respondent.goto(path)
        assert response.status == 200, path
        audit.check(respondent, name)
    # The same page after "continue" with nothing chosen: the error summary and the fields marked invalid.
    respondent.locator("button[name=action][value=continue]").click()
    expect(respondent.locator(".error-summary")).to_be_visible()
    audit.check(respondent, "survey page with errors")

    result = f"/svar/{token_for(answered.public_id)}/resultat/"
    response = respondent.goto(result)
    assert response.status == 200
    expect(respondent.locator("figure svg")).to_be_visible()
    audit.check(respondent, "survey result")

    # An exported link asks the holder to confirm it is the person; a code typed before asking for one errs.
    links_export(campaign=running, scope="all", actor=None)
    exported = exported_token(Invitation.objects.get(campaign=running, person=world.people["anna"]))
    response = respondent.goto(f"/svar/{exported}/bekraeft/")
    assert response.status == 200
    audit.check(respondent, "confirm that it is you")
    respondent.locator("input[name=code]").fill("123456")
    respondent.locator("form.form button[type=submit]").click()
    expect(respondent.locator(".error-summary")).to_be_visible()
    audit.check(respondent, "confirm that it is you, with an error")
    # The refused code is answered with status 400, which Chromium logs as a console error: expected here.
    visitor.errors.remove(f"{live_server.url}/svar/{exported}/bekraeft/: Failed to load resource: the server "
                          "responded with a status of 400 (Bad Request)")
    audit.assert_no_serious_violations()


def test_site_and_catalogue_pages_have_no_serious_violations(visitor, live_server, shipped_norm, world,
                                                             settings, tmp_path):
    """The public site with the demo's news, events and catalogue (so the front page shows every section and
    the catalogue paginates), a case, searches with and without hits, a competence's page with its link to
    the cases; then the catalogue's side of the application: a municipality's form, with errors, and
    moderation."""
    settings.MEDIA_ROOT = tmp_path / "media"  # the demo publications' PDFs
    seed_site()
    seed_catalogue()
    case = Case.objects.published().filter(figures__isnull=False).order_by("-published_at").first()
    # In review, to be opened by the editor below.
    waiting = Case.objects.published().order_by("published_at").first()
    Case.objects.filter(pk=waiting.pk).update(status=Case.Status.IN_REVIEW)

    audit = Audit()
    page = visitor.new_page(bypass_csp=True)
    results = page.locator(".results .case-item")
    for name, path, shows in [
        ("front page with news, events and cases", "/", page.get_by_role("region", name="Nyt i kataloget")),
        ("the catalogue, first of two pages", "/katalog/", page.get_by_role("navigation", name="Sider")),
        ("search results with a query and a facet", "/katalog/?q=%C3%A6ldre+borgere&m%C3%A5lgruppe=aeldre",
         results.first),
        ("search results ordered by date", "/katalog/?q=borgere&sortering=dato", results.first),
        ("a search without results", "/katalog/?q=findesikkeordet", page.locator(".empty-state")),
        ("a case with figures and related cases", f"/katalog/{case.slug}/",
         page.get_by_role("region", name="Beslægtede cases")),
        ("a competence of the model", f"{MODEL}1.0/kompetencer/C2.1/",
         page.get_by_role("main").get_by_role("link", name=re.compile("i inspirationskataloget"))),
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        expect(shows).to_be_visible()  # the part of the page this visit is meant to audit is there
        audit.check(page, name)

    municipal = visitor.new_page(bypass_csp=True)
    login(municipal, live_server, "hr@aarhus.example")
    for name, path in [("our cases", "/app/katalog/"), ("a new case", "/app/katalog/ny/")]:
        response = municipal.goto(path)
        assert response.status == 200, path
        audit.check(municipal, name)
    municipal.get_by_role("button", name="Gem kladde").click()  # nothing filled in
    expect(municipal.locator(".error-summary")).to_be_visible()
    audit.check(municipal, "a new case with errors")
    # The form answers a failed save with status 400, which Chromium logs as a console error: expected here.
    visitor.errors.remove(f"{live_server.url}/app/katalog/ny/: Failed to load resource: the server responded "
                          "with a status of 400 (Bad Request)")

    editor = visitor.new_page(bypass_csp=True)
    login(editor, live_server, "redaktoer@kl.example")
    for name, path in [("the editors' queue", "/app/katalog/redaktion/"),
                       ("a case in review", f"/app/katalog/redaktion/{waiting.pk}/")]:
        response = editor.goto(path)
        assert response.status == 200, path
        audit.check(editor, name)
    audit.assert_no_serious_violations()
