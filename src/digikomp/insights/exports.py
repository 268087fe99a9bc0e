"""The XLSX export of a heatmap view: the same aggregated cells the page shows, never an individual answer.

A hidden cell is written as "–" in every column, so no suppressed number reaches the file (not even as a
hidden cell value or a formula). Numbers are written as numbers, so they can be sorted and charted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from digikomp.assessments.models import Campaign
from digikomp.insights.heatmap import Heatmap
from digikomp.insights.selectors import ResponseRate
from digikomp.insights.views.presentation import decimal, percent
from digikomp.lib.anonymity import threshold_for

HIDDEN = "–"
PERCENT = "0%"
MEAN = "0.00"
# Characters Excel refuses in a sheet title, and its length limit.
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class HeatmapExport:
    campaign: Campaign
    heatmap: Heatmap
    profile_name: str
    last_day: object
    rates: list[ResponseRate]
    overall: float | None


def _sheet(workbook: Workbook, title: str, first: bool = False):
    title = title.translate(SHEET_TITLE_FORBIDDEN)[:31]
    if first:
        sheet = workbook.active
        sheet.title = title
        return sheet
    return workbook.create_sheet(title)


def _header(sheet, values: list[str]) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _text(value: str) -> str:
    # A unit or competence name starting with = + - @ would be read as a formula by the spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _share(cell):
    """An exact share as a number; one the anonymity policy shows as a bound as its text ("højst 20 %")."""
    if cell.share_meeting is None:
        return None
    return percent(cell.share_meeting, cell.share_bound) if cell.share_bound else round(cell.share_meeting, 4)


def _mean(cell):
    return decimal(cell.mean, 2, cell.mean_bound) if cell.mean_bound else round(cell.mean, 2)


def heatmap_workbook(export: HeatmapExport) -> bytes:
    heatmap, campaign = export.heatmap, export.campaign
    workbook = Workbook()

    summary = _sheet(workbook, _("Summary"), first=True)
    rows = [
        (_("Campaign"), campaign.name),
        (_("Series"), _("%(series)s, wave %(wave)s") % {"series": campaign.series.name,
                                                         "wave": campaign.wave}),
        (_("Period"), f"{date_format(timezone.localtime(campaign.opens_at))} – {date_format(export.last_day)}"),
        (_("Unit"), heatmap.unit.name),
        (_("Profile"), export.profile_name or _("All profiles")),
        (_("Anonymity threshold"), threshold_for(campaign)),
        (_("Share meeting the requirement, all competences"),
         export.overall if export.overall is not None else ""),
        (_("Made"), date_format(timezone.localtime(), "DATETIME_FORMAT")),
    ]
    for label, value in rows:
        summary.append([label, value])
        summary.cell(row=summary.max_row, column=1).font = Font(bold=True)
    summary.cell(row=7, column=2).number_format = PERCENT
    summary.append([])
    summary.append([_("“–” means hidden: fewer people than the anonymity threshold answered, or showing the "
                      "number would let a smaller group be worked out from the others.")])
    _widths(summary, [44, 60])

    cells = _sheet(workbook, _("Heatmap"))
    _header(cells, [_("Unit"), _("Unit id"), _("Competence code"), _("Competence"), _("Respondents"),
                    _("Mean level"), _("Share meeting the requirement")])
    for unit, row in heatmap.table():
        for competence, cell in zip(heatmap.competences, row, strict=True):
            base = [_text(unit.name), _text(unit.external_id), competence.code, _text(competence.title)]
            if cell.suppressed:
                cells.append([*base, HIDDEN, HIDDEN, HIDDEN])
            elif not cell.n:
                cells.append([*base, 0, None, None])
            else:
                cells.append([*base, cell.n, _mean(cell), _share(cell)])
                cells.cell(row=cells.max_row, column=6).number_format = MEAN
                cells.cell(row=cells.max_row, column=7).number_format = PERCENT
    _widths(cells, [36, 14, 16, 48, 14, 12, 16])

    matrix = _sheet(workbook, _("Share meeting"))
    _header(matrix, [_("Unit"), *[c.code for c in heatmap.competences]])
    for unit, row in heatmap.table():
        values = [HIDDEN if cell.suppressed else _share(cell) if cell.n else None for cell in row]
        matrix.append([_text(unit.name), *values])
        for column, value in enumerate(values, start=2):
            if isinstance(value, float):
                matrix.cell(row=matrix.max_row, column=column).number_format = PERCENT
    _widths(matrix, [36, *[9] * len(heatmap.competences)])

    rates = _sheet(workbook, _("Response rates"))
    _header(rates, [_("Unit"), _("Invited"), _("Responded"), _("Response rate")])
    for rate in export.rates:
        if rate.suppressed:
            rates.append([_text(rate.unit.name), rate.invited, HIDDEN, HIDDEN])
        else:
            rates.append([_text(rate.unit.name), rate.invited, rate.responded,
                          round(rate.rate, 4) if rate.rate is not None else None])
            rates.cell(row=rates.max_row, column=4).number_format = PERCENT
    _widths(rates, [36, 12, 12, 14])

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
