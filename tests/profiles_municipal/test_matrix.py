"""Every URL of the profiles namespace has a row in matrix_cases.py (tests/test_permission_matrix.py runs the
rows for every persona)."""

from __future__ import annotations

from django.urls import get_resolver

from tests.profiles_municipal import matrix_cases


def test_every_profiles_url_has_a_row():
    namespace = get_resolver().namespace_dict["profiles"][1]
    ours = {f"profiles:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 22 and ours <= {row["name"] for row in matrix_cases.CASES}
