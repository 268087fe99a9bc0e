"""Releasing a campaign's figures: once, when it has closed (anonymity.released), from the answers themselves.

The unit of release is a pool of people who gave a level for a competence. Walking the organisation (as it
stands at release) from the leaves up, each unit pools the people placed directly in it with whatever its
children could not release; a pool of at least k is released at that unit (anonymity.released_group), a
smaller one passes up to the parent, and what is still below k at the top is left out. A unit's figure is the
sum of the pools released in its subtree; a profile's figure the sum of the parts of those pools that the
partition over the pool's profiles lets through. So:
- every shown number is a sum of released pools of at least k, so subtraction between shown numbers never
  isolates a smaller group, and no large neighbour is ever hidden to protect a small one (a team of three is
  not shown on its own, but counts in its department's figure, pooled with the department's other small
  groups);
- nothing is shown of an open campaign (there is no release yet), and nothing moves after the release;
- the figures survive deleting the answers later (retention): the release keeps them as they were.

The answers are read once per campaign here, never by a page. `digikomp release-campaigns` releases every
closed campaign ahead of the first reader (run it from cron); otherwise the first reader after the close
pays for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.db import IntegrityError, transaction

from digikomp.assessments.models import MAX_LEVELS, Answer, Campaign, KnowledgeAnswer
from digikomp.assessments.tallies import ancestor_ids
from digikomp.insights.models import FigureRelease, ReleasedKnowledge, ReleasedResponses, ReleasedTally
from digikomp.lib.anonymity import released, released_group, threshold_for
from digikomp.tenancy.models import OrgUnit

# A tally vector: ("ved ikke", meeting, level 1 .. level 8); n is the sum of the levels.
DONT_KNOW, MEETING, FIRST_LEVEL = 0, 1, 2
WIDTH = FIRST_LEVEL + MAX_LEVELS
BATCH = 2000
# What a release holds (FigureRelease.format); a release of an older format is made again from the answers.
# 2: knowledge checks per question level, with who rated themselves at or above it.
RELEASE_FORMAT = 2


def vector_n(vector) -> int:
    return sum(vector[FIRST_LEVEL:])


def _add(into: list[int], vector) -> None:
    for i, value in enumerate(vector):
        into[i] += value


def roll_up(paths: Mapping[int, str], groups: Mapping[int, Iterable[int]], width: int) -> dict[int, list[int]]:
    """Each unit's sum over its subtree of the vectors of the groups placed directly in it."""
    sums: dict[int, list[int]] = {}
    for unit_id, vector in groups.items():
        for ancestor in ancestor_ids(paths[unit_id]):
            _add(sums.setdefault(ancestor, [0] * width), vector)
    return sums


def pool(paths: Mapping[int, str], direct: Mapping[int, Mapping[object, list[int]]], size, k: int
         ) -> dict[int, tuple[dict[object, list[int]], set]]:
    """The pools released per unit: {unit: ({part: vector}, parts kept out of the per-part figures)}.

    `direct` holds, per unit, the vectors of the people placed directly in it by part (profile); `size`
    counts the people of a vector. Leaves first: a unit's pool is its own people plus what its children
    passed up; released when it reaches k, else passed to the parent; below k at the top, left out.
    """
    depth = {unit: path.count("/") for unit, path in paths.items()}
    pending: dict[int, dict[object, list[int]]] = {}
    for unit, parts in direct.items():
        merged = pending.setdefault(unit, {})
        for part, vector in parts.items():
            _add(merged.setdefault(part, [0] * len(vector)), vector)
    released_pools = {}
    # Deepest first, so every child has passed its remainder up before its parent is looked at.
    for unit in sorted(paths, key=lambda u: depth[u], reverse=True):
        parts = pending.pop(unit, None)
        if not parts:
            continue
        shown, hidden = released_group({part: size(vector) for part, vector in parts.items()}, k)
        if shown:
            released_pools[unit] = (parts, hidden)
            continue
        ancestors = ancestor_ids(paths[unit])
        if len(ancestors) > 1:
            into = pending.setdefault(ancestors[-2], {})
            for part, vector in parts.items():
                _add(into.setdefault(part, [0] * len(vector)), vector)
    return released_pools


def _sum(parts: Iterable[list[int]], width: int) -> list[int]:
    total = [0] * width
    for vector in parts:
        _add(total, vector)
    return total


def current_release(campaign: Campaign) -> FigureRelease | None:
    """The campaign's release, made now if the campaign has closed and none exists for its threshold; None
    while it is open."""
    if not released(campaign):
        return None
    k = threshold_for(campaign)
    existing = FigureRelease.objects.of_municipality(campaign.municipality_id).filter(campaign=campaign).first()
    if existing is not None and existing.k == k and existing.format == RELEASE_FORMAT:
        return existing
    try:
        return release_campaign(campaign)
    except IntegrityError:  # a concurrent reader released it first
        return FigureRelease.objects.of_municipality(campaign.municipality_id).get(campaign=campaign)


@transaction.atomic
def release_campaign(campaign: Campaign) -> FigureRelease:
    """Compute and store the campaign's figures (replacing an older release made under another threshold)."""
    if not released(campaign):
        raise ValueError("a campaign's figures are released only after it has closed")
    k = threshold_for(campaign)
    FigureRelease.objects.of_municipality(campaign.municipality_id).filter(campaign=campaign).delete()
    paths = dict(OrgUnit.objects.of_municipality(campaign.municipality_id).values_list("pk", "path"))

    responses = {pk: (unit, profile, requirements) for pk, unit, profile, requirements in
                 campaign.responses.values_list(
                     "pk", "unit_id", "profile_id", "invitation__requirements").iterator(chunk_size=BATCH)}
    release = FigureRelease.objects.create(campaign=campaign, k=k, responses=len(responses), format=RELEASE_FORMAT)

    # Levels per (direct unit, profile, competence); the self-ratings are kept for the knowledge checks.
    direct: dict[tuple[int, int, object], list[int]] = defaultdict(lambda: [0] * WIDTH)
    rated: dict[tuple[int, str], int | None] = {}
    for response_id, identifier, level in (Answer.objects.of_municipality(campaign.municipality_id)
                                           .filter(response__campaign=campaign)
                                           .values_list("response_id", "competence_identifier", "level")
                                           .iterator(chunk_size=BATCH)):
        unit, profile, requirements = responses[response_id]
        vector = direct[(unit, profile, identifier)]
        if level is None:
            vector[DONT_KNOW] += 1
            continue
        vector[FIRST_LEVEL + level - 1] += 1
        required = requirements.get(str(identifier))
        if required is not None and level >= required[0]:
            vector[MEETING] += 1
        rated[(response_id, str(identifier))] = level
    store_tallies(release, paths, direct, k)
    _store_knowledge(release, paths, campaign, responses, rated, k)
    _store_responses(release, paths, campaign, responses, k)
    return release


def store_tallies(release: FigureRelease, paths: Mapping[int, str], direct: Mapping[tuple, list[int]], k: int
                  ) -> None:
    """Pool and store the released tallies; `direct` maps (unit, profile, competence) to the tally vector of
    the people placed directly in that unit (the benchmark feeds it a generated world the same way)."""
    # competence -> direct unit -> profile -> vector
    groups: dict[object, dict[int, dict[int, list[int]]]] = defaultdict(lambda: defaultdict(dict))
    for (unit, profile, identifier), vector in direct.items():
        groups[identifier][unit][profile] = vector
    rows = []
    for identifier, by_unit in groups.items():
        pools = pool(paths, by_unit, vector_n, k)
        everyone = {unit: _sum(parts.values(), WIDTH) for unit, parts in by_unit.items()}
        released_all = {unit: _sum(parts.values(), WIDTH) for unit, (parts, _hidden) in pools.items()}
        rows += _rows(release, identifier, None, roll_up(paths, everyone, WIDTH),
                      roll_up(paths, released_all, WIDTH))
        profiles = {profile for parts in by_unit.values() for profile in parts}
        for profile in profiles:
            truth = {unit: parts[profile] for unit, parts in by_unit.items() if profile in parts}
            shown = {unit: parts[profile] for unit, (parts, hidden) in pools.items()
                     if profile in parts and profile not in hidden}
            rows += _rows(release, identifier, profile, roll_up(paths, truth, WIDTH),
                          roll_up(paths, shown, WIDTH))
    ReleasedTally.objects.bulk_create(rows, batch_size=BATCH)


def _rows(release, identifier, profile, truth, shown) -> list[ReleasedTally]:
    rows = []
    for unit, true_vector in truth.items():
        vector = shown.get(unit, [0] * WIDTH)
        levels = {f"level_{i + 1}": vector[FIRST_LEVEL + i] for i in range(MAX_LEVELS)}
        rows.append(ReleasedTally(release=release, unit_id=unit, profile_id=profile,
                                  competence_identifier=identifier, dont_know=vector[DONT_KNOW],
                                  meeting=vector[MEETING], withheld=vector_n(true_vector) - vector_n(vector),
                                  **levels))
    return rows


# A knowledge vector: answered, correct, claimed (rated at or above the question's level), below (rated
# under it), overconfident (claimed, wrong), underconfident (below, right). Pooled by `answered`.
KNOWLEDGE_WIDTH = 6


def _store_knowledge(release, paths, campaign, responses, rated, k) -> None:
    # per (direct unit, competence, question level)
    direct: dict[tuple[int, object, int], list[int]] = defaultdict(lambda: [0] * KNOWLEDGE_WIDTH)
    for response_id, identifier, item_level, correct in (
            KnowledgeAnswer.objects.of_municipality(campaign.municipality_id)
            .filter(response__campaign=campaign)
            .values_list("response_id", "item__competence_identifier", "item__level", "correct")
            .iterator(chunk_size=BATCH)):
        level = rated.get((response_id, str(identifier)))
        vector = direct[(responses[response_id][0], identifier, item_level)]
        claimed, below = level is not None and level >= item_level, level is not None and level < item_level
        vector[0] += 1
        vector[1] += int(correct)
        vector[2] += int(claimed)
        vector[3] += int(below)
        vector[4] += int(claimed and not correct)
        vector[5] += int(below and correct)
    by_question: dict[tuple[object, int], dict[int, list[int]]] = defaultdict(dict)
    for (unit, identifier, item_level), vector in direct.items():
        by_question[(identifier, item_level)][unit] = vector
    rows = []
    for (identifier, item_level), groups in by_question.items():
        pools = pool(paths, {u: {None: v} for u, v in groups.items()}, lambda v: v[0], k)
        truth = roll_up(paths, groups, KNOWLEDGE_WIDTH)
        composed = roll_up(paths, {u: parts[None] for u, (parts, _h) in pools.items()}, KNOWLEDGE_WIDTH)
        for unit, true_vector in truth.items():
            answered, correct, claimed, below, over, under = composed.get(unit, [0] * KNOWLEDGE_WIDTH)
            rows.append(ReleasedKnowledge(release=release, unit_id=unit, competence_identifier=identifier,
                                          level=item_level, answered=answered, correct=correct, claimed=claimed,
                                          below=below, overconfident=over, underconfident=under,
                                          withheld=true_vector[0] - answered))
    ReleasedKnowledge.objects.bulk_create(rows, batch_size=BATCH)


def _store_responses(release, paths, campaign, responses, k) -> None:
    invited: dict[int, list[int]] = defaultdict(lambda: [0])
    for unit in campaign.invitations.values_list("unit_id", flat=True).iterator(
            chunk_size=BATCH):
        invited[unit][0] += 1
    responded: dict[int, list[int]] = defaultdict(lambda: [0])
    for unit, _profile, _requirements in responses.values():
        responded[unit][0] += 1
    pools = pool(paths, {u: {None: v} for u, v in responded.items()}, lambda v: v[0], k)
    shown = {u: parts[None] for u, (parts, _hidden) in pools.items()}
    invited_sums, truth, composed = (roll_up(paths, invited, 1), roll_up(paths, responded, 1),
                                     roll_up(paths, shown, 1))
    ReleasedResponses.objects.bulk_create(
        [ReleasedResponses(release=release, unit_id=unit, invited=count[0],
                           responded=composed.get(unit, [0])[0],
                           withheld=truth.get(unit, [0])[0] - composed.get(unit, [0])[0])
         for unit, count in invited_sums.items()], batch_size=BATCH)
