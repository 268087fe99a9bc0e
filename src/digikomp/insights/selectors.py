"""Insight reads beyond the heatmap: coverage, level distributions, knowledge checks against self-ratings,
response rates, comparison between waves and the national picture.

Every figure about answers comes from the campaign's release (insights/release.py, composed of groups of at
least k) and is built by lib/stats.figures; nothing is shown of an open campaign but its response counts,
which move in whole steps of k (anonymity.stepped) under the same complementary suppression as before the
release existed, so a reading before and after one person's submission tells nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Sum

from digikomp.assessments.models import MAX_LEVELS, Campaign
from digikomp.assessments.tallies import ancestor_ids
from digikomp.frameworks.models import Competence
from digikomp.insights.heatmap import LEVELS, Cell, build_heatmap, cell_from, level_range
from digikomp.insights.models import FigureRelease, ReleasedTally
from digikomp.insights.release import current_release
from digikomp.lib.anonymity import bounded_count, stepped, suppress_partition, threshold_for, visible
from digikomp.tenancy.models import Municipality, OrgUnit

# The national picture and the national comparison read released figures of every municipality, by design:
# only figures already released under each campaign's threshold, and only at the top of each organisation.
NATIONAL = "the national picture compares released figures across municipalities"


def _chain_and_children(unit: OrgUnit) -> tuple[list[OrgUnit], dict[int, list[int]], list[OrgUnit]]:
    chain = list(OrgUnit.objects.of_municipality(unit.municipality_id).filter(pk__in=ancestor_ids(unit.path))
                 .order_by("depth"))
    children: dict[int, list[int]] = {u.pk: [] for u in chain}
    child_units = list(OrgUnit.objects.of_municipality(unit.municipality_id).filter(parent_id__in=list(children))
                       .order_by("name"))
    for child in child_units:
        children[child.parent_id].append(child.pk)
    return chain, children, [c for c in child_units if c.parent_id == unit.pk]


def _hidden_rows(counts: dict, chain: list[OrgUnit], children: dict[int, list[int]], k: int
                 ) -> tuple[bool, set[int]]:
    """Complementary suppression of live counts (response counts of an open campaign), walked from the root
    down the chain so a unit is hidden alike on every page: is the chain's last unit hidden, and which of its
    children?"""
    hidden = not visible(counts.get(chain[0].pk, 0), k)
    for position, unit in enumerate(chain):
        parts = {c: counts.get(c, 0) for c in children[unit.pk]}
        hidden_children = suppress_partition(counts.get(unit.pk, 0), parts, k, whole_hidden=hidden)
        if position + 1 == len(chain):
            return hidden, hidden_children
        hidden = chain[position + 1].pk in hidden_children
    raise ValueError("empty chain")


@dataclass(frozen=True)
class CoverageRow:
    competence: Competence
    n: int | None  # None: hidden or withheld
    share_meeting: float | None
    share_bound: str | None = None  # anonymity.AT_MOST / AT_LEAST: the share is a bound


@dataclass
class Coverage:
    rows: list[CoverageRow]
    # Share of (person, competence) answers at or above the requirement over the cells shown exactly: a cell
    # shown as a bound stays out, or its exact count would follow from this total and the others.
    overall: float | None
    released: bool = True
    bounded_left_out: bool = False


def coverage(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None,
             heatmap=None) -> Coverage:
    """Share at or above the requirement per competence and overall, for one unit (its heatmap top row)."""
    heatmap = heatmap or build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
    rows, n_total, meeting_total, left_out = [], 0, 0.0, False
    for competence in heatmap.competences:
        cell = heatmap.cell(unit, competence)
        if cell.suppressed:
            rows.append(CoverageRow(competence, None, None))
            continue
        rows.append(CoverageRow(competence, cell.n, cell.share_meeting, cell.share_bound))
        if cell.n and cell.share_meeting is not None:
            if cell.share_bound is not None:
                left_out = True
                continue
            n_total += cell.n
            meeting_total += cell.share_meeting * cell.n
    overall = meeting_total / n_total if n_total else None
    return Coverage(rows, overall, heatmap.released, left_out and overall is not None)


@dataclass(frozen=True)
class Distribution:
    competence: Competence
    suppressed: bool
    n: int = 0
    dont_know: int = 0
    levels: dict[int, int] = field(default_factory=dict)
    mean: float | None = None
    mean_bound: str | None = None
    shown: bool = True  # False for a group below 2k: its histogram is not shown (anonymity.exact_from)


def distributions(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None) -> list[Distribution]:
    """The spread of levels per competence for a unit, from the same released row as its heatmap cell."""
    competences = list(campaign.framework_version.competences.order_by("position"))
    release = current_release(campaign)
    if release is None:
        return [Distribution(c, True) for c in competences]
    k = release.k
    lowest, highest = level_range(campaign)
    rows = {row.competence_identifier: row for row in release.tallies.filter(unit=unit, profile_id=profile_id)}
    levels = campaign.framework_version.levels.count()
    result = []
    for competence in competences:
        row = rows.get(competence.identifier)
        cell = cell_from(row, k=k, lowest=lowest, highest=highest) if row else Cell(0)
        if cell.suppressed:
            result.append(Distribution(competence, True))
            continue
        histogram = {lv: getattr(row, f"level_{lv}") if row else 0 for lv in range(1, levels + 1)}
        shown = cell.distribution_shown
        result.append(Distribution(competence, False, cell.n, row.dont_know if row and shown else 0,
                                   histogram if shown else {}, cell.mean, cell.mean_bound, shown))
    return result


@dataclass(frozen=True)
class Share:
    """A count within a group as it may be shown: the share (exact, or a bound), or None when the group it is a
    share of is too small to show one (fewer than k, or its own size only shown as a bound)."""

    value: float | None = None
    bound: str | None = None


@dataclass(frozen=True)
class KnowledgeRow:
    """One question level of a competence's knowledge check in a unit.

    The check tests a claim: that someone is at or above the question's level. So the shares that say how
    the claims hold are of those who made it (`claimed`), and the under-confident of those who rated
    themselves below (`below`); both counts are shares of `answered` under the policy (bounded like any
    count), and a share of them is shown only when they are at least k people shown exactly."""

    competence: Competence
    level: int | None
    suppressed: bool
    answered: int = 0
    claimed: int = 0
    claimed_bound: str | None = None
    below: int = 0
    below_bound: str | None = None
    right: Share = Share()  # right among those at or above the level
    overconfident: Share = Share()  # wrong among those at or above the level
    underconfident: Share = Share()  # right among those below it


def _share_of(count: int, group: int, group_bound: str | None, k: int) -> Share:
    if group_bound is not None or group < k:
        return Share()
    shown, bound = bounded_count(count, group, k)
    return Share(shown / group, bound)


def knowledge_vs_self_rating(*, campaign: Campaign, unit: OrgUnit) -> list[KnowledgeRow]:
    release = current_release(campaign)
    if release is None:
        return []
    k = release.k
    competences = {c.identifier: c for c in campaign.framework_version.competences.all()}
    result = []
    for row in sorted(release.knowledge.filter(unit=unit),
                      key=lambda r: (competences[r.competence_identifier].position, r.level or 0)):
        competence = competences[row.competence_identifier]
        a = row.answered
        if not a:
            result.append(KnowledgeRow(competence, row.level, bool(row.withheld)))
            continue
        claimed, claimed_bound = bounded_count(row.claimed, a, k)
        below, below_bound = bounded_count(row.below, a, k)
        result.append(KnowledgeRow(
            competence, row.level, False, a, claimed, claimed_bound, below, below_bound,
            right=_share_of(row.claimed - row.overconfident, row.claimed, claimed_bound, k),
            overconfident=_share_of(row.overconfident, row.claimed, claimed_bound, k),
            underconfident=_share_of(row.underconfident, row.below, below_bound, k)))
    return result


@dataclass(frozen=True)
class ResponseRate:
    unit: OrgUnit
    suppressed: bool
    invited: int = 0
    responded: int = 0
    # While the campaign is open, `responded` is rounded down to a multiple of k (anonymity.stepped).
    stepped: bool = False

    @property
    def rate(self) -> float | None:
        return self.responded / self.invited if self.invited and not self.suppressed else None


def response_rates(*, campaign: Campaign, unit: OrgUnit) -> list[ResponseRate]:
    """Invited and responded for the unit and its children; the respondents are the group k protects."""
    release = current_release(campaign)
    children = list(unit.children.all().order_by("name"))
    if release is not None:
        rows = {r.unit_id: r for r in release.responses_by_unit.filter(
            unit_id__in=[unit.pk, *[c.pk for c in children]])}
        return [ResponseRate(u, not rows[u.pk].responded and bool(rows[u.pk].withheld), rows[u.pk].invited,
                             rows[u.pk].responded) for u in [unit, *children] if u.pk in rows]
    k = threshold_for(campaign)
    chain, tree, own_children = _chain_and_children(unit)
    ids = set(tree) | {c for kids in tree.values() for c in kids}
    sums = {row["unit_id"]: row for row in campaign.response_counts.filter(unit_id__in=list(ids))
            .values("unit_id").annotate(i=Sum("invited"), r=Sum("responded"))}
    hidden, hidden_children = _hidden_rows({u: row["r"] for u, row in sums.items()}, chain, tree, k)
    result = []
    for row_unit in [unit, *own_children]:
        row = sums.get(row_unit.pk)
        if row is None:
            continue
        is_hidden = hidden if row_unit.pk == unit.pk else row_unit.pk in hidden_children
        result.append(ResponseRate(row_unit, is_hidden, row["i"], 0 if is_hidden else stepped(row["r"], k),
                                   stepped=True))
    return result


@dataclass(frozen=True)
class CampaignTotals:
    invited: int
    responded: int | None  # None: suppressed
    stepped: bool = False  # open campaign: responded is rounded down to a multiple of k

    @property
    def rate(self) -> float | None:
        return self.responded / self.invited if self.invited and self.responded is not None else None


def campaign_totals(*, campaign: Campaign) -> CampaignTotals:
    """Invited and responded in the whole campaign: the sum over the municipality's roots.

    Released: the roots' released rows (sums of groups of at least k). Open: each root's live count, and the
    total only when every root's own number is shown too (otherwise the total minus the shown roots would
    reveal a hidden one), rounded down to a multiple of k.
    """
    roots = list(OrgUnit.objects.of_municipality(campaign.municipality_id).filter(parent__isnull=True)
                 .values_list("pk", flat=True))
    release = current_release(campaign)
    if release is not None:
        rows = list(release.responses_by_unit.filter(unit_id__in=roots))
        responded = sum(r.responded for r in rows)
        hidden = not responded and any(r.withheld for r in rows)
        return CampaignTotals(sum(r.invited for r in rows), None if hidden else responded)
    k = threshold_for(campaign)
    per_root = list(campaign.response_counts.filter(unit_id__in=roots).values("unit_id")
                    .annotate(i=Sum("invited"), r=Sum("responded")))
    invited = sum(row["i"] for row in per_root)
    responded = sum(row["r"] for row in per_root)
    hidden = any(not visible(row["r"], k) for row in per_root)
    return CampaignTotals(invited, None if hidden else stepped(responded, k), stepped=True)


@dataclass(frozen=True)
class WaveCell:
    campaign: Campaign
    n: int | None  # None: hidden or withheld (an open wave)
    mean: float | None
    share_meeting: float | None
    share_bound: str | None = None
    mean_bound: str | None = None

    @property
    def exact(self) -> bool:
        return self.share_bound is None and self.mean_bound is None


def waves(*, unit: OrgUnit, campaign: Campaign) -> dict[UUID, list[WaveCell]]:
    """The unit's top-row cell per competence in every wave of the campaign's series, oldest first."""
    result: dict[UUID, list[WaveCell]] = defaultdict(list)
    for wave in campaign.series.campaigns.order_by("wave"):
        heatmap = build_heatmap(campaign=wave, unit=unit)
        for competence in heatmap.competences:
            cell = heatmap.cell(unit, competence)
            result[competence.identifier].append(
                WaveCell(wave, None if cell.suppressed else cell.n, cell.mean, cell.share_meeting,
                         cell.share_bound, cell.mean_bound))
    return dict(result)


@dataclass
class NationalHeatmap:
    municipalities: list[Municipality]
    competences: list[Competence]
    cells: dict[tuple[int, UUID], Cell]


def national_heatmap(*, framework_version) -> NationalHeatmap:
    """Each municipality's latest closed campaign on this framework version as one row: the top of its
    organisation as its own pages show it (its release, under its own threshold)."""
    from django.utils import timezone

    latest: dict[int, Campaign] = {}
    for campaign in (Campaign.objects.unscoped(NATIONAL).filter(framework_version=framework_version, closes_at__lte=timezone.now())
                     .select_related("municipality").order_by("closes_at", "pk")):
        latest[campaign.municipality_id] = campaign
    releases = {campaign.municipality_id: current_release(campaign) for campaign in latest.values()}
    roots = OrgUnit.objects.unscoped(NATIONAL).filter(parent__isnull=True, municipality_id__in=list(latest))
    root_of = {}
    for root in roots:  # a municipality with several roots: their rows add up (groups of >= k each)
        root_of.setdefault(root.municipality_id, []).append(root.pk)
    sums: dict[tuple[int, UUID], list[int]] = {}
    withheld: dict[tuple[int, UUID], int] = defaultdict(int)
    columns = ["dont_know", "meeting", *[f"level_{lv}" for lv in LEVELS]]
    municipality_of = {release.pk: m for m, release in releases.items()}
    root_ids = [pk for pks in root_of.values() for pk in pks]
    for row in ReleasedTally.objects.unscoped(NATIONAL).filter(release__in=list(releases.values()), unit_id__in=root_ids,
                                            profile__isnull=True):
        key = (municipality_of[row.release_id], row.competence_identifier)
        values = sums.setdefault(key, [0] * len(columns))
        for i, column in enumerate(columns):
            values[i] += getattr(row, column)
        withheld[key] += row.withheld
    competences = list(framework_version.competences.order_by("position"))
    municipalities = list(Municipality.objects.filter(pk__in=list(latest)).order_by("name"))
    cells: dict[tuple[int, UUID], Cell] = {}
    for m in municipalities:
        campaign = latest[m.pk]
        lowest, highest = level_range(campaign)
        for competence in competences:
            key = (m.pk, competence.identifier)
            values = sums.get(key)
            if values is None:
                cells[key] = Cell(0)
                continue
            row = _Row(dict(zip(columns, values, strict=True)), withheld[key])
            cells[key] = cell_from(row, k=releases[m.pk].k, lowest=lowest, highest=highest)
    return NationalHeatmap(municipalities, competences, cells)


# The national figure a municipality's readers see beside their own: the other municipalities' released
# figures, pooled. Built so that no reader learns about a group smaller than the policy allows, nor about one
# other municipality:
# - it leaves out the reader's own municipality, so subtracting their own figures from it gives nothing;
# - a municipality counts in it only where its own top figure has at least 2k respondents (k the larger of
#   its threshold and the reader's), so its contribution is a figure the policy would show exactly anyway:
#   whatever changes between two readings (a municipality's new campaign closing) is at most such a figure;
# - it is shown only when at least NATIONAL_MIN_MUNICIPALITIES municipalities count in it, so it is never one
#   other municipality's figure under another name.
NATIONAL_MIN_MUNICIPALITIES = 3


@dataclass(frozen=True)
class NationalFigure:
    cell: Cell  # n, mean and share meeting of the pooled figure (lib/stats.figures, the reader's k)
    municipalities: int


def national_comparison(*, campaign: Campaign, profile_id: int | None = None) -> dict[UUID, NationalFigure]:
    """Per competence of the campaign's model, the other municipalities' pooled figure for the same profile
    filter (their latest closed campaign on the same model version, the top of their organisation as their own
    pages show it); a competence without enough municipalities is left out of the answer."""
    from digikomp.tenancy.guard import across_municipalities

    with across_municipalities("the national figure pools the other municipalities' released top figures"):
        return _national_comparison(campaign, profile_id)


def _national_comparison(campaign: Campaign, profile_id: int | None) -> dict[UUID, NationalFigure]:
    from django.utils import timezone

    from digikomp.lib.anonymity import exact_from
    from digikomp.lib.stats import figures

    if current_release(campaign) is None:
        return {}  # an open campaign shows nothing, and nothing to compare with
    k = threshold_for(campaign)
    latest: dict[int, Campaign] = {}
    for other in (Campaign.objects.unscoped(NATIONAL).filter(framework_version=campaign.framework_version,
                                          closes_at__lte=timezone.now())
                  .exclude(municipality=campaign.municipality_id).select_related("municipality")
                  .order_by("closes_at", "pk")):
        latest[other.municipality_id] = other
    releases = {m: release for m, c in latest.items() if (release := current_release(c)) is not None}
    if len(releases) < NATIONAL_MIN_MUNICIPALITIES:
        return {}
    municipality_of = {release.pk: m for m, release in releases.items()}
    roots = list(OrgUnit.objects.unscoped(NATIONAL).filter(parent__isnull=True, municipality_id__in=list(releases))
                 .values_list("pk", flat=True))
    # (municipality, competence) -> [n, sum of levels, meeting]
    sums: dict[tuple[int, UUID], list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in ReleasedTally.objects.unscoped(NATIONAL).filter(release__in=list(releases.values()), unit_id__in=roots,
                                            profile_id=profile_id):
        values = sums[(municipality_of[row.release_id], row.competence_identifier)]
        for level in LEVELS:
            count = getattr(row, f"level_{level}")
            values[0] += count
            values[1] += level * count
        values[2] += row.meeting
    pooled: dict[UUID, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, total, meeting, municipalities
    for (municipality, identifier), (n, total, meeting) in sums.items():
        if n < exact_from(max(k, releases[municipality].k)):
            continue
        into = pooled[identifier]
        into[0] += n
        into[1] += total
        into[2] += meeting
        into[3] += 1
    lowest, highest = level_range(campaign)
    result = {}
    for identifier, (n, total, meeting, count) in pooled.items():
        if count < NATIONAL_MIN_MUNICIPALITIES:
            continue
        f = figures(n, total, meeting, k=k, lowest=lowest, highest=highest)
        result[identifier] = NationalFigure(Cell(f.n, f.mean, f.share_meeting, False, f.mean_bound, f.share_bound,
                                                 f.distribution_shown), count)
    return result


class _Row:
    """Summed released rows in the shape cell_from reads."""

    def __init__(self, values: dict, withheld: int):
        self.__dict__.update(values)
        self.withheld = withheld


__all__ = ["coverage", "distributions", "knowledge_vs_self_rating", "response_rates", "campaign_totals", "waves",
           "national_heatmap", "national_comparison", "MAX_LEVELS", "FigureRelease"]
