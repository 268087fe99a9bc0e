"""The rows of matrix_cases.py hold: every persona, logged in or not, gets what the row says."""

import pytest
from django.urls import reverse

from tests.survey.matrix_cases import CASES


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['name']}-{c['method']}")
def test_matrix_row(case, client_for):
    url = reverse(case["name"], kwargs=case["kwargs"])
    for persona, expected in case["expected"].items():
        client = client_for(persona)
        response = getattr(client, case["method"])(url, case.get("data") or {})
        assert response.status_code == expected, persona
