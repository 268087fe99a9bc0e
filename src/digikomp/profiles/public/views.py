"""Public profile pages (/normen/profiler/, /normen/kommuner/<code>/profiler/): the national library, one
national profile, a municipality's adapted and local profiles with their deviations, the PDFs and the
downloads of the national library. Open to everyone; only published releases are read."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from digikomp.frameworks.public.views import BOM, digcomp_url
from digikomp.lib.pdf import PdfUnavailable, render_pdf
from digikomp.profiles.models import NormRelease
from digikomp.profiles.public import exports, selectors
from digikomp.profiles.public.groups import group_revisions
from digikomp.profiles.public.presentation import profile_view
from digikomp.profiles.selectors import effective_profile, revision_in


@require_safe
def profile_list(request):
    release = NormRelease.latest()
    revisions = selectors.national_revisions(release) if release else []
    return render(request, "profiles/public/list.html", {
        "release": release, "groups": group_revisions(revisions), "count": len(revisions),
    })


@require_safe
def profile_detail(request, slug: str):
    profile, release = selectors.national_profile(slug)
    view = profile_view(effective_profile(profile, None, release))
    extended_by = [r for r in selectors.national_revisions(release) if r.extends_id == profile.pk]
    return render(request, "profiles/public/profile.html", {
        "view": view, "extended_by": extended_by, "pdf_urls": _pdf_urls("norm:profile_pdf", slug=slug),
        "digcomp_url": digcomp_url(release.framework_version),
    })


@require_safe
def municipality_profiles(request, code: str):
    municipality = selectors.municipality(code)
    found = selectors.municipal_profiles(municipality)
    adapted = [(e, len(e.deviations)) for e in found.adapted]
    local = [(e, revision_in(e.revision.extends, e.release) if e.revision.extends_id else None)
             for e in found.local]
    return render(request, "profiles/public/municipality.html", {
        "municipality": municipality, "release": found.release, "adapted": adapted, "local": local,
    })


@require_safe
def municipality_profile(request, code: str, slug: str):
    municipality = selectors.municipality(code)
    effective = selectors.municipal_profile(municipality, slug)
    view = profile_view(effective, municipality=municipality)
    return render(request, "profiles/public/municipal_profile.html", {
        "view": view, "municipality": municipality,
        "pdf_urls": _pdf_urls("norm:municipality_profile_pdf", code=code, slug=slug),
    })


def _pdf_urls(name: str, **kwargs) -> list[tuple[str, str, str]]:
    """(language code, language name in itself, url): each PDF link names its language in that language."""
    return [(code, label, reverse(name, kwargs={**kwargs, "language": code}))
            for code, label in (("da", "Dansk"), ("en", "English"))]


# --- PDF ---------------------------------------------------------------------------------------------------

def _pdf_response(request, view_for, filename: str, language: str):
    # Build the view inside the PDF's language: names, level names and sentences are resolved when built.
    with translation.override(language):
        view = view_for()
        context = {"view": view, "language": language}
    try:
        pdf = render_pdf("profiles/public/profile_pdf.html", context, language=language)
    except PdfUnavailable:
        return render(request, "profiles/public/pdf_unavailable.html", status=503)
    return HttpResponse(pdf, content_type="application/pdf",
                        headers={"Content-Disposition": content_disposition_header(False, filename)})


@require_safe
def profile_pdf(request, slug: str, language: str):
    profile, release = selectors.national_profile(slug)
    return _pdf_response(request, lambda: profile_view(effective_profile(profile, None, release)),
                         f"{slug}-{language}.pdf", language)


@require_safe
def municipality_profile_pdf(request, code: str, slug: str, language: str):
    municipality = selectors.municipality(code)
    effective = selectors.municipal_profile(municipality, slug)
    return _pdf_response(request, lambda: profile_view(effective, municipality=municipality),
                         f"{code}-{slug}-{language}.pdf", language)


# --- Downloads of the national library ---------------------------------------------------------------------

@require_safe
def profiles_download(request, fmt: str):
    release = selectors.latest_release()
    filename = f"nationale-profiler-{release.version}.{fmt}"
    if fmt == "json":
        body = json.dumps(exports.national_profiles_json(release), ensure_ascii=False, indent=2)
        content_type = "application/json; charset=utf-8"
    else:
        body = BOM + exports.national_profiles_csv(release)
        content_type = "text/csv; charset=utf-8"
    return HttpResponse(body, content_type=content_type,
                        headers={"Content-Disposition": content_disposition_header(True, filename)})
