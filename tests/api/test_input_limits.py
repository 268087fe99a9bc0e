"""Input anyone can send the API that once crashed it (500), and the API's answers for what no endpoint serves:
each is now a 4xx in one of the two documented error shapes, naming the field where there is one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from digikomp.assessments.models import Campaign, Invitation, Response
from digikomp.assessments.services import invitations_create
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import map_jobs, open_campaign

AARHUS = "/api/v1/municipalities/751/campaigns"
TOO_BIG = 2**63  # one more than a 64-bit signed column holds
DEEP = "[" * 3000 + "]" * 3000


@pytest.fixture
def campaign(shipped_norm, world, settings):
    settings.DIGIKOMP_ANONYMITY_K = 3
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    return campaign


@pytest.fixture
def token(campaign, world):
    return token_for(Invitation.objects.get(campaign=campaign, person=world.people["anna"]).public_id)


def new_campaign(**overrides) -> dict:
    now = timezone.now()
    return {"name": "Kortlægning 2027", "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat(), **overrides}


# --- Ids beyond 64 bits ------------------------------------------------------------------------------------


@pytest.mark.parametrize("parameter", ["profile", "wave"])
def test_a_heatmap_filter_beyond_64_bits_is_400_naming_it(api_for, campaign, parameter):
    response = api_for("hr").get(f"{AARHUS}/{campaign.pk}/heatmap", {parameter: str(TOO_BIG)})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]
    assert "9223372036854775807" in response.json()["errors"][parameter]


def test_a_profile_id_beyond_64_bits_in_a_new_campaign_is_400_naming_its_position(api_for, campaign):
    response = api_for("hr").post(AARHUS, new_campaign(profiles=[1, TOO_BIG]), format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["profiles.2"]
    assert Campaign.objects.count() == 1


def test_a_path_id_beyond_64_bits_is_the_ordinary_404(api_for, campaign):
    for path in (f"{AARHUS}/{TOO_BIG}", f"{AARHUS}/{TOO_BIG}/heatmap", f"/api/v1/profiles/{TOO_BIG}"):
        response = api_for("hr").get(path)
        assert response.status_code == 404 and set(response.json()) == {"detail"}, path


# --- JSON nested too deep, or not JSON at all --------------------------------------------------------------


def test_a_campaign_nested_3000_levels_deep_is_400_for_the_body(api_for, campaign):
    response = api_for("hr").post(AARHUS, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["body"] and "64" in response.json()["errors"]["body"]


def test_a_submission_nested_3000_levels_deep_is_400_and_stores_nothing(api_for, token):
    response = api_for("anonymous").post(f"/api/v1/survey/{token}/submit", DEEP, content_type="application/json")
    assert response.status_code == 400 and list(response.json()["errors"]) == ["body"]
    nested_answer = '{"answers": ' + "[" * 100 + "]" * 100 + "}"
    response = api_for("anonymous").put(f"/api/v1/survey/{token}/draft", nested_answer,
                                        content_type="application/json")
    assert response.status_code == 400 and list(response.json()["errors"]) == ["body"]
    assert not Response.objects.exists()


def test_malformed_json_is_400_in_the_field_error_shape(api_for, campaign):
    response = api_for("hr").post(AARHUS, '{"name": ', content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["errors"]
    assert "linje 1" in response.json()["errors"]["body"]  # where it broke, in the request's language


def test_a_body_in_a_media_type_the_api_does_not_read_is_415_with_detail(api_for, campaign):
    response = api_for("hr").post(AARHUS, "name=x", content_type="text/plain")
    assert response.status_code == 415 and set(response.json()) == {"detail"}


def test_a_method_an_endpoint_lacks_is_405_with_detail(api_for, campaign):
    response = api_for("hr").delete(AARHUS)
    assert response.status_code == 405 and set(response.json()) == {"detail"}


@pytest.mark.parametrize("path", ["/api/", "/api/v1/", "/api/v1/nope", "/api/v1/nope/", "/api/v2/municipalities",
                                  "/api/v1/profiles/abc", "/api/v1/profiles/abc/"])
def test_a_path_no_endpoint_serves_is_a_json_404_not_the_sites_page(client, db, path):
    response = client.get(path)
    assert response.status_code == 404  # not a redirect to the slash form, not the site's HTML page
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


def test_a_404_of_a_view_names_nothing(api_for, shipped_norm):
    # Django's own message would have been "No Profile matches the given query.": English, naming a model.
    response = api_for("anonymous").get("/api/v1/profiles/999999")
    assert response.status_code == 404 and response.json() == {"detail": "Ikke fundet."}
