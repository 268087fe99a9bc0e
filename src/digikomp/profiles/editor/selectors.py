"""Reads for the release editor: every release (the draft included), a release's national profiles, and
the choices the profile forms offer (profiles to extend, competences and levels of the release's model)."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404

from digikomp.frameworks.models import Framework, FrameworkVersion
from digikomp.profiles import selectors
from digikomp.profiles.models import Importance, NormRelease, Profile, ProfileRevision
from digikomp.profiles.services import shipped_library


def national_framework() -> Framework | None:
    """The framework the norm is written in: the one the newest release uses, else the shipped library's."""
    release = NormRelease.objects.select_related("framework_version__framework").order_by("-id").first()
    if release is not None:
        return release.framework_version.framework
    return Framework.objects.filter(slug=shipped_library()["framework"]).first()


def framework_version_choices():
    """The published versions of the national model a new release may be written against, newest first."""
    framework = national_framework()
    if framework is None:
        return FrameworkVersion.objects.none()
    return framework.versions.filter(status=FrameworkVersion.Status.PUBLISHED).order_by("-published_at")


def editor_releases():
    return (
        NormRelease.objects.select_related("framework_version__framework")
        .annotate(profile_count=Count("revisions"))
        .order_by("status", "-published_at", "-id")
    )


def get_release(version: str) -> NormRelease:
    return get_object_or_404(
        NormRelease.objects.select_related("framework_version__framework"), version=version
    )


def release_revisions(release: NormRelease) -> list[ProfileRevision]:
    """The release's national profiles by name, each with `requirement_count` and `extends_name` (the name
    the profile it extends has in this release)."""
    revisions = list(
        release.revisions.filter(profile__owner__isnull=True)
        .select_related("profile", "extends")
        .annotate(requirement_count=Count("requirements"))
        .order_by("name_da")
    )
    names = {r.profile_id: r.name for r in revisions}
    for revision in revisions:
        revision.extends_name = names.get(
            revision.extends_id, revision.extends.slug if revision.extends else ""
        )
    return revisions


def get_revision(release: NormRelease, slug: str) -> ProfileRevision:
    return get_object_or_404(
        ProfileRevision.objects.shared().select_related("profile", "extends", "release"),
        release=release,
        profile__slug=slug,
    )


def chain_pks(start: int, extends: dict[int, int | None]) -> list[int]:
    """Profile pks from `start` up its extends chain in one release, nearest first (stops at a cycle)."""
    chain, current = [], start
    while current is not None and current not in chain:
        chain.append(current)
        current = extends.get(current)
    return chain


def extends_candidates(release: NormRelease, profile: Profile | None = None):
    """National profiles of the release that `profile` may extend: not itself, and none that (through its
    own chain) already extends it, so the chain can never loop."""
    candidates = Profile.objects.shared().filter(revisions__release=release).distinct()
    if profile is None:
        return candidates
    extends = dict(release.revisions.values_list("profile_id", "extends_id"))
    blocked = {pk for pk in extends if profile.pk in chain_pks(pk, extends)}
    return candidates.exclude(pk__in=blocked)


def inherited(revision: ProfileRevision) -> tuple[str, list[tuple]]:
    """The name of the profile the revision extends and the (competence, level, importance label) rows it
    inherits from it (its whole chain merged), in framework order."""
    if revision.extends is None:
        return "", []
    parent = selectors.revision_in(revision.extends, revision.release)
    norm = selectors.national_norm(revision.extends, revision.release)
    competences = selectors.competences_of(revision.release.framework_version)
    rows = sorted(
        (
            (competences[i], req.level, Importance(req.importance).label)
            for i, req in norm.items()
            if i in competences
        ),
        key=lambda row: (row[0].position, row[0].code),
    )
    return (parent.name if parent else revision.extends.slug), rows
