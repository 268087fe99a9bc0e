"""Case-insensitive lookups that fold every letter on SQLite, as they do on PostgreSQL.

Django's SQLite backend compares `icontains`, `iexact`, `istartswith` and `iendswith` with LIKE, which folds
only A-Z: searching the organisation for "ældrepleje" missed "Ældrepleje" on SQLite, while PostgreSQL
(`UPPER(...) LIKE UPPER(...)`) found it. install() puts the fix in one place for every text field: on SQLite
both sides of these lookups go through Python's str.casefold, registered on each new connection; every other
database keeps Django's own SQL. Like LIKE itself, the folded comparison cannot use an index; the organisation
search never could (its pattern starts with %).
"""

from __future__ import annotations

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField, lookups

CASEFOLD = "digikomp_casefold"


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value  # NULL stays NULL


def _register_casefold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(CASEFOLD, 1, _casefold, deterministic=True)


class _FoldedOnSQLite:
    """Django's lookup with both sides folded on SQLite. The right-hand side is still Django's (the value
    escaped for LIKE and wrapped in %, or an expression), so wildcards in a search stay literal."""

    def as_sqlite(self, compiler, connection):
        lhs_sql, params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        rhs_op = self.get_rhs_op(connection, f"{CASEFOLD}({rhs_sql})")
        return f"{CASEFOLD}({lhs_sql}) {rhs_op}", (*params, *rhs_params)


class IExact(_FoldedOnSQLite, lookups.IExact):
    pass


class IContains(_FoldedOnSQLite, lookups.IContains):
    pass


class IStartsWith(_FoldedOnSQLite, lookups.IStartsWith):
    pass


class IEndsWith(_FoldedOnSQLite, lookups.IEndsWith):
    pass


def install() -> None:
    """Called once from an AppConfig.ready(); a connection opened before that gets the function too."""
    connection_created.connect(_register_casefold, dispatch_uid="digikomp.lib.caseless")
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _register_casefold(type(connection), connection)
    for field in (CharField, TextField):  # EmailField, SlugField and the like inherit CharField's
        for lookup in (IExact, IContains, IStartsWith, IEndsWith):
            field.register_lookup(lookup)
