"""Reads for the municipality's profile pages, each starting from the requester's Access.

A profile page only ever shows the requester's own municipality: national profiles are read in the release
that municipality has taken in, local profiles and adaptations are looked up with the municipality in the
query, so another municipality's local profile is a 404 exactly like a missing one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from uuid import UUID

from django.http import Http404

from digikomp.frameworks.models import Competence, FrameworkVersion
from digikomp.profiles import selectors as core
from digikomp.profiles.models import (
    Adaptation,
    AdaptationChange,
    JobProfile,
    MunicipalNorm,
    NormRelease,
    Profile,
    ProfileRevision,
)
from digikomp.profiles.municipal import words
from digikomp.profiles.resolution import Deviation, Effective
from digikomp.tenancy.access import Access
from digikomp.tenancy.models import Municipality

DEVIATION_KINDS = [Deviation.RAISED, Deviation.LOWERED, Deviation.ADDED, Deviation.REMOVED,
                   Deviation.IMPORTANCE]


def municipality_of(access: Access) -> Municipality:
    if access.municipality is None:
        raise Http404
    return access.municipality


def current_release(access: Access) -> NormRelease | None:
    return core.release_for(municipality_of(access))


def newer_release(municipality: Municipality) -> NormRelease | None:
    """The latest published release when the municipality has taken in an older one."""
    norm = MunicipalNorm.objects.of_municipality(municipality).select_related("release").first()
    latest = NormRelease.latest()
    if norm is None or latest is None or norm.release_id == latest.pk:
        return None
    return latest


def level_names(version: FrameworkVersion) -> dict[int, str]:
    return {level.value: level.name for level in version.levels.all()}


def national_revisions(release: NormRelease | None) -> dict[int, ProfileRevision]:
    """Profile pk -> its revision in the release, for every national profile the release holds."""
    if release is None:
        return {}
    revisions = (ProfileRevision.objects.shared().filter(release=release)
                 .select_related("profile"))
    return {r.profile_id: r for r in revisions}


def get_national_profile(access: Access, slug: str) -> Profile:
    release = current_release(access)
    profile = Profile.objects.shared().filter(slug=slug).first()
    if release is None or profile is None or core.revision_in(profile, release) is None:
        raise Http404
    return profile


def get_adaptation(access: Access, profile: Profile) -> Adaptation | None:
    return Adaptation.objects.of_municipality(municipality_of(access)).filter(profile=profile).first()


def local_profiles(access: Access):
    return (Profile.objects.of_municipality(municipality_of(access))
            .prefetch_related("revisions__requirements").order_by("slug"))


def get_local_profile(access: Access, slug: str) -> Profile:
    profile = Profile.objects.of_municipality(municipality_of(access)).filter(slug=slug).first()
    if profile is None:
        raise Http404
    return profile


def local_revision(profile: Profile) -> ProfileRevision:
    revision = core.revision_in(profile, None)
    if revision is None:  # a local profile made outside these pages without a revision: nothing to show
        raise Http404
    return revision


# --- Rows with their deviation in words -------------------------------------------------------------------


@dataclass
class Line:
    """One competence of an effective profile, ready for a table: what the norm says, what applies here, and
    the difference in words (so the page never relies on colour alone)."""

    competence: Competence
    effective: Effective
    norm_label: str
    local_label: str
    text: str

    @property
    def kind(self) -> str:
        return str(self.effective.deviation)

    @property
    def importance_label(self) -> str:
        return words.importance(self.effective.importance) if self.effective.importance else ""

    @property
    def norm_importance_label(self) -> str:
        return words.importance(self.effective.norm_importance) if self.effective.norm_importance else ""


def lines(effective: core.EffectiveProfile) -> list[Line]:
    names = level_names(effective.release.framework_version) if effective.release else {}
    return [
        Line(competence, item, words.level(item.norm_level, names), words.level(item.level, names),
             words.deviation(item, names))
        for competence, item in effective.rows()
    ]


# --- The library ------------------------------------------------------------------------------------------


@dataclass
class NationalRow:
    profile: Profile
    revision: ProfileRevision
    extends: ProfileRevision | None
    adaptation: Adaptation | None = None
    deviations: int = 0
    job_codes: int = 0


@dataclass
class LocalRow:
    profile: Profile
    revision: ProfileRevision | None
    extends: ProfileRevision | None
    own_requirements: int
    job_codes: int = 0


@dataclass
class Library:
    release: NormRelease | None
    newer: NormRelease | None
    national: list[NationalRow] = field(default_factory=list)
    local: list[LocalRow] = field(default_factory=list)


def library(access: Access) -> Library:
    municipality = municipality_of(access)
    release = core.release_for(municipality)
    revisions = national_revisions(release)
    adaptations = {a.profile_id: a for a in Adaptation.objects.of_municipality(municipality)}
    mapped = Counter(JobProfile.objects.of_municipality(municipality)
                     .values_list("profile_id", flat=True))
    national = []
    for revision in sorted(revisions.values(), key=lambda r: r.name.casefold()):
        row = NationalRow(revision.profile, revision, revisions.get(revision.extends_id),
                          adaptations.get(revision.profile_id), job_codes=mapped[revision.profile_id])
        if row.adaptation is not None:
            row.deviations = len(core.effective_profile(revision.profile, municipality, release).deviations)
        national.append(row)
    local = []
    for profile in local_profiles(access):
        revision = next((r for r in profile.revisions.all() if r.release_id is None), None)
        extends = revisions.get(revision.extends_id) if revision and revision.extends_id else None
        own = len(revision.requirements.all()) if revision else 0
        local.append(LocalRow(profile, revision, extends, own, mapped[profile.pk]))
    local.sort(key=lambda row: (row.revision.name if row.revision else row.profile.slug).casefold())
    return Library(release, newer_release(municipality), national, local)


# --- Deviations across the municipality -------------------------------------------------------------------


@dataclass
class DeviationSummaryRow:
    effective: core.EffectiveProfile
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        return [self.counts.get(kind, 0) for kind in DEVIATION_KINDS]


def deviation_summary(access: Access) -> list[DeviationSummaryRow]:
    municipality = municipality_of(access)
    release = core.release_for(municipality)
    rows = []
    adaptations = Adaptation.objects.of_municipality(municipality).select_related("profile")
    for adaptation in adaptations:
        effective = core.effective_profile(adaptation.profile, municipality, release)
        counts = Counter(str(e.deviation) for e in effective.deviations)
        rows.append(DeviationSummaryRow(effective, dict(counts)))
    rows.sort(key=lambda row: row.effective.name.casefold())
    return rows


def deviation_totals(rows: list[DeviationSummaryRow]) -> list[int]:
    return [sum(row.counts.get(kind, 0) for row in rows) for kind in DEVIATION_KINDS]


# --- Choices for the forms --------------------------------------------------------------------------------


def level_choices(version: FrameworkVersion) -> list[tuple[int, str]]:
    return [(level.value, words.level(level.value, {level.value: level.name}))
            for level in version.levels.all()]


def competence_choices(version: FrameworkVersion, exclude: set[UUID] = frozenset(),
                       note: dict[UUID, str] | None = None) -> list:
    """Competences of the version grouped by their area (optgroups), by code; `note` adds a hint per item."""
    note = note or {}
    groups: dict[str, list] = {}
    order: list[str] = []
    ordered = version.competences.select_related("area").order_by("area__position", "position", "code")
    for competence in ordered:
        if competence.identifier in exclude:
            continue
        group = f"{competence.area.code} {competence.area.title}"
        if group not in groups:
            groups[group] = []
            order.append(group)
        label = f"{competence.code} {competence.title}"
        if competence.identifier in note:
            label = f"{label} ({note[competence.identifier]})"
        groups[group].append((competence.code, label))
    return [(group, groups[group]) for group in order]


def profile_choices(access: Access) -> list:
    """The profiles a job code may map to, national ones under their name in the municipality's release."""
    municipality = municipality_of(access)
    revisions = national_revisions(core.release_for(municipality))
    adaptations = dict(Adaptation.objects.of_municipality(municipality).exclude(local_name="")
                       .values_list("profile_id", "local_name"))
    national = sorted(((pk, adaptations.get(pk) or r.name) for pk, r in revisions.items()),
                      key=lambda item: item[1].casefold())
    local = []
    for profile in local_profiles(access):
        revision = next((r for r in profile.revisions.all() if r.release_id is None), None)
        local.append((profile.pk, revision.name if revision else profile.slug))
    local.sort(key=lambda item: item[1].casefold())
    return [(str(pk), name) for pk, name in national], [(str(pk), name) for pk, name in local]


def profile_name(profile: Profile, municipality: Municipality) -> str:
    return core.effective_profile(profile, municipality).name


def adaptation_change_ids(municipality: Municipality) -> dict[tuple[int, UUID], int]:
    """(profile pk, competence identifier) -> AdaptationChange pk, to name a conflict's change in a form."""
    return {
        (profile_id, identifier): pk
        for pk, profile_id, identifier in AdaptationChange.objects.of_municipality(municipality)
        .values_list("pk", "adaptation__profile_id", "competence_identifier")
    }
