"""GET /api/v1/municipalities/{code}/people: a municipality's employees, as far as the requester may see."""

import pytest

from digikomp.tenancy.models import Person

AARHUS = "/api/v1/municipalities/751/people"
KOBENHAVN = "/api/v1/municipalities/101/people"


def ids(response):
    assert response.status_code == 200, response.content
    return [person["external_id"] for person in response.json()["results"]]


@pytest.mark.parametrize("persona", ["municipal_admin", "hr"])
def test_admin_and_hr_see_everyone_ordered_by_name(api_for, persona):
    assert ids(api_for(persona).get(AARHUS)) == ["P1", "P2", "P3"]  # Anna, Bo, Carla


def test_a_person_has_exactly_these_fields_and_never_a_cpr_number(api_for):
    anna = api_for("hr").get(AARHUS).json()["results"][0]
    assert anna == {
        "external_id": "P1", "name": "Anna Sørensen", "email": "anna@aarhus.example", "job_code": "7120",
        "job_title": "Social- og sundhedsassistent", "unit": "HJP", "active": True,
    }


def test_a_manager_sees_the_people_of_the_units_they_lead(api_for):
    assert ids(api_for("manager").get(AARHUS)) == ["P1", "P3"]


def test_the_same_external_id_in_two_municipalities_stays_apart(api_for):
    ours = api_for("municipal_admin").get(AARHUS).json()["results"]
    theirs = api_for("other_admin").get(KOBENHAVN).json()["results"]
    assert [(p["external_id"], p["name"]) for p in theirs] == [("P1", "Dorte Holm")]
    assert ("P1", "Anna Sørensen") in [(p["external_id"], p["name"]) for p in ours]
    assert "Dorte Holm" not in {p["name"] for p in ours}


@pytest.mark.parametrize(
    "persona, url",
    [
        ("other_admin", AARHUS),
        ("municipal_admin", KOBENHAVN),
        ("hr", KOBENHAVN),
        ("employee", AARHUS),
        ("national_editor", AARHUS),
        ("provider", AARHUS),
    ],
)
def test_everyone_else_gets_404(api_for, persona, url):
    assert api_for(persona).get(url).status_code == 404


def test_anonymous_gets_401(api_for):
    assert api_for("anonymous").get(AARHUS).status_code == 401


def test_it_filters_on_active(api_for, world):
    world.people["bo"].active = False
    world.people["bo"].save()
    client = api_for("hr")
    assert ids(client.get(AARHUS, {"active": "false"})) == ["P2"]
    assert ids(client.get(AARHUS, {"active": "true"})) == ["P1", "P3"]
    assert ids(client.get(AARHUS)) == ["P1", "P2", "P3"]


def test_it_filters_on_unit_with_or_without_subunits(api_for):
    client = api_for("municipal_admin")
    assert ids(client.get(AARHUS, {"unit": "SOC"})) == ["P3"]
    assert ids(client.get(AARHUS, {"unit": "SOC", "include_subunits": "true"})) == ["P1", "P3"]
    assert ids(client.get(AARHUS, {"unit": "AAR", "include_subunits": "true"})) == ["P1", "P2", "P3"]
    assert ids(client.get(AARHUS, {"unit": "AAR"})) == []


def test_a_manager_filtering_on_a_unit_stays_inside_their_subtree(api_for):
    client = api_for("manager")
    assert ids(client.get(AARHUS, {"unit": "SOC", "include_subunits": "true"})) == ["P1", "P3"]
    response = client.get(AARHUS, {"unit": "BOU", "include_subunits": "true"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["unit"]


def test_another_municipalitys_unit_is_unknown(api_for):
    response = api_for("municipal_admin").get(AARHUS, {"unit": "BIB"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["unit"]


def test_include_subunits_needs_a_unit(api_for):
    response = api_for("hr").get(AARHUS, {"include_subunits": "true"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["include_subunits"]


def test_it_paginates_people_with_equal_names_without_overlap(api_for, world):
    Person.objects.bulk_create(
        Person(municipality=world.aarhus, external_id=f"S{i}", name="Søren Hansen",
               primary_unit=world.units["school"])
        for i in range(7)
    )
    client = api_for("hr")
    seen, url = [], AARHUS + "?limit=3"
    while url:
        page = client.get(url).json()
        assert page["count"] == 10
        seen += [p["external_id"] for p in page["results"]]
        url = page["next"]
    assert len(seen) == 10 and len(set(seen)) == 10


@pytest.mark.parametrize("persona", ["municipal_admin", "manager"])
def test_the_query_count_does_not_grow_with_the_number_of_people(api_for, world, persona,
                                                                  django_assert_max_num_queries):
    client = api_for(persona)
    Person.objects.bulk_create(
        Person(municipality=world.aarhus, external_id=f"N{i}", name=f"Medarbejder {i}",
               primary_unit=world.units["home_care"])
        for i in range(40)
    )
    # token + roles + municipality + (managers: units, paths) + the unit filter + count + page
    with django_assert_max_num_queries(8):
        response = client.get(AARHUS, {"unit": "SOC", "include_subunits": "true"})
    assert response.json()["count"] == 42
