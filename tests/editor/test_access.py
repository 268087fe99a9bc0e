"""Who may open the editor pages: the rows of matrix_cases.py, run for every persona. Editors only; anonymous
visitors go to the login page, everyone else gets 403 and changes nothing."""

from urllib.parse import urlsplit

import pytest
from django.urls import get_resolver, reverse

from digikomp.audit.models import AuditEntry
from digikomp.frameworks.models import FrameworkVersion
from digikomp.profiles.models import NormRelease
from tests.editor.matrix_cases import CASES
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

READS = [case for case in CASES if case["method"] == "get"]
WRITES = [case for case in CASES if case["method"] == "post"]


def _id(case) -> str:
    return f"{case['name']}[{','.join(str(v) for v in case['kwargs'].values())}]-{case['method']}"


def check(case, persona, client) -> None:
    url = reverse(case["name"], kwargs=case["kwargs"])
    response = getattr(client, case["method"])(url, case.get("data") or {})
    expected = case["expected"][persona]
    assert response.status_code == expected, f"{persona} {_id(case)}: got {response.status_code}"
    if persona == "anonymous":
        assert urlsplit(response["Location"]).path == reverse("accounts:login")


def test_every_read_gives_each_persona_its_status(shipped_norm, client_for):
    # One test for all the GET rows: loading the shipped norm once keeps this fast, and GETs change nothing.
    clients = {persona: client_for(persona) for persona in PERSONAS}
    for case in READS:
        for persona in PERSONAS:
            check(case, persona, clients[persona])
    assert (
        not AuditEntry.objects.filter(action__startswith="framework.")
        .exclude(action="framework.publish")
        .exists()
    )


@pytest.mark.parametrize("case", WRITES, ids=[_id(c) for c in WRITES])
def test_only_editors_can_write(case, shipped_norm, client_for):
    versions, releases = FrameworkVersion.objects.count(), NormRelease.objects.count()
    for persona in PERSONAS:
        if persona != "national_editor":
            check(case, persona, client_for(persona))
    # Nobody but the editor got through: nothing was created.
    assert (FrameworkVersion.objects.count(), NormRelease.objects.count()) == (versions, releases)
    check(case, "national_editor", client_for("national_editor"))


def test_every_editor_url_has_a_row():
    names = {
        f"editor:{pattern.name}" for pattern in get_resolver("digikomp.frameworks.urls_editor").url_patterns
    }
    assert names == {case["name"] for case in CASES}
