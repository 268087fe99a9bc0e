"""Every URL of the users namespace and every password URL has a row in matrix_cases.py
(tests/test_permission_matrix.py runs the rows for every persona)."""

from __future__ import annotations

from django.urls import get_resolver

from tests.accounts import matrix_cases

PASSWORD_URLS = {"accounts:password_reset", "accounts:password_reset_done", "accounts:password_reset_confirm",
                 "accounts:password_reset_complete", "accounts:password_change", "accounts:invitation",
                 "accounts:invitation_complete"}


def test_every_users_and_password_url_has_a_row():
    namespace = get_resolver().namespace_dict["users"][1]
    ours = {f"users:{name}" for name in namespace.reverse_dict if isinstance(name, str)}
    assert len(ours) == 12
    assert ours | PASSWORD_URLS <= {row["name"] for row in matrix_cases.CASES}
