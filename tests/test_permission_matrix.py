"""The permission matrix: for every URL of the project, the status every persona gets, written as data.

Each row is one request (URL name, kwargs, method) and the status for each persona, in the order of
tests.personas.PERSONAS. Page rows run with a logged-in Django client (`client_for`), API rows with a token
(`api_for`). `LOGIN` is a redirect to the login page; `Redirect("name")` a redirect to that page. Each row is
one test that asks every persona in turn and fails naming each persona whose status differs.

test_every_url_has_a_row walks the URL resolver and fails for every pattern without a row, so a new URL cannot
ship without someone deciding, persona by persona, who may open it. To add a URL: append rows to the block
marked "Add new rows here" (or to the block of its app), and run `pytest tests/test_permission_matrix.py`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.personas import PERSONAS

# URL prefixes the matrix does not cover: Django's admin (superusers only, tested in tests/*/test_admin.py),
# static and media files, the language switch (open to all by design, tested with the web app), and Wagtail's
# admin (hundreds of Wagtail's own URLs behind one gate: wagtailadmin.access_admin, given to national editors by
# their group; tests/site/test_cms.py checks the gate persona by persona).
UNCOVERED_PREFIXES = ("django-admin/", "static/", "media/", "i18n/setlang/", "cms/")


@dataclass(frozen=True)
class Redirect:
    """A 302 to the page with this URL name."""

    to: str


LOGIN = Redirect("accounts:login")


@dataclass(frozen=True)
class Case:
    name: str
    kwargs: dict = field(default_factory=dict)
    method: str = "get"
    expected: tuple = ()
    api: bool = False
    data: dict | None = None
    needs: tuple = ()  # fixtures the row needs beyond the personas' world, e.g. "shipped_norm", or functions
    module: str = ""  # of the rows module, called with the world

    @property
    def id(self) -> str:
        args = ",".join(str(v) for v in self.kwargs.values())
        return f"{self.name}[{args}]-{self.method.upper()}" if args else f"{self.name}-{self.method.upper()}"


def page(name, kwargs=None, method="get", *statuses, data=None) -> Case:
    assert len(statuses) == len(PERSONAS), f"{name}: one status per persona, in the order of PERSONAS"
    return Case(name, kwargs or {}, method, tuple(statuses), api=False, data=data)


def api(name, kwargs=None, method="get", *statuses, data=None) -> Case:
    assert len(statuses) == len(PERSONAS), f"{name}: one status per persona, in the order of PERSONAS"
    return Case(name, kwargs or {}, method, tuple(statuses), api=True, data=data)


HOME, DASH = Redirect("web:home"), Redirect("web:dashboard")
SOC, BOU = {"external_id": "SOC"}, {"external_id": "BOU"}
AARHUS, KBH = {"code": "751"}, {"code": "101"}

# fmt: off
CASES: list[Case] = [
    #     URL name                   kwargs  method    anon   editor admin  hr     mgr    empl   prov   other
    # --- web --------------------------------------------------------------------------------------------
    page("web:home",                 None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    page("web:dashboard",            None,   "get",    LOGIN, 200,   200,   200,   200,   200,   200,   200),
    page("web:healthz",              None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    page("web:org_units",            None,   "get",    LOGIN, 403,   200,   200,   200,   403,   403,   200),
    # SOC is led by the manager; BOU is outside their subtree; København's admin sees neither.
    page("web:org_unit",             SOC,    "get",    LOGIN, 403,   200,   200,   200,   403,   403,   404),
    page("web:org_unit",             BOU,    "get",    LOGIN, 403,   200,   200,   404,   403,   403,   404),
    # --- orgimport --------------------------------------------------------------------------------------
    # other_admin imports into their own municipality, so the upload page is theirs too.
    page("orgimport:upload",         None,   "get",    LOGIN, 403,   200,   403,   403,   403,   403,   200),
    # --- accounts ---------------------------------------------------------------------------------------
    page("accounts:login",           None,   "get",    200,   DASH,  DASH,  DASH,  DASH,  DASH,  DASH,  DASH),
    page("accounts:logout",          None,   "post",   HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME),
    page("accounts:logout",          None,   "get",    405,   405,   405,   405,   405,   405,   405,   405),
    # --- api --------------------------------------------------------------------------------------------
    api( "api:schema",               None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    api( "api:schema-slash",         None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    api( "api:municipalities",       None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    api( "api:municipalities-slash", None,   "get",    200,   200,   200,   200,   200,   200,   200,   200),
    api( "api:municipalities",       None,   "post",   405,   405,   405,   405,   405,   405,   405,   405),
    api( "api:units",                AARHUS, "get",    401,   404,   200,   200,   200,   404,   404,   404),
    api( "api:units",                KBH,    "get",    401,   404,   404,   404,   404,   404,   404,   200),
    api( "api:units-slash",          AARHUS, "get",    401,   404,   200,   200,   200,   404,   404,   404),
    api( "api:units",                AARHUS, "post",   401,   404,   405,   405,   405,   404,   404,   404),
    api( "api:people",               AARHUS, "get",    401,   404,   200,   200,   200,   404,   404,   404),
    api( "api:people",               KBH,    "get",    401,   404,   404,   404,   404,   404,   404,   200),
    api( "api:people-slash",         AARHUS, "get",    401,   404,   200,   200,   200,   404,   404,   404),
    api( "api:people",               AARHUS, "delete", 401,   404,   405,   405,   405,   404,   404,   404),
    # --- Add new rows here (one status per persona; test_every_url_has_a_row names what is missing) ---
]
# fmt: on

# Apps keep their rows beside their tests as dicts (tests/<app>/matrix_cases.py, a list named CASES):
# {"name", "kwargs", "method", "data", "expected": {persona: status}, "needs": [fixture, ...], "api": bool}.
# A status of 302 checks the status only; use a Redirect here for the target as well.
ROW_MODULES = ["tests.orgimport.matrix_cases", "tests.editor.matrix_cases", "tests.norm_public.matrix_cases",
               "tests.profiles_municipal.matrix_cases", "tests.survey.matrix_cases", "tests.campaigns.matrix_cases",
               "tests.insights_pages.matrix_cases", "tests.api.matrix_cases", "tests.site.matrix_cases",
               "tests.catalogue.matrix_cases", "tests.accounts.matrix_cases"]


def _rows_of(module_name: str) -> list[Case]:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return []
    return [Case(row["name"], row.get("kwargs") or {}, row.get("method", "get"),
                 tuple(row["expected"][persona] for persona in PERSONAS), api=row.get("api", False),
                 data=row.get("data"), needs=tuple(row.get("needs", ())), module=module_name)
            for row in module.CASES]


for _module in ROW_MODULES:
    CASES.extend(_rows_of(_module))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_persona_gets_the_rows_status(case: Case, client_for, api_for, request):
    # One test per row: the world and the row's needs are built once, and each persona's request runs in a
    # savepoint that is rolled back, so every persona starts from the same state (a POST that invites or
    # deletes must not change what the next persona gets).
    for need in case.needs:
        if case.module and hasattr(importlib.import_module(case.module), need):
            getattr(importlib.import_module(case.module), need)(request.getfixturevalue("world"))
        else:
            request.getfixturevalue(need)
    url = reverse(case.name, kwargs=case.kwargs)
    wrong = []
    for persona, expected in zip(PERSONAS, case.expected, strict=True):
        savepoint = transaction.savepoint()
        try:
            client = api_for(persona) if case.api else client_for(persona)
            response = getattr(client, case.method)(url, case.data or {})
        finally:
            transaction.savepoint_rollback(savepoint)
            cache.clear()  # as between two tests: what one persona's request cached is not the next one's
            translation.activate(settings.LANGUAGE_CODE)
        if (problem := _mismatch(response, expected)) is not None:
            wrong.append(f"{persona}: {problem}")
    assert not wrong, f"{case.id}: {len(wrong)} of {len(PERSONAS)} personas got another status\n  " + \
        "\n  ".join(wrong)


def _mismatch(response, expected) -> str | None:
    """What is wrong with the response, or None when it is what the row expects."""
    if isinstance(expected, Redirect):
        target = reverse(expected.to)
        if response.status_code != 302:
            return f"expected a redirect to {target}, got {response.status_code}"
        if (got := urlsplit(response["Location"]).path) != target:
            return f"expected a redirect to {target}, got one to {got}"
        return None
    if response.status_code != expected:
        return f"expected {expected}, got {response.status_code}"
    return None


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    """(route, qualified name) of every URL pattern, descending into includes."""
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            yield route, f"{namespace}{pattern.name}" if pattern.name else None


def test_the_table_columns_are_the_personas_in_order():
    # The columns above are positional; reordering PERSONAS would silently shift every expectation.
    assert PERSONAS == ["anonymous", "national_editor", "municipal_admin", "hr", "manager", "employee", "provider",
                        "other_admin"]


def test_every_url_has_a_row():
    covered = {case.name for case in CASES}
    missing = [
        f"{name or '(unnamed)'} at /{route}"
        for route, name in _patterns(get_resolver())
        if not route.startswith(UNCOVERED_PREFIXES) and name not in covered
    ]
    assert not missing, "URL patterns without a row in the permission matrix:\n  " + "\n  ".join(missing)


def test_every_row_names_a_url_that_exists():
    names = {name for _route, name in _patterns(get_resolver())}
    assert not [case.id for case in CASES if case.name not in names]
