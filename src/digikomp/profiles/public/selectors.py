"""Reads for the public profile pages. Only published releases: the national library is the latest published
release, and a municipality's profiles are read against the release it has taken in (always a published
one). Anything else answers 404, exactly like a missing profile."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from digikomp.profiles.models import Adaptation, NormRelease, Profile, ProfileRevision
from digikomp.profiles.selectors import EffectiveProfile, effective_profile, release_for
from digikomp.tenancy.models import Municipality


def latest_release() -> NormRelease:
    release = NormRelease.latest()
    if release is None:
        raise Http404
    return release


def national_revisions(release: NormRelease) -> list[ProfileRevision]:
    return list(
        release.revisions.filter(profile__owner__isnull=True).select_related("profile", "extends")
        .order_by("name_da")
    )


def national_profile(slug: str) -> tuple[Profile, NormRelease]:
    """A national profile as the latest published release states it; 404 if that release does not hold it
    (e.g. a profile so far only in a draft release)."""
    release = latest_release()
    profile = get_object_or_404(Profile.objects.shared(), slug=slug)
    if not profile.revisions.filter(release=release).exists():
        raise Http404
    return profile, release


def municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


def municipal_profile(municipality: Municipality, slug: str) -> EffectiveProfile:
    """The municipality's own local profile with this slug, else the national profile it has adapted; 404 when
    it has neither. A local profile wins a clash of slugs, as it is the one the municipality named."""
    local = Profile.objects.of_municipality(municipality).filter(slug=slug).first()
    if local is not None:
        effective = effective_profile(local, municipality)
    else:
        adaptation = Adaptation.objects.of_municipality(municipality).filter(profile__owner__isnull=True,
                                               profile__slug=slug).select_related("profile").first()
        if adaptation is None:
            raise Http404
        effective = effective_profile(adaptation.profile, municipality)
    if effective.revision is None or effective.release is None:
        raise Http404
    return effective


@dataclass
class MunicipalProfiles:
    release: NormRelease | None
    adapted: list[EffectiveProfile]
    local: list[EffectiveProfile]


def municipal_profiles(municipality: Municipality) -> MunicipalProfiles:
    adapted, local = [], []
    for adaptation in Adaptation.objects.of_municipality(municipality).select_related("profile"):
        effective = effective_profile(adaptation.profile, municipality)
        if effective.revision is not None:
            adapted.append(effective)
    for profile in Profile.objects.of_municipality(municipality):
        effective = effective_profile(profile, municipality)
        if effective.revision is not None:
            local.append(effective)
    adapted.sort(key=lambda e: e.name.casefold())
    local.sort(key=lambda e: e.name.casefold())
    return MunicipalProfiles(release_for(municipality), adapted, local)
