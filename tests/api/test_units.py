"""GET /api/v1/municipalities/{code}/units: a municipality's org units, as far as the requester may see."""

import pytest

from digikomp.tenancy.models import OrgUnit

AARHUS = "/api/v1/municipalities/751/units"
KOBENHAVN = "/api/v1/municipalities/101/units"


def ids(response):
    assert response.status_code == 200, response.content
    return [unit["external_id"] for unit in response.json()["results"]]


@pytest.mark.parametrize("persona", ["municipal_admin", "hr"])
def test_admin_and_hr_see_every_unit_in_tree_order(api_for, persona):
    assert ids(api_for(persona).get(AARHUS)) == ["AAR", "SOC", "HJP", "BOU", "SKO"]


def test_a_unit_has_its_fields_and_parent_as_external_id(api_for, world):
    world.units["home_care"].street = "Paludan-Müllers Vej 1"
    world.units["home_care"].postcode = "8200"
    world.units["home_care"].city = "Aarhus N"
    world.units["home_care"].save()
    results = api_for("hr").get(AARHUS).json()["results"]
    assert results[0]["parent"] is None
    assert results[2] == {
        "external_id": "HJP", "name": "Hjemmeplejen Nord", "type": "Afdeling", "parent": "SOC", "depth": 2,
        "active": True, "street": "Paludan-Müllers Vej 1", "postcode": "8200", "city": "Aarhus N",
    }


def test_a_manager_sees_the_subtree_they_lead(api_for):
    assert ids(api_for("manager").get(AARHUS)) == ["SOC", "HJP"]


def test_the_other_municipality_sees_only_its_own(api_for):
    assert ids(api_for("other_admin").get(KOBENHAVN)) == ["KBH", "BIB"]


@pytest.mark.parametrize(
    "persona, url",
    [
        ("other_admin", AARHUS),
        ("municipal_admin", KOBENHAVN),
        ("manager", KOBENHAVN),
        ("employee", AARHUS),
        ("national_editor", AARHUS),
        ("provider", AARHUS),
        ("municipal_admin", "/api/v1/municipalities/999/units"),
    ],
)
def test_everyone_else_gets_404_as_if_nothing_were_there(api_for, persona, url):
    response = api_for(persona).get(url)
    assert response.status_code == 404
    # Same body as for a municipality that does not exist: nothing about the data is revealed.
    assert response.json() == api_for("municipal_admin").get("/api/v1/municipalities/999/units").json()


def test_anonymous_gets_401_with_a_challenge(api_for):
    response = api_for("anonymous").get(AARHUS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_it_filters_on_active(api_for, world):
    world.units["children"].active = False
    world.units["children"].save()
    client = api_for("municipal_admin")
    assert ids(client.get(AARHUS, {"active": "false"})) == ["BOU"]
    assert ids(client.get(AARHUS, {"active": "true"})) == ["AAR", "SOC", "HJP", "SKO"]


def test_a_bad_active_value_is_a_400_naming_the_parameter(api_for):
    response = api_for("municipal_admin").get(AARHUS, {"active": "maybe"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["active"]


def test_it_filters_on_parent(api_for):
    client = api_for("municipal_admin")
    assert ids(client.get(AARHUS, {"parent": "AAR"})) == ["SOC", "BOU"]
    assert ids(client.get(AARHUS, {"parent": "SKO"})) == []


@pytest.mark.parametrize(
    "persona, parent",
    [("municipal_admin", "NOPE"), ("municipal_admin", "BIB"), ("manager", "BOU")],
)
def test_a_parent_the_requester_cannot_see_is_a_400_like_an_unknown_one(api_for, persona, parent):
    response = api_for(persona).get(AARHUS, {"parent": parent})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["parent"]


def test_it_paginates_in_a_stable_order(api_for):
    client = api_for("municipal_admin")
    first = client.get(AARHUS, {"limit": 2}).json()
    assert first["count"] == 5
    assert [u["external_id"] for u in first["results"]] == ["AAR", "SOC"]
    seen, url = [], AARHUS + "?limit=2"
    while url:
        page = client.get(url).json()
        seen += [u["external_id"] for u in page["results"]]
        url = page["next"]
    assert seen == ["AAR", "SOC", "HJP", "BOU", "SKO"]


def test_the_default_page_is_500_units(api_for, world):
    OrgUnit.objects.bulk_create(
        OrgUnit(municipality=world.aarhus, external_id=f"X{i}", name=f"Enhed {i}", path=f"/x{i:04d}/")
        for i in range(600)
    )
    body = api_for("municipal_admin").get(AARHUS).json()
    assert body["count"] == 605
    assert len(body["results"]) == 500


@pytest.mark.parametrize("persona", ["municipal_admin", "manager"])
def test_the_query_count_does_not_grow_with_the_number_of_units(api_for, world, persona,
                                                                django_assert_max_num_queries):
    client = api_for(persona)
    for i in range(30):
        OrgUnit.objects.create(municipality=world.aarhus, external_id=f"N{i}", name=f"Team {i}",
                               parent=world.units["home_care"])
    # token + roles + municipality + (managers: units, paths) + count + page
    with django_assert_max_num_queries(7):
        response = client.get(AARHUS)
    assert response.json()["count"] >= 32


def test_the_same_path_with_a_trailing_slash_answers_the_same(api_for):
    client = api_for("manager")
    assert client.get(AARHUS + "/").json() == client.get(AARHUS).json()
    assert api_for("other_admin").get(AARHUS + "/").status_code == 404
