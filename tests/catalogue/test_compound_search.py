"""Danish compounds in the catalogue's search: a word finds the compounds that contain it (lib/compounds.py),
on the demo's cases and on small made-up ones, on the database the tests run on (SQLite here, PostgreSQL in CI).

The facet "Ældre og seniorer" counts the cases tagged with that target group; the search finds the cases whose
text holds the word. The two differ where a tagged case never writes "ældre" (it speaks of "seniorer" or
"pensionister"), which is a difference of meaning, not a search miss; every tagged case that does write it,
alone or in a compound, is found."""

import re

import pytest
from django.http import QueryDict

from digikomp.catalogue.models import Case
from digikomp.catalogue.selectors import CatalogueQuery, search_cases
from digikomp.demo.catalogue import seed_catalogue
from digikomp.lib.compounds import Compounds, _stem
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db


def titles(q: str, **facets) -> set[str]:
    params = QueryDict(mutable=True)
    params["q"] = q
    for name, value in facets.items():
        params[name] = value
    return {case.title for case in search_cases(CatalogueQuery.from_params(params), limit=200).cases}


def test_the_dictionary_splits_compounds_and_leaves_other_words_whole():
    dictionary = Compounds({"kompetencer", "kørekort", "ældre", "rådet", "forældre", "ledelse", "udvikling",
                            "kompetencekørekort", "ældrerådet", "forældremøder", "ledelsesudvikling",
                            "digitalisering", "digital", "borgerne", "borger", "sikkerhed", "sikker",
                            "informationssikkerhed", "information"})
    def split_stems(word):
        return [_stem(part) for part in dictionary.split(word)]

    assert split_stems("kompetencekørekort") == ["kompetenc", "kørekort"]
    # ledelse-s-udvikling: the linking -s- (or the genitive, which the stemmer takes off) before the head.
    assert dictionary.split("ledelsesudvikling")[1] == "udvikling"
    assert _stem("ledelsesudvikling") in dictionary.expand("ledelse") & dictionary.expand("udvikling")
    assert split_stems("informationssikkerhed") == ["information", "sikker"]
    assert dictionary.split("ældrerådet") == ["ældre", "rådet"]
    # "for" is a stop word: forældre (parents) is no compound of ældre (elderly).
    assert dictionary.split("forældre") is None and "ældr" not in dictionary.parts("forældremøder")
    # Inflection and derivation endings are not heads of compounds.
    assert dictionary.split("borgerne") is None and dictionary.split("digitalisering") is None
    assert dictionary.expand("kompetencer") == {"kompetenc", "kompetencekørekort"}
    assert dictionary.expand("ældre") == {"ældr", "ældreråd"}


def test_a_word_finds_the_compounds_that_contain_it():
    make_case(title="Kompetencekørekort i kontorsystemerne", summary="Et kørekort for alle nye medarbejdere.")
    make_case(title="Digitale rollemodeller i ældrerådet", summary="Rådets medlemmer hjælper andre.")
    make_case(title="Kurser for forældre", summary="Forældremøder om skolens it.")
    make_case(title="Kompetencer i hjemmeplejen", summary="Plejepersonalet lærer nyt.")
    assert titles("kompetencer") == {"Kompetencekørekort i kontorsystemerne", "Kompetencer i hjemmeplejen"}
    assert titles("ældre") == {"Digitale rollemodeller i ældrerådet"}
    assert titles("kørekort") == {"Kompetencekørekort i kontorsystemerne"}
    # Every word must still match: a compound stands for its part, not for the other words of the query.
    assert titles("ældre kontorsystemer") == set()


def _holds_the_word(text: str, stem_of, dictionary, stem: str) -> bool:
    return any(stem_of(w) == stem or stem in {stem_of(p) for p in dictionary.parts(w)}
               for w in re.findall(r"\w+", text.lower()))


def test_on_the_demo_catalogue_kompetencer_and_aeldre_find_their_compounds():
    from digikomp.catalogue import search

    seed_catalogue()
    assert "Kompetencekørekort i kontorsystemerne" in titles("kompetencer")
    found = titles("ældre")
    dictionary = search.compounds()
    tagged = Case.objects.published().filter(target_groups__slug="aeldre").distinct()
    with_the_word = [c for c in tagged
                     if _holds_the_word(f"{c.title} {c.summary} {c.body_text}", _stem, dictionary, "ældr")]
    assert with_the_word and {c.title for c in with_the_word} <= found
    # "Kompetenceudvikling af frivillige i ældrerådet" says ældre only in compounds and is found.
    assert "Kompetenceudvikling af frivillige i ældrerådet" in found
    # The facet and the search agree within the facet: every tagged case that writes the word.
    assert titles("ældre", målgruppe="aeldre") == {c.title for c in with_the_word}
    # No case is found for "ældre" only because it mentions parents (forældre).
    for title in found:
        case = Case.objects.published().get(title=title)
        assert _holds_the_word(f"{case.title} {case.summary} {case.body_text}", _stem, dictionary, "ældr"), title
