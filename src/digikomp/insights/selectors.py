"""Insight reads beyond the heatmap: coverage, level distributions, knowledge checks against self-ratings,
response rates, comparison between waves and the national picture. All from tallies; every number passes
the anonymity rule, with the same top-down tree walk as the heatmap so a unit is hidden or shown alike on
every page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Sum

from digikomp.assessments.models import MAX_LEVELS, Campaign, KnowledgeTally, ResponseCount, Tally, UnitTally
from digikomp.assessments.tallies import ancestor_ids
from digikomp.frameworks.models import Competence
from digikomp.insights.heatmap import LEVELS, build_heatmap, hidden_rows
from digikomp.lib.anonymity import effective_k, suppress_partition, visible
from digikomp.lib.stats import summarise
from digikomp.tenancy.models import Municipality, OrgUnit


def _chain_and_children(unit: OrgUnit) -> tuple[list[OrgUnit], dict[int, list[int]], list[OrgUnit]]:
    chain = list(OrgUnit.objects.filter(pk__in=ancestor_ids(unit.path)).order_by("depth"))
    children: dict[int, list[int]] = {u.pk: [] for u in chain}
    child_units = list(OrgUnit.objects.filter(parent_id__in=list(children)).order_by("name"))
    for child in child_units:
        children[child.parent_id].append(child.pk)
    return chain, children, [c for c in child_units if c.parent_id == unit.pk]


@dataclass(frozen=True)
class CoverageRow:
    competence: Competence
    n: int | None  # None: suppressed
    share_meeting: float | None


@dataclass
class Coverage:
    rows: list[CoverageRow]
    overall: float | None  # share of (person, competence) answers at or above the requirement


def coverage(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None) -> Coverage:
    """Share at or above the requirement per competence and overall, for one unit (its heatmap top row)."""
    heatmap = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
    rows, n_total, meeting_total = [], 0, 0.0
    for competence in heatmap.competences:
        cell = heatmap.cell(unit, competence)
        if cell.suppressed:
            rows.append(CoverageRow(competence, None, None))
            continue
        rows.append(CoverageRow(competence, cell.n, cell.share_meeting))
        if cell.n:
            n_total += cell.n
            meeting_total += cell.share_meeting * cell.n
    return Coverage(rows, meeting_total / n_total if n_total else None)


@dataclass(frozen=True)
class Distribution:
    competence: Competence
    suppressed: bool
    n: int = 0
    dont_know: int = 0
    levels: dict[int, int] = field(default_factory=dict)
    mean: float | None = None


def distributions(*, campaign: Campaign, unit: OrgUnit, profile_id: int | None = None) -> list[Distribution]:
    """The spread of levels per competence for a unit, shown where the unit's heatmap cell is shown."""
    heatmap = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
    if profile_id is None:
        tallies = UnitTally.objects.filter(campaign=campaign, unit=unit)
    else:
        tallies = Tally.objects.filter(campaign=campaign, unit=unit, profile_id=profile_id)
    sums = {row["competence_identifier"]: row for row in tallies.values("competence_identifier").annotate(
        dk=Sum("dont_know"), **{f"l{level}": Sum(f"level_{level}") for level in LEVELS})}
    result = []
    for competence in heatmap.competences:
        if heatmap.cell(unit, competence).suppressed:
            result.append(Distribution(competence, True))
            continue
        row = sums.get(competence.identifier)
        histogram = {level: row[f"l{level}"] for level in LEVELS} if row else {}
        summary = summarise(histogram, dont_know=row["dk"] if row else 0)
        levels = campaign.framework_version.levels.count()
        result.append(Distribution(competence, False, summary.n, summary.dont_know,
                                   {lv: histogram.get(lv, 0) for lv in range(1, levels + 1)}, summary.mean))
    return result


@dataclass(frozen=True)
class KnowledgeRow:
    competence: Competence
    suppressed: bool
    answered: int = 0
    share_correct: float | None = None
    overconfident: float | None = None
    underconfident: float | None = None


def knowledge_vs_self_rating(*, campaign: Campaign, unit: OrgUnit) -> list[KnowledgeRow]:
    chain, children, _own = _chain_and_children(unit)
    ids = set(children) | {c for kids in children.values() for c in kids}
    counts, detail = {}, {}
    for row in (KnowledgeTally.objects.filter(campaign=campaign, unit_id__in=list(ids))
                .values("unit_id", "competence_identifier")
                .annotate(a=Sum("answered"), c=Sum("correct"), o=Sum("overconfident"), u=Sum("underconfident"))):
        key = (row["unit_id"], row["competence_identifier"])
        counts[key] = (row["a"], 0, 0)
        detail[key] = row
    competences = {c.identifier: c for c in campaign.framework_version.competences.all()}
    result = []
    for identifier in sorted({c for (_u, c) in counts}, key=lambda i: competences[i].position):
        hidden, _children = hidden_rows(counts, chain, children, identifier, campaign.anonymity_k)
        row = detail.get((unit.pk, identifier))
        if hidden or not row or not row["a"]:
            result.append(KnowledgeRow(competences[identifier], hidden))
            continue
        a = row["a"]
        result.append(KnowledgeRow(competences[identifier], False, a, row["c"] / a, row["o"] / a, row["u"] / a))
    return result


@dataclass(frozen=True)
class ResponseRate:
    unit: OrgUnit
    suppressed: bool
    invited: int = 0
    responded: int = 0

    @property
    def rate(self) -> float | None:
        return self.responded / self.invited if self.invited and not self.suppressed else None


def response_rates(*, campaign: Campaign, unit: OrgUnit) -> list[ResponseRate]:
    """Invited and responded for the unit and its children; the respondents are the group k protects."""
    chain, children, own_children = _chain_and_children(unit)
    ids = set(children) | {c for kids in children.values() for c in kids}
    sums = {row["unit_id"]: row for row in ResponseCount.objects.filter(campaign=campaign, unit_id__in=list(ids))
            .values("unit_id").annotate(i=Sum("invited"), r=Sum("responded"))}
    counts = {(u, "responded"): (row["r"], 0, 0) for u, row in sums.items()}
    hidden, hidden_children = hidden_rows(counts, chain, children, "responded", campaign.anonymity_k)
    result = []
    for row_unit in [unit, *own_children]:
        row = sums.get(row_unit.pk)
        if row is None:
            continue
        is_hidden = hidden if row_unit.pk == unit.pk else row_unit.pk in hidden_children
        result.append(ResponseRate(row_unit, is_hidden, row["i"], 0 if is_hidden else row["r"]))
    return result


@dataclass(frozen=True)
class CampaignTotals:
    invited: int
    responded: int | None  # None: suppressed

    @property
    def rate(self) -> float | None:
        return self.responded / self.invited if self.invited and self.responded is not None else None


def campaign_totals(*, campaign: Campaign) -> CampaignTotals:
    """Invited and responded in the whole campaign, read from the roll-up rows of the municipality's roots.

    Each root is a top of the tree that response_rates shows on its own, so the total is shown only when
    every root's number is shown too: otherwise the total minus the shown roots would reveal a hidden one.
    """
    roots = OrgUnit.objects.filter(municipality=campaign.municipality_id, parent__isnull=True).values("pk")
    per_root = list(ResponseCount.objects.filter(campaign=campaign, unit_id__in=roots).values("unit_id")
                    .annotate(i=Sum("invited"), r=Sum("responded")))
    invited = sum(row["i"] for row in per_root)
    responded = sum(row["r"] for row in per_root)
    hidden = any(not visible(row["r"], campaign.anonymity_k) for row in per_root)
    return CampaignTotals(invited, None if hidden else responded)


@dataclass(frozen=True)
class WaveCell:
    campaign: Campaign
    n: int | None
    mean: float | None
    share_meeting: float | None


def waves(*, unit: OrgUnit, campaign: Campaign) -> dict[UUID, list[WaveCell]]:
    """The unit's top-row cell per competence in every wave of the campaign's series, oldest first."""
    result: dict[UUID, list[WaveCell]] = defaultdict(list)
    for wave in campaign.series.campaigns.order_by("wave"):
        heatmap = build_heatmap(campaign=wave, unit=unit)
        for competence in heatmap.competences:
            cell = heatmap.cell(unit, competence)
            result[competence.identifier].append(
                WaveCell(wave, None if cell.suppressed else cell.n, cell.mean, cell.share_meeting))
    return dict(result)


@dataclass
class NationalHeatmap:
    municipalities: list[Municipality]
    competences: list[Competence]
    cells: dict[tuple[int, UUID], tuple[int, float, float] | None]  # None: suppressed


def national_heatmap(*, framework_version, k: int | None = None) -> NationalHeatmap:
    """Each municipality's latest campaign on this framework version as one row (its whole organisation)."""
    k = k or effective_k()
    latest: dict[int, Campaign] = {}
    for campaign in Campaign.objects.filter(framework_version=framework_version).order_by("opens_at"):
        latest[campaign.municipality_id] = campaign
    roots = {u.municipality_id: u.pk for u in OrgUnit.objects.filter(parent__isnull=True,
                                                                      municipality_id__in=list(latest))}
    totals: dict[tuple[int, UUID], list[int]] = {}
    for municipality_id, campaign in latest.items():
        rows = (UnitTally.objects.filter(campaign=campaign, unit_id=roots.get(municipality_id))
                .values("competence_identifier").annotate(meeting_n=Sum("meeting"),
                                                          **{f"l{lv}": Sum(f"level_{lv}") for lv in LEVELS}))
        for row in rows:
            n = sum(row[f"l{lv}"] for lv in LEVELS)
            total = sum(lv * row[f"l{lv}"] for lv in LEVELS)
            totals[(municipality_id, row["competence_identifier"])] = [n, total, row["meeting_n"]]
    competences = list(framework_version.competences.order_by("position"))
    municipalities = list(Municipality.objects.filter(pk__in=list(latest)).order_by("name"))
    cells: dict[tuple[int, UUID], tuple[int, float, float] | None] = {}
    for competence in competences:
        parts = {m.pk: totals.get((m.pk, competence.identifier), [0])[0] for m in municipalities}
        hidden = suppress_partition(sum(parts.values()), parts, k)
        for m in municipalities:
            n, total, meeting = totals.get((m.pk, competence.identifier), [0, 0, 0])
            cells[(m.pk, competence.identifier)] = None if m.pk in hidden else (
                (n, total / n, meeting / n) if n else (0, 0.0, 0.0))
    return NationalHeatmap(municipalities, competences, cells)


__all__ = ["coverage", "distributions", "knowledge_vs_self_rating", "response_rates", "campaign_totals", "waves",
           "national_heatmap", "MAX_LEVELS"]
