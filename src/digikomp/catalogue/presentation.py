"""A case as pages and the API show it: its classifications in the active language, and its competence areas
with the national model's titles and links to their place in the model."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from digikomp.catalogue.models import Case
from digikomp.catalogue.selectors import NATIONAL_MODEL_SLUG, attach_classifications, national_areas


@dataclass(frozen=True)
class AreaLink:
    code: str
    title: str
    url: str


def area_titles() -> dict[str, str]:
    return {code: area.title for code, area in national_areas().items()}


def case_view(case: Case, titles: dict[str, str]) -> Case:
    """Attach what templates need: the classifications (selectors.attach_classifications, if not there yet),
    area_links and municipality_names."""
    if not hasattr(case, "group_list"):
        attach_classifications([case])
    framework_url = reverse("norm:framework", args=[NATIONAL_MODEL_SLUG])
    case.area_links = [AreaLink(code, titles.get(code, ""), f"{framework_url}#omraade-{code}")
                       for code in case.area_codes]
    case.municipality_names = [m.name for m in case.municipality_list]
    return case
