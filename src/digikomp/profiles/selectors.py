"""Reads of the norm: a profile's norm in a release, the effective profile of a municipality, and which
profile applies to a person. Every aggregate of "what does this role need" comes through here."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from digikomp.frameworks.models import Competence, FrameworkVersion
from digikomp.profiles.models import (
    Adaptation,
    AdaptationChange,
    JobProfile,
    MunicipalNorm,
    NormRelease,
    Profile,
    ProfileRevision,
)
from digikomp.profiles.resolution import Change, Effective, Req, apply_overlay, merge_chain
from digikomp.tenancy.models import Municipality, Person

MAX_CHAIN = 10  # an extends chain longer than this is a cycle the editors created by mistake


def revision_in(profile: Profile, release: NormRelease | None) -> ProfileRevision | None:
    """A national profile's revision in a release, or a local profile's living revision."""
    if profile.is_national:
        return profile.revisions.filter(release=release).first() if release else None
    return profile.revisions.filter(release__isnull=True).first()


def _requirements(revision: ProfileRevision) -> list[Req]:
    return [Req(r.competence_identifier, r.level, r.importance) for r in revision.requirements.all()]


def release_for(municipality: Municipality | None) -> NormRelease | None:
    """The release a municipality has taken in; the public and national views read the latest."""
    if municipality is not None:
        norm = MunicipalNorm.objects.of_municipality(municipality).select_related("release").first()
        if norm:
            return norm.release
    return NormRelease.latest()


def national_norm(profile: Profile, release: NormRelease) -> dict[UUID, Req]:
    """The national profile's requirements with its extends chain merged, as the release states them."""
    chain = []
    current: Profile | None = profile
    seen = set()
    while current is not None and current.pk not in seen and len(chain) < MAX_CHAIN:
        seen.add(current.pk)
        revision = revision_in(current, release)
        if revision is None:
            break
        chain.append(_requirements(revision))
        current = revision.extends
    return merge_chain(list(reversed(chain)))


def overlay_for(municipality: Municipality, profile: Profile) -> list[Change]:
    changes = AdaptationChange.objects.of_municipality(municipality).filter(adaptation__profile=profile)
    return [
        Change(c.competence_identifier, c.action, c.level, c.importance or None, c.norm_level_then, c.note)
        for c in changes
    ]


@dataclass
class EffectiveProfile:
    profile: Profile
    revision: ProfileRevision | None
    release: NormRelease | None
    items: list[Effective]
    competences: dict[UUID, Competence]
    adaptation: Adaptation | None = None

    @property
    def name(self) -> str:
        if self.adaptation and self.adaptation.local_name:
            return self.adaptation.local_name
        return self.revision.name if self.revision else self.profile.slug

    @property
    def required(self) -> list[Effective]:
        return [e for e in self.items if e.level is not None]

    @property
    def deviations(self) -> list[Effective]:
        return [e for e in self.items if e.deviation != "none"]

    def rows(self):
        """(competence, effective) pairs in framework order, for tables and charts."""
        order = {c.identifier: (c.position, c.code) for c in self.competences.values()}
        items = [e for e in self.items if e.identifier in self.competences]
        items.sort(key=lambda e: order[e.identifier])
        return [(self.competences[e.identifier], e) for e in items]


def competences_of(framework_version: FrameworkVersion) -> dict[UUID, Competence]:
    return {c.identifier: c for c in framework_version.competences.select_related("area")}


def effective_profile(profile: Profile, municipality: Municipality | None = None,
                      release: NormRelease | None = None) -> EffectiveProfile:
    """The requirements that apply to a profile in a municipality (or nationally when municipality is None).

    National profile: its norm in the municipality's release, plus the municipality's overlay.
    Local profile: the effective profile it extends (adaptation included), then its own requirements.
    """
    release = release or release_for(municipality)
    adaptation = None
    if profile.is_national:
        norm = national_norm(profile, release) if release else {}
        changes: list[Change] = []
        if municipality is not None:
            adaptation = Adaptation.objects.of_municipality(municipality).filter(profile=profile).first()
            changes = overlay_for(municipality, profile) if adaptation else []
        items = apply_overlay(norm, changes)
        revision = revision_in(profile, release)
    else:
        revision = revision_in(profile, None)
        base: dict[UUID, Req] = {}
        if revision and revision.extends_id:
            parent = effective_profile(revision.extends, profile.owner, release)
            base = {e.identifier: Req(e.identifier, e.level, e.importance) for e in parent.required}
        own = _requirements(revision) if revision else []
        # For a local profile the "norm" is what it extends; its own requirements are its local deviations.
        items = apply_overlay(base, [Change(r.identifier, "set", r.level, r.importance,
                                            base[r.identifier].level if r.identifier in base else None)
                                     for r in own])
    competences = competences_of(release.framework_version) if release else {}
    return EffectiveProfile(profile, revision, release, items, competences, adaptation)


# The national profile every employee has at least: a person whose job code is not mapped gets it.
DEFAULT_PROFILE_SLUG = "alle-medarbejdere"


def default_profile() -> Profile | None:
    return Profile.objects.shared().filter(slug=DEFAULT_PROFILE_SLUG).first()


def profile_for_person(person: Person) -> Profile | None:
    """The profile of the person's job code, or "Alle medarbejdere" when the code is not mapped."""
    mapping = (
        JobProfile.objects.of_municipality(person.municipality_id).filter(job_code=person.job_code)
        .select_related("profile").first()
    )
    return mapping.profile if mapping else default_profile()
