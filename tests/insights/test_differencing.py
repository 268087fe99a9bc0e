"""No group below k can be derived from the published figures, and no group of k or more is hidden.

A generated organisation with many small units answers a campaign through the real submission code; the
campaign closes; then every heatmap view (every unit, unfiltered and filtered by each profile) is built and the
published numbers are checked against the truth computed by hand from the raw Answer rows:
- a unit is shown exactly when k or more people in its subtree gave a level (nothing larger is ever hidden);
- a shown figure leaves out fewer than k of the people in its subtree, and never adds anyone;
- every published figure decomposes into groups of 0 or at least k: a unit minus its shown children, a profile
  view's unit minus its shown children, and each such piece minus its shown profile pieces — so no
  subtraction of published numbers can isolate fewer than k people;
- the means agree with an independent, recursive computation of the pooling from the raw answers.
"""

import random
from collections import defaultdict

import pytest

from digikomp.assessments.models import Answer, Invitation
from digikomp.assessments.services import invitations_create, response_submit
from digikomp.insights.heatmap import build_heatmap
from digikomp.profiles.jobcodes import job_profile_set
from digikomp.profiles.models import Profile
from digikomp.tenancy.models import OrgUnit, Person
from tests.assessments.helpers import close_campaign, open_campaign

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


def oracle_pools(unit, children, direct, k):
    """By hand, recursively: (released sum of the subtree, what the subtree passes up unreleased).

    `direct[unit]` is a list of the levels given by the people placed directly in the unit."""
    released, pending = [], list(direct.get(unit, []))
    for child in children[unit]:
        child_released, child_pending = oracle_pools(child, children, direct, k)
        released += child_released
        pending += child_pending
    if len(pending) >= k:
        return released + pending, []
    return released, pending


@pytest.mark.parametrize("seed", [1, 2])
def test_no_group_below_k_can_be_derived_and_none_above_is_hidden(shipped_norm, world, seed):
    rng = random.Random(seed)
    units = build_org(world, rng)
    campaign = open_campaign(world, anonymity_k=5)
    invitations_create(campaign=campaign)
    for invitation in Invitation.objects.filter(campaign=campaign, person__external_id__startswith="GP"):
        if rng.random() < 0.8:
            answers = {i: rng.choice([1, 2, 3, 4, None]) for i in invitation.requirements}
            response_submit(invitation=invitation, body={"answers": answers})
    close_campaign(campaign)
    k = 5
    competences = list(campaign.framework_version.competences.order_by("position")[:6])
    profile_ids = [None, *Profile.objects.filter(slug__in=PROFILES.values()).values_list("pk", flat=True)]

    # The truth, from the raw answers: the levels of the people placed directly in each unit, per profile.
    direct = defaultdict(list)  # (unit, profile or None, competence) -> [levels]
    for unit_id, profile_id, identifier, level in Answer.objects.filter(
            response__campaign=campaign, level__isnull=False).values_list(
            "response__unit_id", "response__profile_id", "competence_identifier", "level"):
        direct[(unit_id, profile_id, identifier)].append(level)
        direct[(unit_id, None, identifier)].append(level)
    children = defaultdict(list)
    parent = {}
    for unit in units:
        if unit.parent_id:
            children[unit.parent_id].append(unit.pk)
            parent[unit.pk] = unit.parent_id

    def subtree_true_n(unit_id, profile_id, identifier):
        return len(direct.get((unit_id, profile_id, identifier), [])) + sum(
            subtree_true_n(c, profile_id, identifier) for c in children[unit_id])

    published = {}
    for unit in units:
        for profile_id in profile_ids:
            heatmap = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
            for row in heatmap.rows:
                for competence in competences:
                    cell = heatmap.cell(row, competence)
                    key = (row.pk, profile_id, competence.identifier)
                    value = None if cell.suppressed else (cell.n, cell.mean)
                    assert published.setdefault(key, value) == value, "a cell differs between pages"

    shown = hidden = 0
    for competence in competences:
        identifier = competence.identifier
        n_of = {u.pk: {p: (published.get((u.pk, p, identifier)) or (0, None))[0] for p in profile_ids}
                for u in units}
        by_unit = {u.pk: direct.get((u.pk, None, identifier), []) for u in units}
        for unit in units:
            true_n = subtree_true_n(unit.pk, None, identifier)
            value = published[(unit.pk, None, identifier)]
            # Shown exactly when the subtree holds k or more; nothing larger is hidden (no over-suppression).
            assert (value is not None) == (true_n >= k or true_n == 0), (unit.pk, true_n, value)
            if value is None:
                hidden += 1
                continue
            shown += 1
            n, mean = value
            assert 0 <= true_n - n < k, "a figure leaves out k or more people, or adds someone"
            released, _pending = oracle_pools(unit.pk, children, by_unit, k)
            assert n == len(released)
            if n:
                assert mean == pytest.approx(sum(released) / n)
            # Every published figure decomposes into pieces of 0 or at least k people.
            for profile_id in profile_ids:
                piece = n_of[unit.pk][profile_id] - sum(n_of[c][profile_id] for c in children[unit.pk])
                assert piece == 0 or piece >= k, (unit.pk, profile_id, piece)
                assert n_of[unit.pk][profile_id] <= subtree_true_n(unit.pk, profile_id, identifier)
            whole = n_of[unit.pk][None] - sum(n_of[c][None] for c in children[unit.pk])
            parts = sum(n_of[unit.pk][p] - sum(n_of[c][p] for c in children[unit.pk]) for p in profile_ids[1:])
            assert whole - parts == 0 or whole - parts >= k, (unit.pk, "profiles", whole - parts)
    assert shown and hidden  # the test exercised both sides of the rule


def test_nothing_is_shown_while_the_campaign_is_open(shipped_norm, world):
    """Read, one known person submits, read again: while the campaign is open no figure exists to compare."""
    rng = random.Random(3)
    units = build_org(world, rng)
    campaign = open_campaign(world, anonymity_k=5)
    invitations_create(campaign=campaign)
    invitations = list(Invitation.objects.filter(campaign=campaign, person__external_id__startswith="GP"))
    for invitation in invitations[:-1]:
        response_submit(invitation=invitation, body={"answers": {i: 3 for i in invitation.requirements}})

    def read():
        cells = {}
        for unit in units:
            heatmap = build_heatmap(campaign=campaign, unit=unit)
            for competence in heatmap.competences:
                cells[(unit.pk, competence.identifier)] = heatmap.cell(unit, competence)
        return cells

    before = read()
    last = invitations[-1]
    response_submit(invitation=last, body={"answers": {i: 1 for i in last.requirements}})
    after = read()
    assert before == after
    assert all(cell.suppressed for cell in after.values())


def test_response_counts_of_an_open_campaign_move_only_in_whole_steps_of_k(shipped_norm, world):
    """The attack on the one figure an open campaign shows: read the response counts, let one person submit,
    read again. A shown count only ever changes when k more have answered since it last changed."""
    from digikomp.insights import selectors

    rng = random.Random(4)
    units = build_org(world, rng)
    campaign = open_campaign(world, anonymity_k=5)
    invitations_create(campaign=campaign)
    k = 5

    def read():
        shown = {}
        for unit in units:
            for rate in selectors.response_rates(campaign=campaign, unit=unit):
                if not rate.suppressed:
                    shown[rate.unit.pk] = rate.responded
        totals = selectors.campaign_totals(campaign=campaign)
        shown["total"] = totals.responded
        return shown

    true_count = defaultdict(int)
    last_change = {}
    before = read()
    invitations = list(Invitation.objects.filter(campaign=campaign).select_related("unit"))
    rng.shuffle(invitations)
    for invitation in invitations[:60]:
        response_submit(invitation=invitation, body={"answers": {i: 2 for i in invitation.requirements}})
        for unit in units:
            if invitation.unit.path.startswith(unit.path):
                true_count[unit.pk] += 1
        true_count["total"] += 1
        after = read()
        for key, value in after.items():
            if value is None:
                continue
            assert value % k == 0 and value <= true_count[key]
            if key in before and before[key] is not None and value != before[key]:
                assert true_count[key] - last_change.get(key, 0) >= k, (key, value)
                last_change[key] = true_count[key]
        before = after
    assert any(value for value in before.values())  # the counts did move, in steps
