"""The insight pages of a municipality: the campaigns, the unit picker, and per unit the heatmap, coverage and
level distributions, knowledge checks against self-ratings and the change between waves."""

from __future__ import annotations

from dataclasses import replace

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from digikomp.assessments.campaigns import selectors as campaigns
from digikomp.catalogue.links import cases_about_areas
from digikomp.frameworks.models import Area
from digikomp.insights import selectors
from digikomp.insights.heatmap import build_heatmap
from digikomp.insights.views import presentation as p
from digikomp.insights.views.common import resolve, wave_redirect
from digikomp.lib.svg import Bar, bar_chart
from digikomp.tenancy import selectors as tenancy
from digikomp.tenancy.decorators import permission_required


@require_safe
@permission_required("insights.view")
def index(request):
    rows = [{"campaign": c, "status": campaigns.status_of(c), "last_day": campaigns.last_day(c)}
            for c in campaigns.campaigns_for(request.access)]
    return render(request, "insights/index.html", {"rows": rows})


@require_safe
@permission_required("insights.view")
def campaign(request, pk: int):
    """Where to start: straight to the heatmap of the one unit the requester sees from, else a choice."""
    access = request.access
    campaign = campaigns.get_campaign(access, pk)
    tops = list(tenancy.top_units(access).order_by("name", "pk"))
    if len(tops) == 1:
        return redirect("insights:heatmap", pk=campaign.pk, unit=tops[0].external_id)
    return render(request, "insights/campaign.html", {"campaign": campaign, "units": tops})


@require_safe
@permission_required("insights.view")
def heatmap(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "heatmap")
    if (response := wave_redirect(request, scope, "heatmap")) is not None:
        return response
    heatmap = build_heatmap(campaign=scope.campaign, unit=scope.unit, profile_id=scope.profile_id)
    coverage = selectors.coverage(campaign=scope.campaign, unit=scope.unit, heatmap=heatmap)
    return render(request, "insights/heatmap.html", {
        **scope.context("heatmap"),
        "profile_filter": True,
        "heatmap": heatmap,
        "rows": p.heatmap_rows(heatmap, scope.unit_url),
        "legend": p.legend(),
        "gaps": _with_cases(scope.campaign, p.largest_gaps(heatmap, scope.norm_url)),
        "gap_ceiling": p.percent(p.GAP_CEILING),
        "national": p.national_row(heatmap, selectors.national_comparison(campaign=scope.campaign,
                                                                          profile_id=scope.profile_id)),
        "national_minimum": selectors.NATIONAL_MIN_MUNICIPALITIES,
        "overall": p.percent(coverage.overall), "overall_partial": coverage.bounded_left_out,
    })


def _with_cases(campaign, gaps: list[p.Gap]) -> list[p.Gap]:
    """Each gap with the way from it to the catalogue's cases about its area: where to start closing it."""
    links = cases_about_areas(campaign.framework_version,
                              Area.objects.filter(pk__in={gap.competence.area_id for gap in gaps}))
    return [replace(gap, cases=links.get(gap.competence.area_id)) for gap in gaps]


def _distribution_chart(distribution, level_names: dict[int, str], id_prefix: str):
    levels = distribution.levels
    n = sum(levels.values())
    bars = [Bar(f"{value}. {level_names.get(value, '')}".strip(), count,
                f"{count} ({p.percent(count / n)})" if n else str(count))
            for value, count in sorted(levels.items())]
    title = _("Levels in %(competence)s") % {"competence": f"{distribution.competence.code} "
                                                            f"{distribution.competence.title}"}
    description = _("Number of people at each level; %(n)s answered “don't know”.") % {
        "n": distribution.dont_know}
    return bar_chart(bars, title=title, description=description,
                     max_value=max(levels.values(), default=0) or 1, id_prefix=id_prefix, width=560,
                     label_width=220, css_class="chart distribution-chart")


@require_safe
@permission_required("insights.view")
def coverage(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "coverage")
    if (response := wave_redirect(request, scope, "coverage")) is not None:
        return response
    coverage = selectors.coverage(campaign=scope.campaign, unit=scope.unit, profile_id=scope.profile_id)
    distributions = {d.competence.identifier: d for d in selectors.distributions(
        campaign=scope.campaign, unit=scope.unit, profile_id=scope.profile_id)}
    level_names = {lv.value: lv.name for lv in scope.campaign.framework_version.levels.all()}
    national = selectors.national_comparison(campaign=scope.campaign, profile_id=scope.profile_id)
    rows = []
    for row in coverage.rows:
        distribution = distributions.get(row.competence.identifier)
        shown = row.n is not None and distribution is not None and not distribution.suppressed
        rows.append({
            "competence": row.competence,
            "hidden": row.n is None,
            "n": row.n,
            "share": p.percent(row.share_meeting, row.share_bound),
            "large_gap": row.share_meeting is not None and row.n and row.share_meeting < p.LARGE_GAP,
            "norm_url": scope.norm_url(row.competence),
            "mean": p.decimal(distribution.mean, bound=distribution.mean_bound) if shown else "",
            "dont_know": distribution.dont_know if shown and distribution.shown else None,
            "chart": _distribution_chart(distribution, level_names, f"dist-{row.competence.pk}")
            if shown and distribution.n and distribution.shown else None,
            "national": p.percent(figure.cell.share_meeting, figure.cell.share_bound)
            if (figure := national.get(row.competence.identifier)) else "",
        })
    return render(request, "insights/coverage.html", {
        **scope.context("coverage"), "profile_filter": True, "rows": rows,
        "overall": p.percent(coverage.overall), "large_gap": p.percent(p.LARGE_GAP),
        "overall_partial": coverage.bounded_left_out, "national": bool(national),
    })


@require_safe
@permission_required("insights.view")
def knowledge(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "knowledge")
    if (response := wave_redirect(request, scope, "knowledge")) is not None:
        return response
    rows = []
    if scope.campaign.knowledge_checks:
        for row in selectors.knowledge_vs_self_rating(campaign=scope.campaign, unit=scope.unit):
            rows.append({"competence": row.competence, "level": row.level, "hidden": row.suppressed,
                         "answered": row.answered, "claimed": p.bounded(str(row.claimed), row.claimed_bound),
                         "below": p.bounded(str(row.below), row.below_bound),
                         "right": p.percent(row.right.value, row.right.bound),
                         "over": p.percent(row.overconfident.value, row.overconfident.bound),
                         "under": p.percent(row.underconfident.value, row.underconfident.bound)})
    level_names = {lv.value: lv.name for lv in scope.campaign.framework_version.levels.all()}
    for row in rows:
        row["level_name"] = level_names.get(row["level"], "")
    return render(request, "insights/knowledge.html", {**scope.context("knowledge"), "rows": rows})


@require_safe
@permission_required("insights.view")
def waves(request, pk: int, unit: str):
    scope = resolve(request, pk, unit, "waves")
    if (response := wave_redirect(request, scope, "waves")) is not None:
        return response
    by_competence = selectors.waves(unit=scope.unit, campaign=scope.campaign)
    rows = []
    for competence in scope.campaign.framework_version.competences.order_by("position"):
        # A wave on an older model may lack a competence; its column stays empty rather than shifting.
        by_wave = {c.campaign.pk: c for c in by_competence.get(competence.identifier, [])}
        shown = [by_wave[w.pk] for w in scope.waves if w.pk in by_wave and by_wave[w.pk].n]
        # A change is a difference of two exact shares: a bound on either end would make it exact by subtraction.
        change = (shown[-1].share_meeting - shown[0].share_meeting
                  if len(shown) > 1 and shown[0].exact and shown[-1].exact else None)
        cells = []
        for wave in scope.waves:
            cell = by_wave.get(wave.pk)
            if cell is None:
                cells.append({"wave": wave, "absent": True})
                continue
            cells.append({"wave": wave, "absent": False, "hidden": cell.n is None, "n": cell.n,
                          "share": p.percent(cell.share_meeting, cell.share_bound),
                          "mean": p.decimal(cell.mean, bound=cell.mean_bound)})
        rows.append({"competence": competence, "cells": cells, "change": p.points(change)})
    return render(request, "insights/waves.html", {
        **scope.context("waves"), "rows": rows, "wave_list": scope.waves,
    })
