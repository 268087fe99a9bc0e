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
from typing import TypeVar

from django.apps import apps
from django.db import connection, transaction
from django.db.models import AutoField, Model


@dataclass(frozen=True)
class Table:
    model: type[Model]
    insert: str  # INSERT INTO <table> (<every column>) VALUES (%s, ...)
    rows: tuple[tuple, ...]  # each row's values as the database takes them
    highest_key: int | None  # of an auto-incremented primary key


@dataclass(frozen=True)
class Snapshot:
    tables: tuple[Table, ...]

    def restore(self) -> None:
        # One executemany per table, its statement and values prepared once: bulk_create would prepare each
        # value again in every test, which costs more than the load's own queries. Foreign keys are checked at
        # commit on both databases (Django creates them deferred), so in one transaction the order of the
        # tables does not matter, nor self-references (a competence's area, a unit's parent). The transaction
        # is the test's own (a savepoint), or, in a transactional test, one of its own.
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.executemany(table.insert, table.rows)


def _tables() -> list[type[Model]]:
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy]


def _table(model: type[Model], objects: list[Model]) -> Table:
    assert not model._meta.parents, f"{model.__name__} inherits another model's table: restore it by hand"
    fields = [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]
    quote = connection.ops.quote_name
    insert = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
              f"VALUES ({', '.join(['%s'] * len(fields))})")
    rows = tuple(tuple(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields)
                 for obj in objects)
    auto = isinstance(model._meta.pk, AutoField)
    return Table(model, insert, rows, max(obj.pk for obj in objects) if auto else None)


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


class _Rollback(Exception):
    pass


T = TypeVar("T")


def take(load: Callable[[], T]) -> tuple[Snapshot, T]:
    """Runs `load` in a transaction that is rolled back and returns the rows it inserted, and what it returned
    (its model instances keep their primary keys, which the restored rows have too).

    Refuses what a snapshot cannot put back: rows in tables that are no model's (such as SQLite's full-text
    tables) and rows of a model that inherits another's table. (tests/test_snapshot.py compares a restored
    norm with a loaded one, column by column, so a loader that starts updating rows is caught there.)"""
    models = _tables()
    before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in models}
    counts_before = _row_counts()
    tables = []
    try:
        with transaction.atomic():
            loaded = load()
            counts_after = _row_counts()
            for model in models:
                if new := list(model._base_manager.exclude(pk__in=before[model]).order_by("pk")):
                    tables.append(_table(model, new))
            raise _Rollback
    except _Rollback:
        pass
    snapshot = Snapshot(tuple(tables))
    covered = {table.model._meta.db_table for table in snapshot.tables}
    grown = {table for table, count in counts_after.items() if count != counts_before.get(table)}
    assert grown == covered, f"the loader wrote to tables a snapshot cannot restore: {sorted(grown - covered)}"
    _reserve_keys(snapshot)
    return snapshot, loaded


def _reserve_keys(snapshot: Snapshot) -> None:
    if connection.vendor != "sqlite":
        return  # PostgreSQL's sequences kept the values the rolled-back load took
    with connection.cursor() as cursor:
        for table in snapshot.tables:
            if table.highest_key is None:
                continue
            name = table.model._meta.db_table
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s",
                           [table.highest_key, name])
            if not cursor.rowcount:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [name, table.highest_key])
