"""Public pages of the competence models (/normen/): the overview of the norm, one published version of a
model with its areas, competences, scale and changelog, one competence with its level descriptors, and the
downloads (open data JSON/CSV, Moodle CSV, CASE package). Open to everyone; drafts answer 404."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from digikomp.frameworks.case import export_package
from digikomp.frameworks.exports import moodle_csv, open_data_csv, open_data_json
from digikomp.frameworks.models import Area, FrameworkVersion, ProficiencyLevel
from digikomp.frameworks.public import lineage
from digikomp.frameworks.public.attribution import (
    DIGCOMP_LICENCE,
    DIGCOMP_PUBLICATION_URL,
    DIGCOMP_SLUG,
    licence,
)
from digikomp.frameworks.selectors import (
    get_published_version,
    public_frameworks,
    published_versions,
    version_tree,
)
from digikomp.lib.i18n import localized
from digikomp.lib.pdf import PdfUnavailable, render_pdf
from digikomp.profiles.models import NormRelease

# Where CASE URIs of our items point: the same base the API's CASE endpoint uses, so packages downloaded from
# the public page and fetched from the API name every item identically.
CASE_BASE_PATH = "/api/v1/case"
# Excel only reads a CSV as UTF-8 (æ, ø, å) when it starts with a byte order mark.
BOM = "\ufeff"


def _texts(obj, *names: str):
    """Attach the active language's text of each bilingual field as `obj.texts[name]`, for templates."""
    obj.texts = {name: localized(obj, name) for name in names}
    return obj


def digcomp_url(version: FrameworkVersion) -> str | None:
    """The page the DigComp codes of `version` link to (with #kompetence-<code> anchors), if it is public."""
    if version.framework.slug == DIGCOMP_SLUG:
        return reverse("norm:framework_version", args=[version.framework.slug, version.version])
    if published_versions().filter(framework__slug=DIGCOMP_SLUG).exists():
        return reverse("norm:framework", args=[DIGCOMP_SLUG])
    return None


@require_safe
def index(request):
    # The national model first; DigComp is the European reference it maps to.
    frameworks = sorted(public_frameworks(), key=lambda f: (f.slug == DIGCOMP_SLUG, f.slug))
    versions = [_texts(framework.latest_published(), "description") for framework in frameworks]
    release = NormRelease.latest()
    profile_count = release.revisions.filter(profile__owner__isnull=True).count() if release else 0
    return render(request, "frameworks/public/index.html", {
        "versions": versions, "release": release, "profile_count": profile_count,
        "digcomp_licence": DIGCOMP_LICENCE, "digcomp_publication_url": DIGCOMP_PUBLICATION_URL,
    })


@require_safe
def framework(request, slug: str):
    return _version_page(request, get_published_version(slug))


@require_safe
def framework_version(request, slug: str, version: str):
    return _version_page(request, get_published_version(slug, version))


def _prepared_tree(version: FrameworkVersion):
    """The version's tree with the active language's texts attached, for the page and the PDF."""
    tree = version_tree(version)
    fates = lineage.fates(version)
    for level in tree.levels:
        _texts(level, "description", "band")
    for competence in tree.competences:
        _texts(competence, "description")
        competence.fate = fates.get(competence.identifier)
    for root in tree.roots:
        for node, depth in _walk(root):
            # Areas sit under the page's h2 "Areas and competences"; HTML has no heading below h6.
            node.depth, node.heading = depth, min(3 + depth, 6)
            _texts(node.area, "description")
    return tree


def _version_page(request, version: FrameworkVersion):
    tree = _prepared_tree(version)
    versions = [_texts(v, "changelog") for v in published_versions().filter(framework=version.framework)
                .order_by("-published_at")]
    latest = versions[0]
    return render(request, "frameworks/public/version.html", {
        "version": _texts(version, "description", "attribution", "changelog"),
        "framework": version.framework,
        "tree": tree,
        "versions": versions,
        "latest": latest,
        "is_latest": latest.pk == version.pk,
        "licence": licence(version.license),
        "digcomp_url": digcomp_url(version),
        "is_digcomp": version.framework.slug == DIGCOMP_SLUG,
        "digcomp_licence": DIGCOMP_LICENCE,
        "digcomp_publication_url": DIGCOMP_PUBLICATION_URL,
        "replaced_count": sum(1 for c in tree.competences if c.fate),
        "downloads": downloads_for(version),
        "pdf_urls": model_pdf_urls(version),
    })


# --- The model as PDF --------------------------------------------------------------------------------------

def model_pdf_urls(version: FrameworkVersion) -> list[tuple[str, str, str]]:
    """(language code, language name in itself, url) of the version's PDF in Danish and English."""
    return [(code, label, reverse("norm:framework_pdf", args=[version.framework.slug, version.version, code]))
            for code, label in (("da", "Dansk"), ("en", "English"))]


MODEL_PDF_TEMPLATE = "frameworks/public/model_pdf.html"


def model_pdf(version: FrameworkVersion, language: str) -> bytes:
    """The published version as a tagged PDF in `language`: levels, areas, competences and every level
    descriptor (raises lib.pdf.PdfUnavailable without Pango)."""
    return render_pdf(MODEL_PDF_TEMPLATE, model_pdf_context(version, language), language=language)


def model_pdf_context(version: FrameworkVersion, language: str) -> dict:
    """What MODEL_PDF_TEMPLATE shows (the demo's publication of the model renders it too)."""
    with translation.override(language):
        tree = _prepared_tree(version)
        for competence in tree.competences:
            competence.levels = [(level, descriptor.text if descriptor else "")
                                 for level, descriptor in zip(tree.levels, competence.descriptor_list,
                                                              strict=True)]
        context = {
            "version": _texts(version, "description", "attribution"), "tree": tree, "language": language,
            "licence": licence(version.license), "is_digcomp": version.framework.slug == DIGCOMP_SLUG,
            "digcomp_licence": DIGCOMP_LICENCE, "digcomp_publication_url": DIGCOMP_PUBLICATION_URL,
            "areas": [node for root in tree.roots for node, _depth in _walk(root)],
        }
        for node in context["areas"]:
            # In the PDF the top areas are h2 and their competences h3, one step deeper per sub-area.
            node.pdf_heading, node.pdf_competence_heading = min(2 + node.depth, 6), min(3 + node.depth, 6)
    return context


@require_safe
def framework_pdf(request, slug: str, version: str, language: str):
    version_obj = get_published_version(slug, version)
    try:
        pdf = model_pdf(version_obj, language)
    except PdfUnavailable:
        return render(request, "profiles/public/pdf_unavailable.html", status=503)
    filename = f"{version_obj.framework.slug}-{version_obj.version}-{language}.pdf"
    return HttpResponse(pdf, content_type="application/pdf",
                        headers={"Content-Disposition": content_disposition_header(False, filename)})


def _walk(node, depth: int = 0):
    yield node, depth
    for child in node.children:
        yield from _walk(child, depth + 1)


@dataclass(frozen=True)
class LevelDescriptor:
    level: ProficiencyLevel
    text: str
    knowledge: str
    skill: str
    attitude: str


@require_safe
def competence(request, slug: str, version: str, code: str):
    version_obj = get_published_version(slug, version)
    competence = get_object_or_404(version_obj.competences.select_related("area"), code=code)
    by_level = {d.level_id: d for d in competence.descriptors.all()}
    descriptors = []
    for level in version_obj.levels.all():
        d = by_level.get(level.pk)
        if d is None:  # a published version has every descriptor; guard anyway rather than fail
            continue
        descriptors.append(LevelDescriptor(_texts(level, "band", "description"), localized(d, "text"),
                                           localized(d, "knowledge"), localized(d, "skill"),
                                           localized(d, "attitude")))
    areas: list[Area] = []
    area: Area | None = competence.area
    while area is not None and len(areas) < 20:
        areas.insert(0, area)
        area = area.parent
    fate = lineage.fates(version_obj).get(competence.identifier)
    latest = version_obj.framework.latest_published()
    return render(request, "frameworks/public/competence.html", {
        "cases": _cases_about(version_obj, competence.area),
        "version": version_obj, "framework": version_obj.framework,
        "competence": _texts(competence, "description"),
        "areas": areas, "descriptors": descriptors, "fate": fate,
        "is_latest": latest is not None and latest.pk == version_obj.pk, "latest": latest,
        "digcomp_url": digcomp_url(version_obj), "is_digcomp": version_obj.framework.slug == DIGCOMP_SLUG,
    })


def _cases_about(version: FrameworkVersion, area: Area):
    """The catalogue's published cases about the competence's area (None outside the national model)."""
    from digikomp.catalogue.links import cases_about_areas

    return cases_about_areas(version, [_texts(area, "title")]).get(area.pk)


# --- Downloads ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Download:
    fmt: str
    label: str
    url: str
    filename: str


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


# fmt -> (content type, file name suffix)
FORMATS = {
    "json": ("application/json; charset=utf-8", ".json"),
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "moodle-da": ("text/csv; charset=utf-8", "-moodle-da.csv"),
    "moodle-en": ("text/csv; charset=utf-8", "-moodle-en.csv"),
    "case": ("application/json; charset=utf-8", "-case.json"),
}


def _filename(version: FrameworkVersion, fmt: str) -> str:
    return f"{version.framework.slug}-{version.version}{FORMATS[fmt][1]}"


def downloads_for(version: FrameworkVersion) -> list[Download]:
    labels = {
        "json": _("The model as open data (JSON)"),
        "csv": _("Level descriptors as a spreadsheet (CSV, semicolon-separated)"),
        "moodle-da": _("Moodle competency framework (CSV, Danish)"),
        "moodle-en": _("Moodle competency framework (CSV, English)"),
        "case": _("1EdTech CASE package (JSON)"),
    }
    return [
        Download(fmt, labels[fmt], reverse("norm:framework_download", args=[version.framework.slug,
                                                                              version.version, fmt]),
                 _filename(version, fmt))
        for fmt in FORMATS
    ]


@require_safe
def download(request, slug: str, version: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    version_obj = get_published_version(slug, version)
    if fmt == "json":
        body = _json(open_data_json(version_obj))
    elif fmt == "csv":
        body = BOM + open_data_csv(version_obj)
    elif fmt in ("moodle-da", "moodle-en"):
        # Moodle's importer reads plain UTF-8 and would keep a BOM in the first column name.
        body = moodle_csv(version_obj, language=fmt.rsplit("-", 1)[1])
    else:
        body = _json(export_package(version_obj, request.build_absolute_uri(CASE_BASE_PATH)))
    return HttpResponse(body, content_type=FORMATS[fmt][0], headers={
        "Content-Disposition": content_disposition_header(True, _filename(version_obj, fmt)),
    })
