"""Tenancy as a guard: a query on a tenant table says whose rows it reads, or says why it reads everyone's.

Every model whose rows belong to one municipality declares `objects = TenantManager(path)`, `path` being its
lookup to the Municipality ("municipality", "campaign__municipality", ...). That puts it in `TENANT_MODELS` and
gives its querysets two ways to be evaluated:

- `Model.objects.for_access(access)`: the rows the Access may see (its municipality's, plus the rows every
  reader may see, such as national profiles or published cases). The selectors start from it.
- `Model.objects.unscoped("reason")`, or any query inside `with across_municipalities("reason"):`: code that
  legitimately works across municipalities (the release of figures, background tasks, the national picture,
  commands, the seed, the personal survey link whose token is the access). Greppable on purpose.

Rows reached from a row already fetched (`campaign.invitations.all()`, prefetches, Django's deletion collector,
`refresh_from_db`, forward foreign keys) count as scoped: they start from that row. Uniqueness checks of model
validation look across the table, as they must.

With `DIGIKOMP_TENANCY_GUARD` on (the test suite turns it on for every test, tests/conftest.py), evaluating a
query of application code (`src/digikomp`) that is neither raises `UnscopedQuery`, naming the model. The
tests' own arrange-and-assert queries are exempt: they are the oracle, not the application. In production the
flag is off and the guard costs one attribute read per query; PostgreSQL's row-level security is the second
guard there (tenancy/rls.py).
"""

from __future__ import annotations

import os
import sys
import sysconfig
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q

import digikomp

# The scope a queryset carries: the access it was filtered for, a row it was reached from, or a reason.
ACCESS = "for_access"
MUNICIPALITY = "of_municipality"
SHARED = "shared"
RELATED = "from a fetched row"


class UnscopedQuery(RuntimeError):
    """A query on a tenant model that neither `for_access` nor an explicit escape scoped."""


@dataclass(frozen=True)
class TenantRule:
    model: type[models.Model]
    path: str  # lookup from the model to its Municipality
    shared: Q | None = None  # rows any reader may see (national profiles, published cases)
    shared_sql: str = ""  # the same condition in SQL, for row-level security (tenancy/rls.py)
    sees_all: str = ""  # a permission whose holders see every municipality's rows (catalogue moderators)


TENANT_MODELS: dict[type[models.Model], TenantRule] = {}

# Packages whose code is not yet held to the guard (its queries still start from `Model.objects` unscoped).
# Known debt: remove a package when its call sites are migrated; tests/tenancy/test_guard.py keeps it shrinking.
NOT_YET_GUARDED: frozenset[str] = frozenset()

_across: ContextVar[str | None] = ContextVar("digikomp_across_municipalities", default=None)


@contextmanager
def across_municipalities(reason: str):
    """Queries in the block may read every municipality's rows (and PostgreSQL's row security is lifted for
    them): for code that works across municipalities by nature. Say why; the reason is what a reviewer reads."""
    if not reason or not reason.strip():
        raise ValueError("across_municipalities needs a reason")
    from digikomp.tenancy import rls

    token = _across.set(reason)
    try:
        with rls.lifted():
            yield
    finally:
        _across.reset(token)


def guard_active() -> bool:
    return bool(getattr(settings, "DIGIKOMP_TENANCY_GUARD", False))


_SOURCE = os.path.dirname(os.path.abspath(digikomp.__file__)) + os.sep
_THIS = os.path.abspath(__file__)
_LIBRARIES = tuple({os.path.abspath(sysconfig.get_paths()[k]) + os.sep for k in ("stdlib", "purelib", "platlib")})


# Django's model validation checks uniqueness across the whole table, as it must (Model.full_clean, ModelForm).
_TABLE_WIDE = frozenset({"_perform_unique_checks", "_perform_date_checks", "validate_constraints"})


def _application_caller() -> str | None:
    """Where DigiKomp's own code asked, if the nearest caller outside the standard library and installed
    packages (Django, DRF, Wagtail, pytest) is DigiKomp's code; None if it is a test's, or a uniqueness check."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if frame.f_code.co_name in _TABLE_WIDE and filename.startswith(_LIBRARIES):
            return None
        if filename != _THIS and not filename.startswith(("<", *_LIBRARIES)):
            if not filename.startswith(_SOURCE) or f"{os.sep}migrations{os.sep}" in filename:
                return None  # a test's own query, or a data migration (which works on every row by nature)
            return f"{filename[len(_SOURCE):]}:{frame.f_lineno}"
        frame = frame.f_back
    return "(unknown)"


class TenantQuerySet(models.QuerySet):
    _tenant_scope: str | None = None

    def for_access(self, access) -> TenantQuerySet:
        """The rows the Access may see: its municipality's, the shared rows, or all for those who see all."""
        rule = TENANT_MODELS[self.model]
        if rule.sees_all and access.has(rule.sees_all):
            condition = Q()
        else:
            condition = Q(**{rule.path: access.municipality}) if access.municipality is not None else None
            if rule.shared is not None:
                condition = rule.shared if condition is None else condition | rule.shared
        clone = self.filter(condition) if condition is not None else self.none()
        clone._tenant_scope = ACCESS
        return clone

    def shared(self) -> TenantQuerySet:
        """The rows every reader may see, whoever they are (national profiles, published cases)."""
        shared = TENANT_MODELS[self.model].shared
        clone = self.filter(shared) if shared is not None else self.none()
        clone._tenant_scope = SHARED
        return clone

    def of_municipality(self, municipality) -> TenantQuerySet:
        """One municipality's rows, for code that holds the municipality already (from the requester's Access,
        or from a row it fetched: a service given a campaign, a task given a municipality)."""
        clone = self.filter(**{TENANT_MODELS[self.model].path: municipality})
        clone._tenant_scope = MUNICIPALITY
        return clone

    def unscoped(self, reason: str) -> TenantQuerySet:
        """Every municipality's rows, on purpose. Say why."""
        if not reason or not reason.strip():
            raise ValueError("unscoped needs a reason")
        clone = self._chain()
        clone._tenant_scope = reason
        return clone

    # -- keeping the scope through chaining, and marking rows reached from a fetched row ------------------------

    def _clone(self):
        clone = super()._clone()
        clone._tenant_scope = self._tenant_scope
        return clone

    def _add_hints(self, **hints):
        # Related managers and prefetches hint the row they start from: their rows are that row's.
        super()._add_hints(**hints)
        if hints.get("instance") is not None and self._tenant_scope is None:
            self._tenant_scope = RELATED

    def _check_scope(self) -> None:
        if self._tenant_scope is not None or not guard_active() or _across.get() is not None:
            return
        if self.query.is_empty() or (caller := _application_caller()) is None:
            return
        if caller.split("/", 1)[0] in NOT_YET_GUARDED:
            return
        raise UnscopedQuery(
            f"Unscoped query on the tenant model {self.model._meta.label} in {caller}: use "
            f"{self.model.__name__}.objects.for_access(access) (or a selector), or say why it reads every "
            f"municipality with .unscoped(reason) / tenancy.guard.across_municipalities(reason)."
        )

    @contextmanager
    def _evaluating(self):
        self._check_scope()
        if self._tenant_scope not in (None, ACCESS, MUNICIPALITY, SHARED, RELATED):
            from digikomp.tenancy import rls

            with rls.lifted(self.db):
                yield
        else:
            yield

    # -- every way a queryset reaches the database, except inserts -----------------------------------------------

    def _fetch_all(self):
        if self._result_cache is None:
            with self._evaluating():
                return super()._fetch_all()
        return super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._check_scope()
        return super().iterator(*args, **kwargs)

    def count(self):
        if self._result_cache is not None:
            return len(self._result_cache)
        with self._evaluating():
            return super().count()

    def exists(self):
        if self._result_cache is not None:
            return bool(self._result_cache)
        with self._evaluating():
            return super().exists()

    def contains(self, obj):
        if self._result_cache is not None:
            return super().contains(obj)
        with self._evaluating():
            return super().contains(obj)

    def aggregate(self, *args, **kwargs):
        with self._evaluating():
            return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        with self._evaluating():
            return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        with self._evaluating():
            return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def explain(self, *args, **kwargs):
        with self._evaluating():
            return super().explain(*args, **kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        # Writes rows the caller already holds, by primary key, like save() does.
        clone = self._chain()
        clone._tenant_scope = clone._tenant_scope or RELATED
        return super(TenantQuerySet, clone).bulk_update(objs, fields, batch_size=batch_size)

    bulk_update.alters_data = True


class TenantManager(models.manager.BaseManager.from_queryset(TenantQuerySet)):
    """The manager of a tenant model: `objects = TenantManager("campaign__municipality")`."""

    def __init__(self, path: str = "", *, shared: Q | None = None, shared_sql: str = "", sees_all: str = ""):
        super().__init__()
        self._rule = (path, shared, shared_sql, sees_all)

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        path, shared, shared_sql, sees_all = self._rule
        if path and not cls._meta.abstract:
            TENANT_MODELS[cls] = TenantRule(cls, path, shared, shared_sql, sees_all)


def is_tenant_model(model) -> bool:
    return model in TENANT_MODELS
