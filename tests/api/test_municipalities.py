"""GET /api/v1/municipalities: the public list of the 98 municipalities."""

import pytest
from django.urls import reverse

URL = "/api/v1/municipalities"


def test_it_lists_all_98_municipalities_to_anyone(api_for):
    response = api_for("anonymous").get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 98
    assert len(body["results"]) == 98
    aarhus = next(m for m in body["results"] if m["code"] == "751")
    region = {"code": "1082", "name": "Region Midtjylland"}
    assert aarhus == {"code": "751", "name": "Aarhus", "region": region}


def test_it_is_ordered_by_municipality_number(api_for):
    codes = [m["code"] for m in api_for("anonymous").get(URL).json()["results"]]
    assert codes[0] == "101"
    assert codes == sorted(codes)


@pytest.mark.parametrize("persona", ["municipal_admin", "provider", "other_admin"])
def test_logged_in_users_get_the_same_list(api_for, persona):
    assert api_for(persona).get(URL).json() == api_for("anonymous").get(URL).json()


def test_it_paginates_with_limit_and_offset(api_for):
    body = api_for("anonymous").get(URL, {"limit": 10, "offset": 90}).json()
    assert body["count"] == 98
    assert len(body["results"]) == 8
    assert body["next"] is None
    assert "offset=80" in body["previous"]


def test_the_path_has_no_trailing_slash_but_one_works_too(api_for):
    assert reverse("api:municipalities") == URL
    client = api_for("anonymous")
    assert client.get(URL + "/").json() == client.get(URL).json()


def test_it_is_read_only(api_for):
    assert api_for("municipal_admin").post(URL, {"code": "999", "name": "Atlantis"}).status_code == 405


def test_it_costs_two_queries(api_for, django_assert_num_queries):
    client = api_for("anonymous")
    with django_assert_num_queries(2):  # count + one page
        client.get(URL)
