"""The matrix rows this area hands to the lead run here too, so they are known to be right."""

import pytest
from django.urls import reverse

from tests.norm_public.matrix_cases import CASES
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['name']}-{c['method']}-{'-'.join(map(str, c['kwargs'].values()))}")
def test_matrix_case(client_for, shipped_norm, case):
    url = reverse(case["name"], kwargs=case["kwargs"])
    for persona in PERSONAS:
        response = getattr(client_for(persona), case["method"])(url, case.get("data") or {})
        assert response.status_code == case["expected"][persona], (persona, url)
