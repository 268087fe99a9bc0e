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

The index holds every case whatever its status; what is public is decided by the queries (selectors.py).
"""

from __future__ import annotations

from django.db import connection

from digikomp.lib.danish import stemmed, stems

FTS_TABLE = "catalogue_case_fts"
# bm25 weights of title, summary and body: a word in the title says more about a case than one in the body.
BM25 = f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0)"


def has_terms(q: str) -> bool:
    """True if the query has any word that is searched for (not only stop words or punctuation)."""
    return bool(stems(q))


def _match_expression(q: str) -> str:
    # Stems are runs of word characters, so quoting each one is all FTS5's query syntax needs.
    return " ".join(f'"{stem}"' for stem in stems(q))


def ranked_ids(q: str, *, ranked: bool = True) -> list[int]:
    """Ids of the cases matching `q`, best first (or in no particular order when not `ranked`, which spares
    PostgreSQL computing a rank for every match)."""
    if connection.vendor == "postgresql":
        if ranked:
            sql = ("SELECT id FROM catalogue_case, plainto_tsquery('danish', %s) query "
                   "WHERE search_vector @@ query ORDER BY ts_rank(search_vector, query) DESC, id DESC")
        else:
            sql = "SELECT id FROM catalogue_case WHERE search_vector @@ plainto_tsquery('danish', %s)"
        params = [q]
    else:
        order = f" ORDER BY {BM25}, rowid DESC" if ranked else ""
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{order}"
        params = [_match_expression(q)]
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
