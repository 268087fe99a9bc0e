"""Links into the catalogue from elsewhere: from a competence of the model, or from a gap in the insights, to
the published cases about the competence's area.

Cases are filed by the area codes of the national model (A1 .. E1), so only the national model's competences
link here; a DigComp competence or a municipality's own framework has no cases filed under its codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from digikomp.catalogue.models import CaseArea
from digikomp.catalogue.selectors import NATIONAL_MODEL_SLUG, PARAMETERS
from digikomp.frameworks.models import Area, FrameworkVersion


@dataclass(frozen=True)
class CasesLink:
    area: Area
    count: int
    url: str


def catalogue_url_for_area(code: str) -> str:
    return reverse("catalogue:index") + "?" + urlencode({PARAMETERS["area"]: code})


def cases_about_areas(version: FrameworkVersion, areas: Iterable[Area]) -> dict[int, CasesLink]:
    """For each area of `version` (by primary key), how many published cases are about it and where they are
    listed; empty when `version` is not the national model's. One query, whatever the number of areas."""
    areas = list(areas)
    if version.framework.slug != NATIONAL_MODEL_SLUG or not areas:
        return {}
    counts = dict(CaseArea.objects.shared().filter(code__in={a.code for a in areas})
                  .values_list("code").annotate(n=Count("case", distinct=True)).values_list("code", "n"))
    return {a.pk: CasesLink(a, counts.get(a.code, 0), catalogue_url_for_area(a.code)) for a in areas}
