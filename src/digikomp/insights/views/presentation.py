"""How an aggregate looks on a page and in the PDF: numbers formatted for the active language, a colour bin
for the share meeting the requirement, and one shape for a shown, a hidden and an empty cell.

A hidden cell carries no number at all — not even in an attribute — so nothing suppressed can leak through the
markup, the PDF text or a screen reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digikomp.frameworks.models import Area
from digikomp.insights.heatmap import Cell, Heatmap
from digikomp.lib.anonymity import AT_LEAST, AT_MOST

# Upper bounds (exclusive, the last inclusive) of the colour bins of the share meeting the requirement. The
# colours (insights.css) are an orange-to-purple scale that stays distinct with colour-vision deficiencies.
BINS = (0.2, 0.4, 0.6, 0.8)
BIN_LABELS = (_("under 20 %"), _("20–39 %"), _("40–59 %"), _("60–79 %"), _("80 % or more"))
LARGE_GAP = 0.5  # a competence where fewer than half meet the requirement links to its description
LARGEST_GAPS = 5


def bounded(text: str, bound: str | None) -> str:
    """A figure that the anonymity policy shows as a bound (lib/anonymity.bounded_count): "at most 20 %"."""
    if not text or bound is None:
        return text
    return (gettext("at most %(value)s") if bound == AT_MOST else gettext("at least %(value)s")) % {
        "value": text}


def percent(share: float | None, bound: str | None = None) -> str:
    return "" if share is None else bounded(f"{number_format(round(share * 100), 0)} %", bound)


def decimal(value: float | None, places: int = 1, bound: str | None = None) -> str:
    return "" if value is None else bounded(number_format(round(value, places), places), bound)


def points(change: float | None) -> str:
    """A change of a share in percentage points, with its sign."""
    if change is None:
        return ""
    value = round(change * 100)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{number_format(abs(value), 0)}"


def wave_in_name(campaign) -> bool:
    """Whether the campaign's name already says its wave ("Kortlægning …, runde 2"), so that a subtitle does not
    repeat it ("runde 2 · runde 2")."""
    wave = campaign.wave
    words = {"runde", "wave", "bølge", gettext("wave %(wave)s").split("%")[0].strip().lower()}
    alternatives = "|".join(re.escape(w) for w in words if w)
    pattern = rf"\b(?:{alternatives})\s*{wave}\b"
    return re.search(pattern, campaign.name, re.IGNORECASE) is not None


def colour_bin(share: float) -> int:
    for index, bound in enumerate(BINS):
        if share < bound:
            return index
    return len(BINS)


@dataclass(frozen=True)
class CellView:
    state: str  # "shown", "hidden" or "empty"
    n: int = 0
    mean: str = ""
    share: str = ""
    share_value: float | None = None
    colour: int | None = None

    @property
    def shown(self) -> bool:
        return self.state == "shown"

    @property
    def hidden(self) -> bool:
        return self.state == "hidden"


HIDDEN = CellView("hidden")
EMPTY = CellView("empty")


def cell_view(cell: Cell | None) -> CellView:
    if cell is None or cell.suppressed:
        return HIDDEN
    if not cell.n:
        return EMPTY
    return CellView("shown", cell.n, decimal(cell.mean, bound=cell.mean_bound),
                    percent(cell.share_meeting, cell.share_bound), cell.share_meeting,
                    colour_bin(cell.share_meeting or 0.0))


def legend() -> list[dict]:
    return [{"colour": index, "label": label} for index, label in enumerate(BIN_LABELS)]


@dataclass
class HeatmapRow:
    unit: object
    whole: bool  # the unit itself (first row), not one of its children
    url: str  # the row's own heatmap (drill down); "" for the unit itself
    cells: list[tuple[object, CellView]]  # (competence, cell)


def heatmap_rows(heatmap: Heatmap, url_for) -> list[HeatmapRow]:
    return [HeatmapRow(unit, unit.pk == heatmap.unit.pk, "" if unit.pk == heatmap.unit.pk else url_for(unit),
                       [(c, cell_view(cell)) for c, cell in zip(heatmap.competences, cells, strict=True)])
            for unit, cells in heatmap.table()]


# "The largest gaps": a gap is where few meet the requirement, ranked by how many people it concerns. A
# competence where at least GAP_CEILING meet it is no gap whatever its size (the top colour band).
GAP_CEILING = 0.8


@dataclass(frozen=True)
class Gap:
    competence: object
    cell: CellView
    url: str  # the competence's public description in the norm
    cases: object | None = None  # catalogue.links.CasesLink: the catalogue's cases about its area
    not_meeting: int = 0  # respondents below the requirement (for a bounded share: at least this many)
    bounded: bool = False  # the share is a bound, and `not_meeting` the smallest count it allows


def gap_size(cell: Cell) -> tuple[int, bool] | None:
    """How many of a shown cell's respondents do not meet the requirement, as the shown figures allow: (count,
    bounded), or None when the cell is no gap.

    Counted from the share as shown, never from the released count behind it. An exact share of n gives the
    exact count. A share shown as "at most" (at most one meets) gives "at least n - 1 do not": ranked by that
    lower bound, so the gap is never overstated. A share shown as "at least" (all or all but one meet) can
    concern at most one person, so it is no gap. A share that reads GAP_CEILING or more is no gap."""
    if cell.suppressed or not cell.n or cell.share_meeting is None or cell.share_bound == AT_LEAST:
        return None
    if round(cell.share_meeting * 100) >= round(GAP_CEILING * 100):  # as shown: 79.6 % reads "80 %"
        return None
    missing = cell.n - round(cell.share_meeting * cell.n)
    return (missing, cell.share_bound is not None) if missing else None


def largest_gaps(heatmap: Heatmap, norm_url, limit: int = LARGEST_GAPS) -> list[Gap]:
    """The unit's own competences below GAP_CEILING, the most people not meeting the requirement first (ties:
    the lower share, then the model's order); only cells shown under the anonymity rule count."""
    ranked = []
    for competence in heatmap.competences:
        cell = heatmap.cell(heatmap.unit, competence)
        size = gap_size(cell)
        if size is not None:
            ranked.append((-size[0], cell.share_meeting, competence.position, competence, cell, size))
    ranked.sort(key=lambda entry: entry[:3])
    return [Gap(c, cell_view(cell), norm_url(c), not_meeting=size[0], bounded=size[1])
            for *_key, c, cell, size in ranked[:limit]]


@dataclass(frozen=True)
class AreaShare:
    area: object
    share: str  # formatted; "" when no cell of the area is shown exactly
    value: float | None
    answers: int  # (person, competence) answers behind the share


def areas_by_strength(heatmap: Heatmap, limit: int | None = None) -> list[AreaShare]:
    """The model's areas for the unit itself, strongest first: the share of (person, competence) answers at or
    above the requirement over the area's cells shown exactly, as the overall coverage counts (a cell shown as
    a bound stays out, or its exact count would follow from the area's total and the other cells)."""
    areas = Area.objects.in_bulk({c.area_id for c in heatmap.competences})
    totals: dict[int, list] = {}
    for competence in heatmap.competences:
        cell = heatmap.cell(heatmap.unit, competence)
        entry = totals.setdefault(competence.area_id, [areas[competence.area_id], 0, 0])
        if cell.suppressed or not cell.n or cell.share_meeting is None or not cell.exact:
            continue
        entry[1] += round(cell.share_meeting * cell.n)
        entry[2] += cell.n
    rows = [AreaShare(area, percent(meeting / n) if n else "", meeting / n if n else None, n)
            for area, meeting, n in totals.values()]
    rows.sort(key=lambda row: (row.value is None, -(row.value or 0), row.area.position))
    return [row for row in rows if row.value is not None][:limit]


@dataclass(frozen=True)
class NationalCell:
    view: CellView | None  # None: too few municipalities to show a national figure for this competence
    municipalities: int = 0


def national_row(heatmap: Heatmap, national: dict) -> list[tuple[object, NationalCell]]:
    """The national figures (insights.selectors.national_comparison) in the heatmap's column order; no row at
    all when there is none to show."""
    if not national:
        return []
    row = []
    for competence in heatmap.competences:
        figure = national.get(competence.identifier)
        row.append((competence, NationalCell(cell_view(figure.cell), figure.municipalities) if figure
                    else NationalCell(None)))
    return row
