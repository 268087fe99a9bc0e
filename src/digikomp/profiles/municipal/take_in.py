"""What taking in the latest norm release means for a municipality, ready for the take-in page.

profiles.services.take_in_report does the reasoning (per adapted profile: the norm's changes, the conflicts
with local changes, the local changes the new norm makes redundant); this module puts competence titles and
level names on it and names each conflict's AdaptationChange, which the form's decisions refer to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digikomp.frameworks.models import Competence
from digikomp.profiles import selectors as core
from digikomp.profiles.models import MunicipalNorm, NormRelease, Profile
from digikomp.profiles.municipal import words
from digikomp.profiles.municipal.selectors import adaptation_change_ids, level_names
from digikomp.profiles.services import take_in_report
from digikomp.tenancy.models import Municipality


@dataclass
class NormChangeLine:
    competence: Competence | None
    kind: str
    text: str


@dataclass
class ConflictLine:
    profile_pk: int
    profile_name: str
    competence: Competence | None
    change_pk: int
    kind: str
    text: str

    @property
    def field_name(self) -> str:
        return f"decision-{self.change_pk}"

    @property
    def competence_label(self) -> str:
        return _title(self.competence)

    @property
    def label(self) -> str:
        return f"{self.profile_name}: {self.competence_label}"


@dataclass
class RedundantLine:
    competence: Competence | None
    text: str


@dataclass
class ProfileTakeIn:
    profile: Profile
    name: str
    norm_changes: list[NormChangeLine] = field(default_factory=list)
    conflicts: list[ConflictLine] = field(default_factory=list)
    redundant: list[RedundantLine] = field(default_factory=list)


@dataclass
class TakeInPlan:
    current: NormRelease | None  # None: the municipality has not taken in a release yet
    target: NormRelease | None  # None: nothing to take in
    profiles: list[ProfileTakeIn] = field(default_factory=list)

    @property
    def conflicts(self) -> list[ConflictLine]:
        return [conflict for profile in self.profiles for conflict in profile.conflicts]


def _title(competence: Competence | None) -> str:
    return f"{competence.code} {competence.title}" if competence else "?"


def take_in_plan(municipality: Municipality) -> TakeInPlan:
    norm = MunicipalNorm.objects.of_municipality(municipality).select_related("release").first()
    latest = NormRelease.latest()
    current = norm.release if norm else None
    if latest is None or (current is not None and current.pk == latest.pk):
        return TakeInPlan(current, None)
    plan = TakeInPlan(current, latest)
    if current is None:  # nothing adapted yet (adopting records the release), so nothing to reconcile
        return plan
    competences = {**core.competences_of(current.framework_version),
                   **core.competences_of(latest.framework_version)}
    names = {**level_names(current.framework_version), **level_names(latest.framework_version)}
    change_ids = adaptation_change_ids(municipality)
    for profile, report in take_in_report(municipality=municipality, release=latest).items():
        entry = ProfileTakeIn(profile, core.effective_profile(profile, municipality, current).name)
        for change in report.norm_changes:
            entry.norm_changes.append(NormChangeLine(competences.get(change.identifier), str(change.kind),
                                                     words.norm_change(change, names)))
        for conflict in report.conflicts:
            local = conflict.change
            text = words.conflict(conflict.kind, local.level, local.norm_level_then, conflict.new_norm_level,
                                  names)
            entry.conflicts.append(ConflictLine(
                profile.pk, entry.name, competences.get(local.identifier),
                change_ids[(profile.pk, local.identifier)], str(conflict.kind), text,
            ))
        for local in report.redundant:
            entry.redundant.append(RedundantLine(competences.get(local.identifier),
                                                 words.redundant(local.action, local.level, names)))
        if entry.norm_changes or entry.conflicts or entry.redundant:
            plan.profiles.append(entry)
    plan.profiles.sort(key=lambda p: p.name.casefold())
    return plan
