"""Every URL of the insights namespace has a row in matrix_cases.py (tests/test_permission_matrix.py runs the
rows for every persona)."""

from __future__ import annotations

from django.urls import get_resolver

from tests.insights_pages import matrix_cases


def test_every_insights_url_has_a_row():
    namespace = get_resolver().namespace_dict["insights"][1]
    ours = {f"insights:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 9 and ours <= {row["name"] for row in matrix_cases.CASES}
