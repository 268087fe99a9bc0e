"""PostgreSQL row-level security on the tenant tables: the second guard, behind tenancy/guard.py.

Every table of a model in `guard.TENANT_MODELS` gets ROW LEVEL SECURITY (enabled and forced, so the tables'
owner, which is the application's database user, is bound too) and one policy, `digikomp_tenant`:

    coalesce(current_setting('digikomp.municipality', true), '') = ''  OR  <the row is that municipality's>

A request of a municipal user sets `digikomp.municipality` on its connection (RowSecurityMiddleware for pages,
api/permissions.py for token requests) and clears it when the request ends, so a pooled connection never
carries it into the next request. While it is set, the database returns and accepts only that municipality's
rows (and the shared ones: national profiles, published cases), whatever query the code runs.

The limits, honestly: code that runs without the setting (commands, background tasks, the seed, anonymous
pages such as the personal survey link, national users) sees every row, and so does a PostgreSQL superuser,
always (for such a role the limit is not even set); the application guard is what covers those. A table whose rows reach their municipality through
another table is checked with EXISTS on that table, whose own policy then applies; a table whose path runs
through a table without a policy (role assignments, through users) is left to the application guard
(`application_guard_only()`). SQLite has no row security and keeps the application guard alone.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

SETTING = "digikomp.municipality"
POLICY = "digikomp_tenant"
CURRENT = f"coalesce(current_setting('{SETTING}', true), '')"


def _is_postgres(connection) -> bool:
    return connection.vendor == "postgresql"


def bypasses(connection) -> bool:
    """Whether the connection's role ignores row security anyway (a superuser, or BYPASSRLS): then the limit is
    not set at all, which spares two queries per request. Asked once per connection (`note_role`)."""
    if getattr(connection, "digikomp_bypasses_rls", None) is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
            connection.digikomp_bypasses_rls = bool(cursor.fetchone()[0])
    return connection.digikomp_bypasses_rls


def note_role(sender, connection, **kwargs) -> None:
    """connection_created: ask whether the new connection's role bypasses row security."""
    if _is_postgres(connection):
        connection.digikomp_bypasses_rls = None
        bypasses(connection)


def limit_to(municipality_id: int | None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Let this connection see only the municipality's rows until `clear()` (a no-op on SQLite, and for a role
    that bypasses row security)."""
    connection = connections[using]
    if municipality_id is None or not _is_postgres(connection) or bypasses(connection):
        return
    _set(connection, str(int(municipality_id)))


def clear(using: str = DEFAULT_DB_ALIAS) -> None:
    """Lift the limit; if the database cannot be told (a broken connection), close the connection instead."""
    connection = connections[using]
    if not getattr(connection, "digikomp_municipality", None):
        return
    try:
        _set(connection, "")
    except DatabaseError:
        connection.digikomp_municipality = None
        connection.close()


def current(using: str = DEFAULT_DB_ALIAS) -> str | None:
    """The municipality this connection is limited to, as the database has it ('' or None: none)."""
    connection = connections[using]
    if not _is_postgres(connection):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s, true)", [SETTING])
        return cursor.fetchone()[0]


def _set(connection, value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [SETTING, value])
    connection.digikomp_municipality = value or None


@contextmanager
def lifted(using: str = DEFAULT_DB_ALIAS):
    """Lift the limit for the block (code that reads across municipalities on purpose), then put it back."""
    connection = connections[using]
    held = getattr(connection, "digikomp_municipality", None)
    if not held:
        yield
        return
    _set(connection, "")
    try:
        yield
    finally:
        _set(connection, held)


# -- the policies ---------------------------------------------------------------------------------------------


def _row_condition(rule, rules) -> str | None:
    """SQL that is true for a row of the municipality in the setting, or None if the database cannot tell."""
    model = rule.model
    qn = connections[DEFAULT_DB_ALIAS].ops.quote_name
    table = qn(model._meta.db_table)
    first, _, rest = rule.path.partition("__")
    field = model._meta.get_field(first)
    column = f"{table}.{qn(field.column)}"
    if not rest:
        condition = f"{column} = nullif({CURRENT}, '')::integer"
    else:
        parent = field.related_model
        if parent not in rules or _row_condition(rules[parent], rules) is None:
            return None
        condition = (f"EXISTS (SELECT 1 FROM {qn(parent._meta.db_table)} parent "
                     f"WHERE parent.{qn(parent._meta.pk.column)} = {column})")
    if rule.shared_sql:
        condition = f"({rule.shared_sql}) OR {condition}"
    return condition


def policies() -> dict[str, str | None]:
    """db_table -> the policy's row condition (None: left to the application guard)."""
    from digikomp.tenancy.guard import TENANT_MODELS

    return {rule.model._meta.db_table: _row_condition(rule, TENANT_MODELS) for rule in TENANT_MODELS.values()}


def application_guard_only() -> list[str]:
    """The tenant tables without a policy: their path runs through a table the database cannot check."""
    return sorted(table for table, condition in policies().items() if condition is None)


def apply_policies(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Create or replace the policy of every tenant table (post_migrate; idempotent; PostgreSQL only)."""
    connection = connections[using]
    if not _is_postgres(connection):
        return
    qn = connection.ops.quote_name
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table, condition in policies().items():
            if table not in existing:
                continue
            if condition is None:
                cursor.execute(f"DROP POLICY IF EXISTS {POLICY} ON {qn(table)}")
                cursor.execute(f"ALTER TABLE {qn(table)} NO FORCE ROW LEVEL SECURITY")
                cursor.execute(f"ALTER TABLE {qn(table)} DISABLE ROW LEVEL SECURITY")
                continue
            cursor.execute(f"DROP POLICY IF EXISTS {POLICY} ON {qn(table)}")
            cursor.execute(f"CREATE POLICY {POLICY} ON {qn(table)} USING ({CURRENT} = '' OR {condition})")
            cursor.execute(f"ALTER TABLE {qn(table)} ENABLE ROW LEVEL SECURITY")
            cursor.execute(f"ALTER TABLE {qn(table)} FORCE ROW LEVEL SECURITY")
