"""Recall of Danish compound search on the demo's catalogue (the 35 cases of seed-demo), on SQLite and
PostgreSQL: for each query word, the published cases whose text holds the word itself or as a part of a
compound ("relevant", judged by lib/compounds.py's splitting of each case's words, with the word's stem), how
many of them the search finds with compound matching (catalogue.search) and without (the stems alone, as the
search was before), and how many it finds that are not relevant. For "ældre" it also reports the facet
"Ældre og seniorer": how many cases are tagged with it, and how many of those the search finds (a tagged case
whose text never uses the word is a difference of meaning, not a search miss).

Writes var/bench/search_recall.json through `python -m benchmarks search_recall`.
"""

from __future__ import annotations

from benchmarks.support import main, on_each_database, setup_django

QUERIES = ["kompetencer", "ældre", "borgere", "pleje", "sikkerhed", "ledere", "digital", "teknologi", "hjælp",
           "forløb", "medarbejdere", "udvikling"]


def worker(database_url: str) -> list[dict]:
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from digikomp.catalogue import search
    from digikomp.catalogue.models import Case
    from digikomp.demo.catalogue import seed_catalogue
    from digikomp.frameworks.services import load_shipped_frameworks
    from digikomp.lib.danish import stems, words
    from digikomp.tenancy.guard import across_municipalities

    call_command("migrate", verbosity=0)
    load_shipped_frameworks()
    with override_settings(DIGIKOMP_TENANCY_GUARD=False), across_municipalities("benchmark: the demo catalogue"):
        seed_catalogue()
        texts = {pk: " ".join((title, summary, body)) for pk, title, summary, body in Case.objects.filter(
            status="published").values_list("pk", "title", "summary", "body_text")}
        tagged_aeldre = set(Case.objects.filter(status="published", target_groups__slug="aeldre")
                            .values_list("pk", flat=True))
    dictionary = search.compounds()
    rows = []
    for q in QUERIES:
        (stem,) = stems(q)
        relevant = {pk for pk, text in texts.items()
                    if any(dictionary_stem(w) == stem or stem in part_stems(dictionary, w)
                           for w in set(words(text)))}
        found = set(search.ranked_ids(q, ranked=False)) & set(texts)
        before = set(_stems_only(connection, search, q)) & set(texts)
        row = {"database": connection.vendor, "query": q, "relevant": len(relevant),
               "found": len(found), "found_relevant": len(found & relevant),
               "recall": round(len(found & relevant) / len(relevant), 3) if relevant else None,
               "recall_without_compounds": round(len(before & relevant) / len(relevant), 3) if relevant else None,
               "found_without_compounds": len(before), "not_relevant_found": len(found - relevant)}
        if q == "ældre":
            row.update(facet_tagged=len(tagged_aeldre), facet_tagged_found=len(tagged_aeldre & found),
                       facet_tagged_without_the_word=len(tagged_aeldre - relevant))
        rows.append(row)
    return rows


def dictionary_stem(word: str) -> str:
    from digikomp.lib.compounds import _stem

    return _stem(word)


def part_stems(dictionary, word: str) -> set[str]:
    from digikomp.lib.compounds import _stem

    return {_stem(part) for part in dictionary.parts(word)}


def _stems_only(connection, search, q: str) -> list[int]:
    """The search as it was before compounds: every stem must match, nothing else."""
    groups = [[stem] for stem in search.stems(q)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT id FROM catalogue_case WHERE search_vector @@ plainto_tsquery('danish', %s)", [q])
        else:
            cursor.execute(f"SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH %s",
                           [search._match_expression(groups)])
        return [row[0] for row in cursor.fetchall()]


def run() -> list[dict]:
    return on_each_database("benchmarks.bench_search_recall")


if __name__ == "__main__":
    main(run, worker)
