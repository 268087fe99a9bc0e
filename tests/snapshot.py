"""Rows that a loader writes, taken once per test session and put back for each test that needs them.

Loading the shipped norm through its services costs about 300 queries (and parsing and validating the shipped
JSON); a test that asks for `shipped_norm` gets the same rows back in one insert per table instead. `take` runs
the loader once, right after the test database is migrated, in a transaction that it rolls back, and keeps the
rows the loader inserted; `Snapshot.restore` inserts them again with their primary keys, inside the test's own
transaction, so every test still starts from the migrated database and rolls back as before.

The restored rows keep the primary keys of that first load. So that no other row ever takes one of those keys
(a test may create a framework of its own before asking for the norm), `take` keeps the keys reserved: on
PostgreSQL the rolled-back load has moved the sequences past them already (sequences ignore rollbacks); on
SQLite, whose AUTOINCREMENT counters roll back with the transaction, it sets them past the keys itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction
from django.db.models import AutoField, Model


@dataclass(frozen=True)
class Snapshot:
    tables: tuple[tuple[type[Model], tuple[dict, ...]], ...]

    @property
    def models(self) -> list[type[Model]]:
        return [model for model, _rows in self.tables]

    def restore(self) -> None:
        # Foreign keys are checked at commit on both databases (Django creates them deferred), so the order of
        # the tables does not matter; self-references (a competence's area, a revision's base) neither.
        for model, rows in self.tables:
            model._base_manager.bulk_create([model(**row) for row in rows])


def _tables() -> list[type[Model]]:
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy]


def _columns(model: type[Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


class _Rollback(Exception):
    pass


def take(load: Callable[[], object]) -> Snapshot:
    """Runs `load` in a transaction that is rolled back and returns the rows it inserted.

    Refuses what a snapshot cannot put back: rows in tables that are no model's (such as SQLite's full-text
    tables) and rows of a model that inherits another's table. (tests/test_snapshot.py compares a restored
    norm with a loaded one, column by column, so a loader that starts updating rows is caught there.)"""
    models = _tables()
    before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in models}
    counts_before = _row_counts()
    tables = []
    try:
        with transaction.atomic():
            load()
            counts_after = _row_counts()
            for model in models:
                new = tuple(model._base_manager.exclude(pk__in=before[model]).order_by("pk")
                            .values(*_columns(model)))
                if new:
                    assert not model._meta.parents, f"{model.__name__} inherits another table: restore it by hand"
                    tables.append((model, new))
            raise _Rollback
    except _Rollback:
        pass
    snapshot = Snapshot(tuple(tables))
    covered = {model._meta.db_table for model in snapshot.models}
    grown = {table for table, count in counts_after.items() if count != counts_before.get(table)}
    assert grown == covered, f"the loader wrote to tables a snapshot cannot restore: {sorted(grown - covered)}"
    _reserve_keys(snapshot)
    return snapshot


def _reserve_keys(snapshot: Snapshot) -> None:
    if connection.vendor != "sqlite":
        return  # PostgreSQL's sequences kept the values the rolled-back load took
    with connection.cursor() as cursor:
        for model, rows in snapshot.tables:
            if not isinstance(model._meta.pk, AutoField):
                continue
            highest = max(row[model._meta.pk.attname] for row in rows)
            table = model._meta.db_table
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [highest, table])
            if not cursor.rowcount:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest])
