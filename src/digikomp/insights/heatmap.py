"""The heatmap: a unit and its children (rows) x competences (columns).

Each cell carries n, mean level and the share meeting the requirement, or is suppressed. The anonymity rule
(lib/anonymity.py) runs on two kinds of partition:
- the tree: a unit's children partition the unit. Visibility is decided top-down from the root, so a unit's
  row is hidden or shown the same way on its own page and on its parent's page, and a hidden unit is never
  rebuilt from its shown children;
- the profile filter: the profiles partition a unit's cell, so a filtered cell is hidden when subtracting it
  from the unfiltered one would isolate fewer than k people.
Tallies already hold each unit's whole subtree, so one grouped query per view reads everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Sum

from digikomp.assessments.models import MAX_LEVELS, Campaign, Tally, UnitTally
from digikomp.assessments.tallies import ancestor_ids
from digikomp.frameworks.models import Competence
from digikomp.lib.anonymity import suppress_partition
from digikomp.tenancy.models import OrgUnit

LEVELS = range(1, MAX_LEVELS + 1)


@dataclass(frozen=True)
class Cell:
    n: int
    mean: float | None = None
    share_meeting: float | None = None
    suppressed: bool = False

    def as_dict(self) -> dict:
        if self.suppressed:
            return {"suppressed": True}
        return {"n": self.n, "mean": None if self.mean is None else round(self.mean, 2),
                "share_meeting": None if self.share_meeting is None else round(self.share_meeting, 3)}


EMPTY = Cell(0)


@dataclass
class Heatmap:
    campaign: Campaign
    unit: OrgUnit
    rows: list[OrgUnit]  # the unit itself first, then its children
    competences: list[Competence]
    profile_id: int | None = None
    cells: dict[tuple[int, UUID], Cell] = field(default_factory=dict)

    def cell(self, unit: OrgUnit, competence: Competence) -> Cell:
        return self.cells.get((unit.pk, competence.identifier), EMPTY)

    def table(self) -> list[tuple[OrgUnit, list[Cell]]]:
        return [(unit, [self.cell(unit, c) for c in self.competences]) for unit in self.rows]


# (unit id, competence identifier) -> (n with a level, sum of levels, n meeting the requirement)
Counts = dict[tuple[int, UUID], tuple[int, int, int]]


def _counts(campaign: Campaign, unit_ids, profile_id: int | None = None, by_profile: bool = False):
    if profile_id is None and not by_profile:  # all profiles: the narrower roll-up answers it
        tallies = UnitTally.objects.filter(campaign=campaign, unit_id__in=list(unit_ids))
    else:
        tallies = Tally.objects.filter(campaign=campaign, unit_id__in=list(unit_ids))
    if profile_id is not None:
        tallies = tallies.filter(profile_id=profile_id)
    keys = ["unit_id", "competence_identifier"] + (["profile_id"] if by_profile else [])
    rows = tallies.values(*keys).annotate(meeting_n=Sum("meeting"),
                                          **{f"l{level}": Sum(f"level_{level}") for level in LEVELS})
    counts = {}
    for row in rows:
        n = sum(row[f"l{level}"] for level in LEVELS)
        total = sum(level * row[f"l{level}"] for level in LEVELS)
        key = tuple(row[k] for k in keys)
        counts[key] = (n, total, row["meeting_n"])
    return counts


def _n(counts: Counts, unit_id: int, competence: UUID) -> int:
    return counts.get((unit_id, competence), (0, 0, 0))[0]


def hidden_rows(counts: Counts, chain: list[OrgUnit], children: dict[int, list[int]], competence: UUID,
                k: int) -> tuple[bool, set[int]]:
    """Walk the tree from the root to the last unit of `chain`: is that unit hidden, and which of its children?"""
    root = chain[0]
    root_n = _n(counts, root.pk, competence)
    hidden = 0 < root_n < k
    for position, unit in enumerate(chain):
        parts = {c: _n(counts, c, competence) for c in children[unit.pk]}
        hidden_children = suppress_partition(_n(counts, unit.pk, competence), parts, k, whole_hidden=hidden)
        if position + 1 == len(chain):
            return hidden, hidden_children
        hidden = chain[position + 1].pk in hidden_children
    raise ValueError("empty chain")


def build_heatmap(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None,
                  k: int | None = None) -> Heatmap:
    k = k or campaign.anonymity_k
    chain = list(OrgUnit.objects.filter(pk__in=ancestor_ids(unit.path)).order_by("depth"))
    children: dict[int, list[int]] = {u.pk: [] for u in chain}
    child_units = list(OrgUnit.objects.filter(parent_id__in=list(children)).order_by("name"))
    for child in child_units:
        children[child.parent_id].append(child.pk)
    ids = set(children) | {c.pk for c in child_units}
    own_children = [c for c in child_units if c.parent_id == unit.pk]
    counts = _counts(campaign, ids, profile_id)
    # Inactive sub-units stay in the partition (their past answers count in the parent) but are listed
    # only when they hold answers.
    with_data = {u for (u, _c), values in counts.items() if values[0]}
    rows = [unit, *[c for c in own_children if c.active or c.pk in with_data]]
    competences = list(campaign.framework_version.competences.order_by("position"))
    heatmap = Heatmap(campaign, unit, rows, competences, profile_id)
    unfiltered = by_profile = None
    if profile_id is not None:
        unfiltered = _counts(campaign, ids)
        by_profile = _counts(campaign, [r.pk for r in rows], by_profile=True)
    for competence in competences:
        key = competence.identifier
        unit_hidden, hidden_children = hidden_rows(counts, chain, children, key, k)
        hidden = hidden_children | ({unit.pk} if unit_hidden else set())
        if profile_id is not None:
            all_hidden, all_hidden_children = hidden_rows(unfiltered, chain, children, key, k)
            all_hidden_rows = all_hidden_children | ({unit.pk} if all_hidden else set())
            for row in rows:
                parts = {p: n for (u, c, p), (n, _t, _m) in by_profile.items() if u == row.pk and c == key}
                whole = _n(unfiltered, row.pk, key)
                if row.pk in all_hidden_rows or profile_id in suppress_partition(
                        whole, parts, k, whole_hidden=row.pk in all_hidden_rows):
                    hidden.add(row.pk)
        for row in rows:
            n, total, meeting = counts.get((row.pk, key), (0, 0, 0))
            if row.pk in hidden:
                heatmap.cells[(row.pk, key)] = Cell(0, suppressed=True)
            elif n:
                heatmap.cells[(row.pk, key)] = Cell(n, total / n, meeting / n)
    return heatmap
