"""No group below k can be derived from published heatmap numbers by subtraction.

A generated organisation with many small units answers a campaign through the real submission code; then every
heatmap view (every unit, unfiltered and filtered by each profile) is built and the published numbers are
checked against the true counts: every shown cell has at least k respondents, every parent minus its shown
children is 0 or at least k, a hidden unit is never rebuilt from its shown children, and an unfiltered cell
minus its shown profile cells is 0 or at least k.
"""

import random
from collections import defaultdict

import pytest

from digikomp.assessments.models import Invitation, Tally
from digikomp.assessments.services import invitations_create, response_submit
from digikomp.insights.heatmap import build_heatmap
from digikomp.profiles.jobcodes import job_profile_set
from digikomp.profiles.models import Profile
from digikomp.tenancy.models import OrgUnit, Person
from tests.assessments.helpers import open_campaign

PROFILES = {"J1": "social-og-sundhedsassistent", "J2": "sygeplejerske", "J3": "paedagog"}


def build_org(world, rng):
    root = OrgUnit.objects.get(external_id="AAR")
    units = [root]
    for i in range(24):
        units.append(OrgUnit.objects.create(municipality=world.aarhus, external_id=f"G{i}", name=f"Enhed {i}",
                                            parent=rng.choice(units)))
    for i in range(140):
        Person.objects.create(municipality=world.aarhus, external_id=f"GP{i}", name=f"Person {i}",
                              job_code=rng.choice(list(PROFILES)), primary_unit=rng.choice(units[1:]))
    for code, slug in PROFILES.items():
        job_profile_set(municipality=world.aarhus, job_code=code,
                        profile=Profile.objects.get(slug=slug, owner__isnull=True))
    return units


@pytest.mark.parametrize("seed", [1, 2])
def test_no_group_below_k_can_be_derived(shipped_norm, world, seed):
    rng = random.Random(seed)
    units = build_org(world, rng)
    campaign = open_campaign(world, anonymity_k=5)
    invitations_create(campaign=campaign)
    for invitation in Invitation.objects.filter(campaign=campaign, person__external_id__startswith="GP"):
        if rng.random() < 0.8:
            answers = {i: rng.choice([1, 2, 3, 4, None]) for i in invitation.requirements}
            response_submit(invitation=invitation, body={"answers": answers})
    k = campaign.anonymity_k
    competences = list(campaign.framework_version.competences.order_by("position")[:6])
    profile_ids = [None, *Profile.objects.filter(slug__in=PROFILES.values()).values_list("pk", flat=True)]

    # The truth, from the tallies: n per (unit subtree, profile or None, competence).
    truth = defaultdict(int)
    for t in Tally.objects.filter(campaign=campaign):
        n = sum(getattr(t, f"level_{i}") for i in range(1, 9))
        truth[(t.unit_id, t.profile_id, t.competence_identifier)] += n
        truth[(t.unit_id, None, t.competence_identifier)] += n

    published = {}
    for unit in units:
        for profile_id in profile_ids:
            heatmap = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
            for row in heatmap.rows:
                for competence in competences:
                    cell = heatmap.cell(row, competence)
                    key = (row.pk, profile_id, competence.identifier)
                    value = None if cell.suppressed else cell.n
                    assert published.setdefault(key, value) == value, "a cell differs between pages"
    children = defaultdict(list)
    for unit in units:
        if unit.parent_id:
            children[unit.parent_id].append(unit.pk)
    shown_cells = hidden_cells = 0
    for (unit_id, profile_id, competence), value in published.items():
        true_n = truth[(unit_id, profile_id, competence)]
        if value is None:
            hidden_cells += 1
        else:
            shown_cells += 1
            assert value == true_n and (value == 0 or value >= k)
        shown_children = sum(published.get((c, profile_id, competence)) or 0 for c in children[unit_id])
        rest = true_n - shown_children
        if value is not None:
            assert rest == 0 or rest >= k, (unit_id, profile_id, rest)
        elif true_n:
            assert rest >= k or shown_children == 0, "a hidden unit can be rebuilt from its children"
        if profile_id is None and value is not None:
            shown_profiles = sum(published.get((unit_id, p, competence)) or 0 for p in profile_ids[1:])
            rest = value - shown_profiles
            assert rest == 0 or rest >= k, (unit_id, "profiles", rest)
    assert shown_cells and hidden_cells  # the test exercised both sides of the rule
