"""axe-core on the pages people use most, in Danish as they are served: no serious or critical violation.

Two tests, one per kind of visitor, each visiting its pages in turn so the data is built once; the report
names every page with a problem, not just the first.
"""

import pytest
from playwright.sync_api import expect

from digikomp.assessments.models import Invitation
from digikomp.assessments.tokens import token_for
from tests.browser.axe import Audit
from tests.browser.conftest import login
from tests.campaigns.helpers import answered_campaign, populate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

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
    waiting = Invitation.objects.get(campaign=campaign, person=world.people["carla"])  # has not answered

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
    audit.assert_no_serious_violations()
