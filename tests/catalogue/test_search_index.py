"""What keeps the catalogue search fast must not change what it finds: the page of results takes its
classifications from the in-process facet index (not from the database), pages are cut from the index's order,
and a search costs a fixed, small number of queries whatever the catalogue's size."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from digikomp.catalogue import selectors
from digikomp.catalogue.models import Case
from digikomp.catalogue.selectors import CatalogueQuery, attach_classifications, search_cases
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db


def _query(querystring: str) -> CatalogueQuery:
    return CatalogueQuery.from_params(QueryDict(querystring))


def _classifications(case: Case) -> tuple:
    return case.municipality_list, case.group_list, case.type_list, case.area_codes


@pytest.fixture
def cases():
    # Several values per facet, chosen so that each order differs from the order of codes or slugs: Aarhus (751)
    # before København (101) by name; "unge" before "ledere" is wrong by position; areas given out of order.
    return [
        make_case(title=f"Digital hjælp {i}", summary="Borgere får hjælp til digitale selvbetjeningsløsninger.",
                  municipalities=("101", "751", "461")[: 1 + i % 3], groups=("unge", "ledere", "aeldre")[: 1 + i % 3],
                  types=("vaerktoej", "kursus")[: 1 + i % 2], areas=("C2", "A1", "B3")[: 1 + i % 3])
        for i in range(7)
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_results_are_classified_as_attach_classifications_does(cases, language):
    with translation.override(language):
        for querystring in ("", "q=hjælp", "målgruppe=ledere&sortering=dato"):
            found = search_cases(_query(querystring)).cases
            assert found
            fresh = attach_classifications(list(Case.objects.filter(pk__in=[c.pk for c in found])))
            by_pk = {case.pk: _classifications(case) for case in fresh}
            assert [_classifications(case) for case in found] == [by_pk[case.pk] for case in found]
    with translation.override("en"):
        groups = [g.name for g in search_cases(_query("kommune=751")).cases[0].group_list]
        assert "Leaders" in groups and "Young people" in groups


@pytest.mark.parametrize("querystring", ["q=hjælp", "q=hjælp&sortering=dato", "", "q=borgere&målgruppe=ledere"])
def test_pages_follow_one_another_in_the_order_of_the_whole_list(cases, querystring):
    everything = [case.pk for case in search_cases(_query(querystring), limit=100).cases]
    assert len(everything) >= 4
    pages = [case.pk for offset in range(0, len(everything), 3)
             for case in search_cases(_query(querystring), offset=offset, limit=3).cases]
    assert pages == everything
    assert search_cases(_query(querystring), offset=len(everything), limit=3).cases == []


def test_a_search_costs_three_queries_and_a_repeated_text_two(cases):
    search_cases(_query(""))  # builds the facet index, as the first search of a process does
    selectors._text_matches.clear()
    with CaptureQueriesContext(connection) as first:
        search_cases(_query("q=hjælp&målgruppe=ledere"))
    with CaptureQueriesContext(connection) as again:  # another facet and order for the same text
        search_cases(_query("q=hjælp&type=kursus&sortering=dato"))
    with CaptureQueriesContext(connection) as facets_only:
        search_cases(_query("målgruppe=aeldre&kommune=751"))
    # The index's version check, the full-text match, the page's rows; nothing per case or per facet.
    assert (len(first), len(again), len(facets_only)) == (3, 2, 2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tsvector column exists on PostgreSQL only")
def test_postgresql_keeps_the_search_vector_in_the_row():
    # Out of line (TOAST), every case a search reads costs an index lookup in the TOAST table (migration 0004).
    with connection.cursor() as cursor:
        cursor.execute("SELECT attstorage FROM pg_attribute WHERE attrelid = 'catalogue_case'::regclass "
                       "AND attname = 'search_vector'")
        assert cursor.fetchone()[0] == "m"
