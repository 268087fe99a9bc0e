"""The national picture for national editors: each municipality's latest campaign on one version of the model
as a row, under the same anonymity rule (insights.selectors.national_heatmap)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from digikomp.assessments.models import Campaign
from digikomp.frameworks.models import FrameworkVersion
from digikomp.insights.selectors import national_heatmap
from digikomp.insights.views import presentation as p
from digikomp.lib.anonymity import national_floor
from digikomp.profiles.models import NormRelease
from digikomp.tenancy.decorators import permission_required

VERSION_PARAM = "version"


def _default(versions: list[FrameworkVersion]) -> FrameworkVersion | None:
    """The model of the latest norm release, when some municipality has mapped against it."""
    release = NormRelease.latest()
    return next((v for v in versions if release and v.pk == release.framework_version_id),
                versions[0] if versions else None)


@require_safe
@permission_required("insights.national")
def national(request):
    versions = list(FrameworkVersion.objects.filter(pk__in=Campaign.objects.values("framework_version"))
                    .select_related("framework").order_by("framework__slug", "-published_at", "-pk"))
    raw = request.GET.get(VERSION_PARAM, "").strip()
    if raw:
        version = next((v for v in versions if str(v.pk) == raw), None)
        if version is None:
            raise Http404
    else:
        version = _default(versions)
    context = {"versions": versions, "version": version, "k": national_floor(), "k2": 2 * national_floor(), "released": True, "legend": p.legend()}
    if version is not None:
        picture = national_heatmap(framework_version=version)
        context.update(
            competences=picture.competences,
            rows=[(m, [(c, p.cell_view(picture.cells.get((m.pk, c.identifier))))
                       for c in picture.competences]) for m in picture.municipalities],
        )
    return render(request, "insights/national.html", context)
