"""Runs tests/api/matrix_cases.py for every persona (the norm's and the surveys' rows), and checks that every
API URL added for them has a row."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from tests.api import matrix_cases
from tests.personas import PERSONAS

OURS = {"frameworks", "framework", "framework_case", "profiles", "profile", "campaigns", "campaign",
        "campaign_invitations", "campaign_heatmap", "survey", "survey_draft", "survey_submit", "survey_result"}


def _id(row: dict) -> str:
    query = "-".join(f"{k}={v}" for k, v in (row.get("data") or {}).items())
    return "-".join(filter(None, [row["name"], row["method"], *map(str, row["kwargs"].values()), query]))


@pytest.mark.parametrize("row", matrix_cases.CASES, ids=[_id(r) for r in matrix_cases.CASES])
def test_every_persona_gets_the_expected_status(row, world, api_for, request):
    for need in row["needs"]:
        if hasattr(matrix_cases, need):
            getattr(matrix_cases, need)(world)
        else:
            request.getfixturevalue(need)
    url = reverse(row["name"], kwargs=row["kwargs"])
    got = {}
    for persona in PERSONAS:
        # Each persona starts from the same state: a POST that invites must not change the next one's.
        savepoint = transaction.savepoint()
        got[persona] = getattr(api_for(persona), row["method"])(url, row.get("data", {})).status_code
        transaction.savepoint_rollback(savepoint)
    assert got == row["expected"]


def test_every_new_api_url_has_a_row_in_both_spellings():
    names = {row["name"] for row in matrix_cases.CASES}
    assert {f"api:{name}" for name in OURS} <= names
    assert {f"api:{name}-slash" for name in OURS} <= names
