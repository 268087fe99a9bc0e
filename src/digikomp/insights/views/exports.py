"""Downloads of a heatmap view: the XLSX of its aggregated tables and the management report as PDF.

Both are built from the same build_heatmap call as the page, for the same unit and profile filter, so a file
and the page agree cell by cell, hidden cells included.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from digikomp.assessments.campaigns import selectors as campaigns
from digikomp.insights import selectors
from digikomp.insights.exports import HeatmapExport, heatmap_workbook
from digikomp.insights.heatmap import build_heatmap
from digikomp.insights.views import presentation as p
from digikomp.insights.views.common import Scope, resolve
from digikomp.lib.pdf import PdfUnavailable, render_pdf
from digikomp.tenancy.decorators import permission_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_GAPS = 5  # on the summary page, beside the strongest areas
REPORT_AREAS = 5
REPORT_COMPETENCES_PER_TABLE = 8  # columns of competences per heatmap table that fit a landscape A4 page


def _filename(scope: Scope, kind: str, extension: str) -> str:
    unit = slugify(scope.unit.external_id) or str(scope.unit.pk)
    profile = f"-profil-{scope.profile_id}" if scope.profile_id else ""
    return f"{kind}-{scope.campaign.pk}-{unit}{profile}.{extension}"


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(body, content_type=content_type,
                        headers={"Content-Disposition": content_disposition_header(True, filename),
                                 "Cache-Control": "private, no-store"})


@require_safe
@permission_required("insights.view")
def xlsx(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "heatmap")
    heatmap = build_heatmap(campaign=scope.campaign, unit=scope.unit, profile_id=scope.profile_id)
    coverage = selectors.coverage(campaign=scope.campaign, unit=scope.unit, heatmap=heatmap)
    body = heatmap_workbook(HeatmapExport(
        campaign=scope.campaign, heatmap=heatmap, profile_name=scope.profile_name,
        last_day=campaigns.last_day(scope.campaign),
        rates=selectors.response_rates(campaign=scope.campaign, unit=scope.unit), overall=coverage.overall,
    ))
    return _download(body, XLSX, _filename(scope, "heatmap", "xlsx"))


def _column_groups(heatmap) -> list[dict]:
    """The heatmap cut for paper: the units down the page as on screen, the competences in groups that fit
    the page's width, the units' column repeated in every group (and the header on every page a group fills)."""
    groups = []
    for start in range(0, len(heatmap.competences), REPORT_COMPETENCES_PER_TABLE):
        competences = heatmap.competences[start:start + REPORT_COMPETENCES_PER_TABLE]
        rows = [(unit, unit.pk == heatmap.unit.pk, [p.cell_view(heatmap.cell(unit, c)) for c in competences])
                for unit in heatmap.rows]
        groups.append({"competences": competences, "first": competences[0].code, "last": competences[-1].code,
                       "rows": rows})
    return groups


@require_safe
@permission_required("insights.view")
def report(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "heatmap")
    campaign = scope.campaign
    heatmap = build_heatmap(campaign=campaign, unit=scope.unit, profile_id=scope.profile_id)
    coverage = selectors.coverage(campaign=campaign, unit=scope.unit, heatmap=heatmap)
    rates = selectors.response_rates(campaign=campaign, unit=scope.unit)
    own_rate = next((r for r in rates if r.unit.pk == scope.unit.pk), None)
    context = {
        "campaign": campaign, "unit": scope.unit, "profile_name": scope.profile_name,
        "last_day": campaigns.last_day(campaign), "made": timezone.localtime(), "language": get_language(),
        "own_rate": own_rate, "rates": rates, "overall": p.percent(coverage.overall),
        "k": heatmap.k, "k2": 2 * heatmap.k, "released": heatmap.released,
        "tables": _column_groups(heatmap), "legend": p.legend(),
        "gaps": p.largest_gaps(heatmap, scope.norm_url, limit=REPORT_GAPS),
        "gap_ceiling": p.percent(p.GAP_CEILING), "areas": p.areas_by_strength(heatmap, limit=REPORT_AREAS),
        "wave_in_name": p.wave_in_name(campaign),
    }
    try:
        pdf = render_pdf("insights/report.html", context)
    except PdfUnavailable:
        return render(request, "insights/pdf_unavailable.html", status=503)
    return _download(pdf, "application/pdf", _filename(scope, "rapport", "pdf"))
