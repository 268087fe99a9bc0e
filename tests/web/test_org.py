"""The organisation pages show each persona exactly the units and people they may see, and 404 the rest."""

import re

import pytest

from digikomp.tenancy.models import OrgUnit, Person
from tests.web.markup import find, text, unit_links

UNIT_URL = "/app/organisation/enheder/{}/"


# --- The organisation overview -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona,expected",
    [("municipal_admin", ["AAR"]), ("hr", ["AAR"]), ("manager", ["SOC"]), ("other_admin", ["KBH"])],
)
def test_overview_lists_the_top_units_the_persona_may_browse_from(client_for, persona, expected):
    response = client_for(persona).get("/app/organisation/")
    assert response.status_code == 200
    assert unit_links(response) == expected


@pytest.mark.parametrize("persona", ["employee", "provider", "national_editor"])
def test_overview_is_forbidden_without_org_view(client_for, persona):
    assert client_for(persona).get("/app/organisation/").status_code == 403


def test_overview_sends_anonymous_visitors_to_login(client, db):
    response = client.get("/app/organisation/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def _row(response, external_id):
    """The numbers in the table row of one unit: [sub-units, people]."""
    html = response.content.decode()
    start = html.index(f'href="{UNIT_URL.format(external_id)}"')
    row = html[start: html.index("</tr>", start)]
    return [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)]


def test_overview_counts_active_sub_units_and_people_in_the_whole_subtree(client_for, world):
    # Anna (home care), Bo (school) and Carla (social) are all below the root; an inactive person and an
    # inactive sub-unit do not count.
    Person.objects.create(municipality=world.aarhus, external_id="P9", name="Gone Away", active=False,
                          primary_unit=world.units["school"])
    OrgUnit.objects.create(municipality=world.aarhus, external_id="OLD", name="Nedlagt", active=False,
                           parent=world.units["root"])
    response = client_for("municipal_admin").get("/app/organisation/")
    assert _row(response, "AAR") == [2, 3]


def test_manager_counts_only_their_own_subtree(client_for):
    response = client_for("manager").get("/app/organisation/")
    assert _row(response, "SOC") == [1, 2]  # Hjemmeplejen Nord; Carla and Anna


def test_admin_of_an_empty_municipality_is_offered_the_import(client_for, world):
    OrgUnit.objects.filter(municipality=world.kobenhavn).update(active=False)
    response = client_for("other_admin").get("/app/organisation/")
    assert "Din kommune har endnu ikke nogen organisation i DigiKomp" in text(response)
    assert find(response, "a", href="/app/organisation/import/")


# --- Search ------------------------------------------------------------------------------------------------


def _search(client, q):
    return client.get("/app/organisation/", {"q": q})


def test_search_finds_people_and_units_by_name(client_for):
    client = client_for("municipal_admin")
    page = text(_search(client, "nielsen"))
    assert "Bo Nielsen" in page and "1 person fundet." in page
    response = _search(client, "hjemmepleje")
    assert "HJP" in unit_links(response) and "1 enhed fundet." in text(response)


def test_search_matches_every_word_in_any_order(client_for):
    client = client_for("municipal_admin")
    assert "Anna Sørensen" in text(_search(client, "sørensen anna"))
    assert "Anna Sørensen" not in text(_search(client, "anna nielsen"))


def test_search_links_a_person_to_their_unit(client_for):
    response = _search(client_for("municipal_admin"), "Anna")
    assert "HJP" in unit_links(response)


def test_search_stays_within_a_managers_subtree(client_for):
    client = client_for("manager")
    assert "Anna Sørensen" in text(_search(client, "Sørensen"))
    page = text(_search(client, "Nielsen"))  # Bo works at the school, outside the manager's units
    assert "Bo Nielsen" not in page and "Ingen enheder eller personer matcher din søgning." in page
    assert "SKO" not in unit_links(_search(client, "Skovvang"))


def test_search_never_crosses_municipalities(client_for):
    client = client_for("other_admin")
    assert "Anna Sørensen" not in text(_search(client, "Anna"))
    assert "Dorte Holm" in text(_search(client, "Dorte"))
    assert "Bo Nielsen" not in text(_search(client_for("municipal_admin"), "Dorte"))


def test_search_leaves_out_inactive_people(client_for, world):
    Person.objects.filter(pk=world.people["bo"].pk).update(active=False)
    assert "Bo Nielsen" not in text(_search(client_for("municipal_admin"), "Nielsen"))


def test_search_query_is_escaped(client_for):
    response = _search(client_for("municipal_admin"), "<script>alert(1)</script>")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_search_says_when_it_shows_only_the_first_matches(client_for, world):
    Person.objects.bulk_create(
        Person(municipality=world.aarhus, external_id=f"M{i}", name=f"Mette Madsen {i:03d}",
               primary_unit=world.units["school"])
        for i in range(51)
    )
    page = text(_search(client_for("municipal_admin"), "Mette"))
    assert "50 personer fundet." in page and "Der er mere end 50 resultater" in page


# --- A unit's page ------------------------------------------------------------------------------------------


def test_unit_page_shows_sub_units_people_and_managers(client_for):
    response = client_for("municipal_admin").get(UNIT_URL.format("SOC"))
    assert response.status_code == 200
    page = text(response)
    assert "HJP" in unit_links(response)
    assert "Carla Jensen" in page and "Direktør" in page  # the unit's manager, and its one member
    assert "Anna Sørensen" not in page  # Anna belongs to the sub-unit, not to this unit


def test_unit_page_lists_people_with_job_title_and_email(client_for):
    response = client_for("municipal_admin").get(UNIT_URL.format("HJP"))
    page = text(response)
    assert "Anna Sørensen" in page and "Social- og sundhedsassistent" in page
    assert find(response, "a", href="mailto:anna@aarhus.example")
    assert find(response, "th", scope="col")


def test_breadcrumbs_run_up_the_tree(client_for):
    response = client_for("municipal_admin").get(UNIT_URL.format("HJP"))
    crumbs = find(response, "nav", class_="breadcrumbs")
    assert crumbs and crumbs[0]["aria-label"] == "Brødkrummesti"
    html = response.content.decode()
    trail = html[html.index('class="breadcrumbs"'): html.index("</nav>", html.index('class="breadcrumbs"'))]
    assert [link for link in ("AAR", "SOC") if UNIT_URL.format(link) in trail] == ["AAR", "SOC"]
    assert 'aria-current="page">Hjemmeplejen Nord' in trail


def test_breadcrumbs_of_a_manager_start_at_the_unit_they_lead(client_for):
    response = client_for("manager").get(UNIT_URL.format("HJP"))
    html = response.content.decode()
    trail = html[html.index('class="breadcrumbs"'): html.index("</nav>", html.index('class="breadcrumbs"'))]
    assert UNIT_URL.format("SOC") in trail
    assert UNIT_URL.format("AAR") not in trail and "Aarhus Kommune" not in trail


@pytest.mark.parametrize(
    "persona,external_id,status",
    [
        ("municipal_admin", "SKO", 200),
        ("hr", "HJP", 200),
        ("manager", "SOC", 200),
        ("manager", "HJP", 200),
        ("manager", "AAR", 404),  # above the unit they lead
        ("manager", "BOU", 404),  # a sibling subtree
        ("manager", "SKO", 404),
        ("other_admin", "SOC", 404),  # another municipality's unit
        ("other_admin", "BIB", 200),
        ("municipal_admin", "BIB", 404),
        ("employee", "HJP", 403),
        ("provider", "AAR", 403),
    ],
)
def test_unit_page_access(client_for, persona, external_id, status):
    assert client_for(persona).get(UNIT_URL.format(external_id)).status_code == status


def test_unit_page_paginates_people_fifty_at_a_time(client_for, world):
    Person.objects.bulk_create(
        Person(municipality=world.aarhus, external_id=f"T{i}", name=f"Lærer {i:03d}",
               primary_unit=world.units["school"])
        for i in range(120)
    )
    client = client_for("municipal_admin")
    first = client.get(UNIT_URL.format("SKO"))
    assert len(find(first, "th", scope="row")) == 50 and "Side 1 af 3" in text(first)
    assert "Bo Nielsen" in text(first) and "Lærer 048" in text(first) and "Lærer 049" not in text(first)
    assert "121 medarbejdere har denne enhed som deres primære enhed." in text(first)
    assert find(first, "a", rel="next", href="?side=2")

    last = client.get(UNIT_URL.format("SKO"), {"side": "3"})
    assert len(find(last, "th", scope="row")) == 21
    assert "Lærer 119" in text(last) and "Lærer 098" not in text(last)
    assert find(last, "a", rel="prev", href="?side=2") and not find(last, "a", rel="next")

    # A page number that does not exist shows the last page instead of failing.
    assert "Side 3 af 3" in text(client.get(UNIT_URL.format("SKO"), {"side": "99"}))
    assert "Side 1 af 3" in text(client.get(UNIT_URL.format("SKO"), {"side": "abc"}))


def test_sub_unit_counts_cost_the_same_queries_for_many_units(
    client_for, world, django_assert_max_num_queries
):
    client = client_for("municipal_admin")
    client.get(UNIT_URL.format("BOU"))  # warm the session and access caches
    for i in range(40):
        school = OrgUnit.objects.create(municipality=world.aarhus, external_id=f"S{i}", name=f"Skole {i}",
                                        parent=world.units["children"])
        Person.objects.create(municipality=world.aarhus, external_id=f"SP{i}", name=f"Elev {i}",
                              primary_unit=school)
    with django_assert_max_num_queries(12):
        response = client.get(UNIT_URL.format("BOU"))
    assert len(unit_links(response)) == 41 + 1  # 41 schools plus the breadcrumb to the root
