"""Every API URL added for the norm and the surveys has a row in matrix_cases.py, in both spellings
(tests/test_permission_matrix.py runs the rows for every persona)."""

from __future__ import annotations

from tests.api import matrix_cases

OURS = {"frameworks", "framework", "framework_case", "profiles", "profile", "campaigns", "campaign",
        "campaign_invitations", "campaign_links", "campaign_heatmap", "survey", "survey_draft", "survey_submit",
        "survey_result", "survey_consent", "survey_code", "survey_verify"}


def test_every_new_api_url_has_a_row_in_both_spellings():
    names = {row["name"] for row in matrix_cases.CASES}
    assert {f"api:{name}" for name in OURS} <= names
    assert {f"api:{name}-slash" for name in OURS} <= names
