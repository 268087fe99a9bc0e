"""Fast bulk writes for the import: multi-row INSERT and executemany UPDATE in plain, portable SQL.

Django's bulk_create and bulk_update spend most of their time in Python (bulk_update builds a CASE/WHEN
expression per field per row, and on SQLite Django caps a batch at 999 parameters), which made an import of
45,000 people several times slower than the database work itself. These helpers build the same statements
directly: values still go through each field's get_db_prep_save(), so dates, booleans and foreign keys reach
SQLite and PostgreSQL exactly as the ORM would send them. They skip model validation and signals, which the
import does not use: the readers validate every value before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

# Rows per INSERT statement: 1,000 rows of 10 columns stays far below SQLite's (32,766) and PostgreSQL's
# (65,535) limits on parameters per statement.
INSERT_BATCH = 1000
# Rows per executemany of an UPDATE.
UPDATE_BATCH = 10_000


def insert_rows(model, fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """INSERT rows (values in the order of `fields`); returns how many were inserted."""
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) VALUES "
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    count = 0
    batch: list = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.extend(field.get_db_prep_save(value, connection) for field, value in zip(columns, row))
            count += 1
            if len(batch) >= INSERT_BATCH * len(columns):
                cursor.execute(head + ", ".join([one] * (len(batch) // len(columns))), batch)
                batch = []
        if batch:
            cursor.execute(head + ", ".join([one] * (len(batch) // len(columns))), batch)
    return count


def update_rows(model, fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """UPDATE rows given as (pk, value, ...) with values in the order of `fields`; returns how many.

    Sent in batches of UPDATE_BATCH rows, so that the prepared values of a whole municipality (every person,
    when an import deactivates everyone) are never in memory at once."""
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    sql = (f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(f.column)} = %s' for f in columns)} "
           f"WHERE {quote(meta.pk.column)} = %s")
    count = 0
    batch: list = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append([field.get_db_prep_save(value, connection) for field, value in zip(columns, row[1:])]
                         + [row[0]])
            if len(batch) >= UPDATE_BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
