"""Runs this folder's permission-matrix rows (matrix_cases.CASES) for every persona, and checks that every URL
of the profiles namespace has at least one row."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from tests.personas import PERSONAS
from tests.profiles_municipal import matrix_cases


def _id(row: dict) -> str:
    return f"{row['name']}-{row['method']}"


@pytest.mark.parametrize("row", matrix_cases.CASES, ids=[_id(r) for r in matrix_cases.CASES])
def test_every_persona_gets_the_expected_status(row, world, client_for, request):
    for need in row["needs"]:
        if need == "shipped_norm":
            request.getfixturevalue("shipped_norm")
        else:
            getattr(matrix_cases, need)(world)
    url = reverse(row["name"], kwargs=row["kwargs"])
    got = {}
    for persona in PERSONAS:
        # Each persona starts from the same state: one persona's POST (delete, adopt) must not change the
        # next one's.
        savepoint = transaction.savepoint()
        client = client_for(persona)
        response = getattr(client, row["method"])(url, row.get("data", {}))
        got[persona] = response.status_code
        transaction.savepoint_rollback(savepoint)
    assert got == row["expected"]


def test_every_profiles_url_has_a_row():
    namespace = get_resolver().namespace_dict["profiles"][1]
    ours = {f"profiles:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 22 and ours <= {row["name"] for row in matrix_cases.CASES}
