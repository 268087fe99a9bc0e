"""Runs this folder's permission-matrix rows for every persona, and checks that every URL of the namespace has
at least one row."""

from __future__ import annotations

import pytest
from django.urls import get_resolver

from tests.campaigns.test_matrix import _id, run_row
from tests.insights_pages import matrix_cases


@pytest.mark.parametrize("row", matrix_cases.CASES, ids=[_id(r) for r in matrix_cases.CASES])
def test_every_persona_gets_the_expected_status(row, world, client_for, request):
    assert run_row(row, matrix_cases, world, client_for, request) == row["expected"]


def test_every_insights_url_has_a_row():
    namespace = get_resolver().namespace_dict["insights"][1]
    ours = {f"insights:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 9 and ours <= {row["name"] for row in matrix_cases.CASES}
