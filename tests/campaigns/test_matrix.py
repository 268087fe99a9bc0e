"""Every URL of the campaigns namespace has a row in matrix_cases.py (tests/test_permission_matrix.py runs the
rows for every persona)."""

from __future__ import annotations

from django.urls import get_resolver

from tests.campaigns import matrix_cases


def test_every_campaigns_url_has_a_row():
    namespace = get_resolver().namespace_dict["campaigns"][1]
    ours = {f"campaigns:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 11 and ours <= {row["name"] for row in matrix_cases.CASES}
