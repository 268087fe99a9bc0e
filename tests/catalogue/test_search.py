"""Danish full-text search with facets, on the database the tests run on (SQLite here, PostgreSQL in CI): the
same queries must find the same cases on both."""

import pytest
from django.db import connection
from django.http import QueryDict

from digikomp.catalogue import search
from digikomp.catalogue.models import Case
from digikomp.catalogue.selectors import CatalogueQuery, search_cases
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db


def _search(querystring: str):
    return search_cases(CatalogueQuery.from_params(QueryDict(querystring)), limit=100)


def _titles(querystring: str) -> list[str]:
    return [case.title for case in _search(querystring).cases]


@pytest.fixture
def cases():
    return {
        "seniors": make_case(title="It-café på biblioteket", summary="Frivillige hjælper ældre borgere med MitID.",
                             groups=("aeldre", "borgere"), types=("it-cafe",), areas=("C2",),
                             municipalities=("461",), owner="461"),
        "skills": make_case(title="Kompetenceløft i hjemmeplejen",
                            summary="Et løft af den digitale kompetence hos social- og sundhedsassistenter.",
                            groups=("sundhed-og-omsorg",), types=("kursus", "ambassadoerer"), areas=("A1", "B1"),
                            municipalities=("751",)),
        "leaders": make_case(title="Lederforløb", summary="Ledere lærer at lede digital forandring.",
                             body="<p>Borgerne mærker det, når lederne går forrest.</p>", groups=("ledere",),
                             types=("kursus",), areas=("D3",), municipalities=("101", "147"), owner="101"),
        "draft": make_case(title="Kladde om kompetencer for ældre borgere", publish=False,
                           groups=("aeldre",), types=("kursus",), areas=("C2",)),
    }


def test_plural_and_inflected_forms_find_each_other(cases):
    assert _titles("q=kompetencer") == ["Kompetenceløft i hjemmeplejen"]
    assert _titles("q=kompetence") == ["Kompetenceløft i hjemmeplejen"]


def test_aeldre_borgere_finds_the_case_for_seniors(cases):
    assert _titles("q=ældre+borgere") == ["It-café på biblioteket"]
    # Every word must match: "borgere" alone also finds the leaders' case, whose body mentions "Borgerne".
    assert sorted(_titles("q=borgere")) == ["It-café på biblioteket", "Lederforløb"]


def test_words_in_the_body_are_found_too(cases):
    assert _titles("q=forrest") == ["Lederforløb"]


def test_a_query_of_stop_words_only_searches_nothing_away(cases):
    assert _search("q=og+for").total == 3
    assert _search("q=findesikkeordet").total == 0


def test_drafts_are_never_found(cases):
    assert all("Kladde" not in title for title in _titles("q=kladde") + _titles("") + _titles("målgruppe=aeldre"))


def test_the_title_weighs_more_than_the_body(cases):
    make_case(title="Borgere i centrum", summary="Om noget andet.", groups=("borgere",))
    titles = _titles("q=borger")
    assert titles[0] == "Borgere i centrum"


def test_order_is_relevance_with_a_query_and_newest_without(cases):
    assert _search("q=kompetence").query.effective_order == "relevans"
    newest_first = [c.title for c in Case.objects.published().order_by("-published_at", "-id")]
    assert _titles("") == newest_first
    assert _titles("q=kursus&sortering=dato") == _titles("sortering=dato&q=kursus")


def _counts(result, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in next(f for f in result.facets if f.name == facet).values}


def test_facet_counts_cover_the_search_with_the_other_facets_applied(cases):
    result = _search("")
    assert result.total == 3
    assert _counts(result, "target_group") == {"aeldre": 1, "borgere": 1, "sundhed-og-omsorg": 1, "ledere": 1}
    assert _counts(result, "effort_type") == {"it-cafe": 1, "kursus": 2, "ambassadoerer": 1}
    assert _counts(result, "area") == {"A1": 1, "B1": 1, "C2": 1, "D3": 1}
    assert _counts(result, "municipality") == {"461": 1, "751": 1, "101": 1, "147": 1}
    # København and Frederiksberg are one case in Region Hovedstaden, counted once.
    assert _counts(result, "region") == {"1084": 1, "1083": 1, "1082": 1}

    chosen = _search("type=kursus")
    assert chosen.total == 2
    # Its own facet still shows the alternatives; the others count within the choice.
    assert _counts(chosen, "effort_type") == {"it-cafe": 1, "kursus": 2, "ambassadoerer": 1}
    assert _counts(chosen, "target_group") == {"sundhed-og-omsorg": 1, "ledere": 1}
    assert next(v for f in chosen.facets if f.name == "effort_type" for v in f.values if v.value == "kursus").chosen


def test_values_of_one_facet_widen_and_facets_narrow(cases):
    assert _search("målgruppe=aeldre&målgruppe=ledere").total == 2
    assert _search("målgruppe=aeldre&type=kursus").total == 0
    assert _titles("q=kompetence&region=1082") == ["Kompetenceløft i hjemmeplejen"]
    assert _titles("kommune=147") == ["Lederforløb"]


def test_a_chosen_value_without_cases_is_still_shown_so_it_can_be_unchosen(cases):
    result = _search("målgruppe=unge")
    assert result.total == 0
    assert _counts(result, "target_group")["unge"] == 0


def test_the_catalogue_page_shows_results_and_facets_without_javascript(client, cases):
    from tests.web.markup import find, text

    response = client.get("/katalog/", {"q": "kompetencer", "type": "kursus"})
    assert response.status_code == 200
    page = text(response)
    assert "1 case" in page and "Kompetenceløft i hjemmeplejen" in page
    boxes = find(response, "input", type="checkbox", name="type", value="kursus")
    assert boxes and "checked" in boxes[0]
    assert find(response, "form", method="get", action="/katalog/")
    assert find(response, "a", href="/katalog/kompetenceloeft-i-hjemmeplejen/")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
def test_the_sqlite_index_follows_every_save_and_delete(cases):
    def indexed(pk):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT title, summary FROM {search.FTS_TABLE} WHERE rowid = %s", [pk])
            return cursor.fetchone()

    case = cases["leaders"]
    assert indexed(case.pk) == ("lederforløb", "led lær led digital forandring")
    case.title = "Ledere i front"
    case.save()
    assert indexed(case.pk)[0] == "led front"
    assert _titles("q=front") == ["Ledere i front"]
    pk = case.pk
    case.delete()
    assert indexed(pk) is None
    assert search.reindex_all() == 3
    assert indexed(cases["seniors"].pk) is not None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tsvector column exists on PostgreSQL only")
def test_postgresql_keeps_a_danish_tsvector_and_its_stems_agree_with_pystemmer(cases):
    from digikomp.lib.danish import stems

    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM catalogue_case WHERE id = %s", [cases["skills"].pk])
        vector = cursor.fetchone()[0]
        assert "'kompetenc'" in vector
        text = "Kompetencer for ældre borgere og medarbejdere i hjemmeplejen, digitale ambassadører"
        cursor.execute("SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(to_tsvector('danish', %s))", [text])
        assert cursor.fetchone()[0] == sorted(set(stems(text)))
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'catalogue_case_search_vector'")
        assert "gin" in cursor.fetchone()[0]
