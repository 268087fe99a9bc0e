"""The demo's catalogue: at least 30 fictional, published cases spread over the target groups, citizens'
digital readiness included; seeding twice adds nothing."""

import pytest

from digikomp.catalogue.models import Case, TargetGroup
from digikomp.demo.catalogue import seed_catalogue

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue_covers_every_target_group_and_is_idempotent(client):
    assert seed_catalogue() >= 30
    assert seed_catalogue() == 0
    cases = Case.objects.published()
    assert cases.count() >= 30
    for group in TargetGroup.objects.all():
        assert cases.filter(target_groups=group).exists(), group.slug
    assert all("Fiktivt eksempel" in case.body for case in cases)
    assert cases.filter(target_groups__kind="special").distinct().count() >= 10
    # "ældre borgere" finds the cases for seniors.
    found = client.get("/api/v1/cases", {"q": "ældre borgere", "limit": 100}).json()["results"]
    assert found and all(any(g["value"] in ("aeldre", "borgere", "fritaget-digital-post")
                             for g in case["target_groups"]) for case in found)
