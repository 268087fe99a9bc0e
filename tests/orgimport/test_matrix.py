"""Runs this folder's permission-matrix rows for every persona, and checks that every URL of the namespace has
at least one row here or in the lead's table (tests/test_permission_matrix.py)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from tests.orgimport import matrix_cases
from tests.personas import PERSONAS


def run_row(row, world, client_for) -> dict:
    for need in row["needs"]:
        getattr(matrix_cases, need)(world)
    url = reverse(row["name"], kwargs=row["kwargs"])
    got = {}
    for persona in PERSONAS:
        # Each persona starts from the same state: an admin's confirmation must not change the next one's.
        savepoint = transaction.savepoint()
        response = getattr(client_for(persona), row["method"])(url, row.get("data", {}))
        got[persona] = response.status_code
        transaction.savepoint_rollback(savepoint)
    return got


def _id(row: dict) -> str:
    return f"{row['name']}-{row['method']}-{'-'.join(map(str, row['kwargs'].values()))}"


@pytest.mark.parametrize("row", matrix_cases.CASES, ids=[_id(r) for r in matrix_cases.CASES])
def test_every_persona_gets_the_expected_status(row, world, client_for):
    assert run_row(row, world, client_for) == row["expected"]


def test_anonymous_visitors_are_sent_to_the_login_page(world, client_for):
    matrix_cases.aarhus_import(world)
    response = client_for("anonymous").get(reverse("orgimport:preview", kwargs=matrix_cases.IMPORT))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_every_orgimport_url_has_a_row():
    covered = {row["name"] for row in matrix_cases.CASES} | {"orgimport:upload"}  # the lead's table has GET
    resolver = get_resolver()
    names = {f"orgimport:{name}" for name in resolver.namespace_dict["orgimport"][1].reverse_dict
             if isinstance(name, str)}
    assert names and names <= covered, names - covered
