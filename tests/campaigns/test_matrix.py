"""Runs this folder's permission-matrix rows for every persona, and checks that every URL of the namespace has
at least one row."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from tests.campaigns import matrix_cases
from tests.personas import PERSONAS


def run_row(row, module, world, client_for, request) -> dict:
    for need in row["needs"]:
        if need == "shipped_norm":
            request.getfixturevalue("shipped_norm")
        else:
            getattr(module, need)(world)
    url = reverse(row["name"], kwargs=row["kwargs"])
    got = {}
    for persona in PERSONAS:
        # Each persona starts from the same state: a POST that invites must not change the next one's.
        savepoint = transaction.savepoint()
        response = getattr(client_for(persona), row["method"])(url, row.get("data", {}))
        got[persona] = response.status_code
        transaction.savepoint_rollback(savepoint)
    return got


def _id(row: dict) -> str:
    return f"{row['name']}-{row['method']}-{'-'.join(map(str, row['kwargs'].values()))}"


@pytest.mark.parametrize("row", matrix_cases.CASES, ids=[_id(r) for r in matrix_cases.CASES])
def test_every_persona_gets_the_expected_status(row, world, client_for, request):
    assert run_row(row, matrix_cases, world, client_for, request) == row["expected"]


def test_every_campaigns_url_has_a_row():
    namespace = get_resolver().namespace_dict["campaigns"][1]
    ours = {f"campaigns:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 6 and ours <= {row["name"] for row in matrix_cases.CASES}
