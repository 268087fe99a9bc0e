"""Writing tallies: one statement per response that adds its answers to the rows of the response's unit and
every ancestor (the roll-up), so dashboards read O(units x competences) rows and never the answers.

Plain SQL because the ORM cannot say "add to the existing row" in an upsert. INSERT ... ON CONFLICT DO
UPDATE works the same on SQLite (>= 3.24) and PostgreSQL. Rows are written in key order so two concurrent
transactions lock them in the same order and cannot deadlock.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from digikomp.assessments.models import MAX_LEVELS, KnowledgeTally, ResponseCount, Tally, UnitTally

LEVEL_COLUMNS = [f"level_{i}" for i in range(1, MAX_LEVELS + 1)]
COUNT_COLUMNS = ["dont_know", "meeting", *LEVEL_COLUMNS]


def shards() -> int:
    return getattr(settings, "DIGIKOMP_TALLY_SHARDS", 4)


@dataclass(frozen=True)
class Increment:
    competence_identifier: object
    level: int | None  # None: "ved ikke"
    meeting: bool


def ancestor_ids(path: str) -> list[int]:
    """Primary keys of a unit and its ancestors, read off its materialised path."""
    return [int(segment) for segment in path.strip("/").split("/") if segment]


def _uuid_db(value):
    return Tally._meta.get_field("competence_identifier").get_db_prep_value(value, connection)


def add_response(*, campaign_id: int, unit_path: str, profile_id: int, increments: Iterable[Increment],
                 shard: int | None = None) -> None:
    """Add one response to the tallies of its unit and every ancestor, and count it as responded."""
    shard = random.randrange(shards()) if shard is None else shard
    units = sorted(ancestor_ids(unit_path))
    rows, unit_rows = [], []
    for increment in sorted(increments, key=lambda i: str(i.competence_identifier)):
        counts = [1 if increment.level is None else 0, 1 if increment.meeting else 0]
        counts += [1 if increment.level == level else 0 for level in range(1, MAX_LEVELS + 1)]
        key = _uuid_db(increment.competence_identifier)
        for unit in units:
            rows.append((campaign_id, unit, profile_id, key, shard, *counts))
            unit_rows.append((campaign_id, unit, key, shard, *counts))
    if rows:
        _upsert(Tally._meta.db_table, ["campaign_id", "unit_id", "profile_id", "competence_identifier", "shard"],
                COUNT_COLUMNS, sorted(rows, key=lambda r: (r[1], str(r[3]))))
        _upsert(UnitTally._meta.db_table, ["campaign_id", "unit_id", "competence_identifier", "shard"],
                COUNT_COLUMNS, sorted(unit_rows, key=lambda r: (r[1], str(r[2]))))
    _upsert(ResponseCount._meta.db_table, ["campaign_id", "unit_id", "profile_id", "shard"],
            ["invited", "responded"], [(campaign_id, unit, profile_id, shard, 0, 1) for unit in units])


@dataclass(frozen=True)
class KnowledgeIncrement:
    competence_identifier: object
    correct: bool
    overconfident: bool
    underconfident: bool


def add_knowledge(*, campaign_id: int, unit_path: str, increments: Iterable[KnowledgeIncrement],
                  shard: int | None = None) -> None:
    shard = random.randrange(shards()) if shard is None else shard
    rows = []
    for unit in sorted(ancestor_ids(unit_path)):
        for i in sorted(increments, key=lambda i: str(i.competence_identifier)):
            rows.append((campaign_id, unit, _uuid_db(i.competence_identifier), shard, 1, int(i.correct),
                         int(i.overconfident), int(i.underconfident)))
    _upsert(KnowledgeTally._meta.db_table, ["campaign_id", "unit_id", "competence_identifier", "shard"],
            ["answered", "correct", "overconfident", "underconfident"], rows)


def add_invitations(*, campaign_id: int, invited: Iterable[tuple[str, int]]) -> None:
    """Count invitations per unit subtree and profile; `invited` holds (unit path, profile id) pairs."""
    counts: dict[tuple[int, int], int] = {}
    for path, profile_id in invited:
        for unit in ancestor_ids(path):
            counts[(unit, profile_id)] = counts.get((unit, profile_id), 0) + 1
    rows = [(campaign_id, unit, profile, 0, n, 0) for (unit, profile), n in sorted(counts.items())]
    for start in range(0, len(rows), 500):
        _upsert(ResponseCount._meta.db_table, ["campaign_id", "unit_id", "profile_id", "shard"],
                ["invited", "responded"], rows[start:start + 500])


def _upsert(table: str, keys: list[str], counters: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    columns = keys + counters
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counters)
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([placeholders] * len(rows))} "
           f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
