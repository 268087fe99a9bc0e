"""The heatmap: a unit and its children (rows) x competences (columns).

Read from the campaign's release (insights/release.py): each row's figure is the sum of the released groups —
groups of at least k people placed directly in a unit — in that row's subtree, so a unit shows the same on its
own page and on its parent's, and nothing needs hiding by subtraction. A cell is:
- shown: n, mean level and share meeting the requirement, built by lib/stats.figures, which shows the mean and
  the share of a group below 2k as a bound where the exact figure would state one value for (almost) everyone;
- hidden: people answered in the subtree, but only in groups below k;
- empty: nobody there gave a level;
- withheld: the campaign is still open, so there is no release and every cell is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from digikomp.assessments.models import MAX_LEVELS, Campaign
from digikomp.frameworks.models import Competence
from digikomp.insights.release import current_release
from digikomp.lib.anonymity import threshold_for
from digikomp.lib.stats import figures
from digikomp.tenancy.models import OrgUnit

LEVELS = range(1, MAX_LEVELS + 1)


@dataclass(frozen=True)
class Cell:
    n: int
    mean: float | None = None
    share_meeting: float | None = None
    suppressed: bool = False
    mean_bound: str | None = None  # anonymity.AT_MOST / AT_LEAST: `mean` is a bound, not the exact value
    share_bound: str | None = None
    distribution_shown: bool = True

    @property
    def exact(self) -> bool:
        return self.mean_bound is None and self.share_bound is None

    def as_dict(self) -> dict:
        if self.suppressed:
            return {"suppressed": True}
        return {"n": self.n, "mean": None if self.mean is None else round(self.mean, 2),
                "share_meeting": None if self.share_meeting is None else round(self.share_meeting, 3),
                "mean_bound": self.mean_bound, "share_meeting_bound": self.share_bound}


EMPTY = Cell(0)
HIDDEN = Cell(0, suppressed=True)


def level_range(campaign: Campaign) -> tuple[int, int]:
    values = list(campaign.framework_version.levels.values_list("value", flat=True))
    return (min(values), max(values)) if values else (1, MAX_LEVELS)


def cell_from(row, *, k: int, lowest: int, highest: int) -> Cell:
    """One released row (ReleasedTally or its annotated sums) as the cell a reader may see."""
    histogram = {level: getattr(row, f"level_{level}") for level in LEVELS}
    n = sum(histogram.values())
    if not n:
        return HIDDEN if row.withheld else EMPTY
    total = sum(level * count for level, count in histogram.items())
    f = figures(n, total, row.meeting, k=k, lowest=lowest, highest=highest)
    return Cell(f.n, f.mean, f.share_meeting, False, f.mean_bound, f.share_bound, f.distribution_shown)


@dataclass
class Heatmap:
    campaign: Campaign
    unit: OrgUnit
    rows: list[OrgUnit]  # the unit itself first, then its children
    competences: list[Competence]
    profile_id: int | None = None
    released: bool = True  # False while the campaign is open: every cell is withheld
    k: int = 0
    cells: dict[tuple[int, UUID], Cell] = field(default_factory=dict)

    def cell(self, unit: OrgUnit, competence: Competence) -> Cell:
        if not self.released:
            return HIDDEN
        return self.cells.get((unit.pk, competence.identifier), EMPTY)

    def table(self) -> list[tuple[OrgUnit, list[Cell]]]:
        return [(unit, [self.cell(unit, c) for c in self.competences]) for unit in self.rows]


def build_heatmap(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None) -> Heatmap:
    k = threshold_for(campaign)
    release = current_release(campaign)
    children = list(unit.children.all().order_by("name"))
    competences = list(campaign.framework_version.competences.order_by("position"))
    if release is None:
        return Heatmap(campaign, unit, [unit, *[c for c in children if c.active]], competences, profile_id,
                       released=False, k=k)
    released_rows = {(row.unit_id, row.competence_identifier): row for row in release.tallies.filter(
        unit_id__in=[unit.pk, *[c.pk for c in children]], profile_id=profile_id)}
    # Inactive sub-units stay in the sums (their past answers count in the parent) but are listed only
    # when they hold answers.
    with_data = {u for (u, _c) in released_rows}
    rows = [unit, *[c for c in children if c.active or c.pk in with_data]]
    heatmap = Heatmap(campaign, unit, rows, competences, profile_id, released=True, k=k)
    lowest, highest = level_range(campaign)
    for (unit_id, identifier), row in released_rows.items():
        heatmap.cells[(unit_id, identifier)] = cell_from(row, k=k, lowest=lowest, highest=highest)
    return heatmap
