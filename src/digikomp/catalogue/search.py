"""Danish full-text search over the cases' title, summary and body, on either database.

PostgreSQL: a generated tsvector column `search_vector` on catalogue_case (to_tsvector('danish', ...), title
weighted A, summary B, body C) with a GIN index, both created by migration 0002 on PostgreSQL only, and kept in
the row rather than in the TOAST table (migration 0004), as every search reads it for each candidate; queries go
through plainto_tsquery('danish', ...), so every word must match (after stemming, stop words dropped). The
planner scans the table for a word most cases contain and uses the GIN index for a rarer one.

SQLite: an FTS5 table catalogue_case_fts (rowid = case id) holding the same three texts as Snowball Danish
stems (lib/danish.py, PyStemmer), kept in step by Case.save() and Case.delete(); a query is stemmed the same way
and every stem must match. Both databases stem with Snowball's Danish stemmer and drop the same stop words,
so "kompetencer" finds "kompetence" and "ældre borgere" finds "ældre borger" on both.

Compounds (lib/compounds.py): Danish writes compounds as one word ("Kompetencekørekort", "ældrerådet"), which
the stemmer keeps whole. Each query word therefore also searches for the compounds of the published cases that
contain it as a part, found by decompounding the cases' own vocabulary (rebuilt when the published catalogue
changes): "kompetencer" finds "Kompetencekørekort", "ældre" finds "ældrerådet" but not "forældre". The expansion
is a list of stems ORed with the word's own, on both databases; a query with no compound to add runs exactly as
before (on PostgreSQL through plainto_tsquery).

The index holds every case whatever its status; what is public is decided by the queries (selectors.py).
"""

from __future__ import annotations

from django.db import connection

from digikomp.lib.compounds import Compounds
from digikomp.lib.danish import stemmed, stems, words

FTS_TABLE = "catalogue_case_fts"
# bm25 weights of title, summary and body: a word in the title says more about a case than one in the body.
BM25 = f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0)"


def has_terms(q: str) -> bool:
    """True if the query has any word that is searched for (not only stop words or punctuation)."""
    return bool(stems(q))


# At most this many compounds per query word (the most common word parts have dozens in a large catalogue).
MAX_COMPOUNDS = 60
_VOCABULARY_VERSION_SQL = "SELECT COUNT(*), MAX(updated_at), SUM(id) FROM catalogue_case WHERE status = %s"
_VOCABULARY_SQL = "SELECT title, summary, body_text FROM catalogue_case WHERE status = %s"
_compounds: tuple[tuple, Compounds] | None = None


def compounds(version: tuple | None = None) -> Compounds:
    """The decompounding dictionary of the published cases' words, rebuilt when the published catalogue
    changes (raw SQL: published cases are every municipality's, and this is only their vocabulary). `version`
    is the published catalogue's version when the caller has it (selectors.facet_index), sparing a query."""
    global _compounds
    with connection.cursor() as cursor:
        if version is None:
            cursor.execute(_VOCABULARY_VERSION_SQL, ["published"])
            version = (connection.alias, connection.settings_dict.get("NAME"), *cursor.fetchone())
        if _compounds is not None and _compounds[0] == version:
            return _compounds[1]
        cursor.execute(_VOCABULARY_SQL, ["published"])
        vocabulary: set[str] = set()
        for row in cursor.fetchall():
            vocabulary.update(words(" ".join(text or "" for text in row)))
    _compounds = (version, Compounds(vocabulary))
    return _compounds[1]


def term_groups(q: str, version: tuple | None = None) -> list[list[str]]:
    """Per query word, the stems that may stand for it: its own first, then the compounds containing it."""
    found = compounds(version)
    groups = []
    for word, stem in zip(words(q), stems(q), strict=True):
        extra = sorted(found.expand(word) - {stem})[:MAX_COMPOUNDS]
        groups.append([stem, *extra])
    return groups


def _match_expression(groups: list[list[str]]) -> str:
    # Stems are runs of word characters, so quoting each one is all FTS5's query syntax needs.
    return " AND ".join(f'"{g[0]}"' if len(g) == 1 else "(" + " OR ".join(f'"{t}"' for t in g) + ")"
                        for g in groups)


def _tsquery(groups: list[list[str]]) -> str:
    """The same as a tsquery of lexemes (stems of the Danish stemmer, as in search_vector)."""
    return " & ".join("(" + " | ".join(f"'{t}'" for t in g) + ")" for g in groups)


def ranked_ids(q: str, *, ranked: bool = True, version: tuple | None = None) -> list[int]:
    """Ids of the cases matching `q`, best first (or in no particular order when not `ranked`, which spares
    PostgreSQL computing a rank for every match)."""
    groups = term_groups(q, version)
    if connection.vendor == "postgresql":
        if any(len(g) > 1 for g in groups):
            query, params = "to_tsquery('simple', %s)", [_tsquery(groups)]
        else:
            query, params = "plainto_tsquery('danish', %s)", [q]
        if ranked:
            sql = (f"SELECT id FROM catalogue_case, {query} query "
                   "WHERE search_vector @@ query ORDER BY ts_rank(search_vector, query) DESC, id DESC")
        else:
            sql = f"SELECT id FROM catalogue_case WHERE search_vector @@ {query}"
    else:
        order = f" ORDER BY {BM25}, rowid DESC" if ranked else ""
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{order}"
        params = [_match_expression(groups)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def index_case(case) -> None:
    """Bring the case's row of the SQLite index up to date (PostgreSQL's column is generated)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [case.pk])
        cursor.execute(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                       [case.pk, stemmed(case.title), stemmed(case.summary), stemmed(case.body_text)])


def unindex_case(pk: int) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


INDEX = "the search index holds every case; the search reads only published ones from it"


def reindex_all() -> int:
    """Rebuild the SQLite index from the cases table (after a bulk load or a restore); returns the count."""
    from digikomp.catalogue.models import Case

    if connection.vendor != "sqlite":
        return Case.objects.unscoped(INDEX).count()
    rows = [(pk, stemmed(title), stemmed(summary), stemmed(body))
            for pk, title, summary, body in Case.objects.unscoped(INDEX).values_list("pk", "title", "summary", "body_text")]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)", rows)
    return len(rows)
