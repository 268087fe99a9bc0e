"""The norm as publications: the published model and the national role profiles as generated PDFs, read from
the latest norm release, so the publications page always lists the PDFs /normen/ serves today."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from digikomp.profiles.models import NormRelease
from digikomp.profiles.public.selectors import national_revisions


@dataclass(frozen=True)
class NormPdf:
    title: str
    page_url: str
    pdf_da: str
    pdf_en: str


@dataclass(frozen=True)
class NormPublications:
    release: NormRelease | None
    model_title: str
    model_url: str
    profiles: list[NormPdf]


def norm_publications() -> NormPublications | None:
    release = NormRelease.latest()
    if release is None:
        return None
    version = release.framework_version
    profiles = [
        NormPdf(revision.name, reverse("norm:profile", args=[revision.profile.slug]),
                reverse("norm:profile_pdf", args=[revision.profile.slug, "da"]),
                reverse("norm:profile_pdf", args=[revision.profile.slug, "en"]))
        for revision in national_revisions(release)
    ]
    return NormPublications(release, version.title, reverse("norm:framework", args=[version.framework.slug]),
                            profiles)
