"""Writes to the norm and its adaptation: loading and publishing releases, adapting a national profile,
taking in a new release, local profiles and the job-code mapping."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.audit.models import log_action
from digikomp.frameworks.models import Framework, FrameworkVersion
from digikomp.frameworks.services import FrameworkError
from digikomp.lib.i18n import from_dict
from digikomp.profiles import selectors
from digikomp.profiles.models import (
    Adaptation,
    AdaptationChange,
    Importance,
    MunicipalNorm,
    NormRelease,
    Profile,
    ProfileRevision,
    Requirement,
)
from digikomp.profiles.resolution import take_in


class ProfileError(FrameworkError):
    """A refused change to profiles; `problems` lists every reason."""


def shipped_library() -> dict:
    text = files("digikomp.profiles").joinpath("data", "national_profiles.json").read_text(encoding="utf-8")
    return json.loads(text)


@transaction.atomic
def library_load(*, data: dict, release: NormRelease) -> list[Profile]:
    """Write the national profiles of `data` (shape of profiles/data/national_profiles.json) into a draft
    release, replacing any revision the release already has for the same profile."""
    if release.is_published:
        raise ProfileError([_("Release %(version)s is published and can no longer be changed.")
                            % {"version": release.version}])
    framework_version = release.framework_version
    by_code = {c.code: c for c in framework_version.competences.all()}
    levels = set(framework_version.levels.values_list("value", flat=True))
    problems = []
    for item in data["profiles"]:
        for req in item["requirements"]:
            if req["competence"] not in by_code:
                problems.append(_("Profile %(profile)s: unknown competence %(code)s.")
                                % {"profile": item["slug"], "code": req["competence"]})
            elif int(req["level"]) not in levels:
                problems.append(_("Profile %(profile)s: level %(level)s is outside the scale.")
                                % {"profile": item["slug"], "level": req["level"]})
    if problems:
        raise ProfileError(problems)
    profiles = {}
    for item in data["profiles"]:
        profile, _created = Profile.objects.shared().get_or_create(
            owner=None, slug=item["slug"], defaults={"framework": framework_version.framework}
        )
        profiles[item["slug"]] = profile
    for item in data["profiles"]:
        profile = profiles[item["slug"]]
        profile.revisions.filter(release=release).delete()
        esco = item.get("esco_occupation") or {}
        revision = ProfileRevision.objects.create(
            profile=profile, release=release,
            extends=profiles.get(item.get("extends")) if item.get("extends") else None,
            esco_uri=esco.get("uri", ""), esco_title=esco.get("title", ""),
            job_titles=item.get("job_codes", []),
            **from_dict("name", item["name"]), **from_dict("description", item.get("description")),
        )
        Requirement.objects.bulk_create(
            Requirement(revision=revision, competence_identifier=by_code[r["competence"]].identifier,
                        level=int(r["level"]), importance=r.get("importance", Importance.ESSENTIAL))
            for r in item["requirements"]
        )
    return list(profiles.values())


@transaction.atomic
def release_draft_create(*, version: str, framework_version: FrameworkVersion, actor=None) -> NormRelease:
    """Start the next release as a copy of the latest published one (revisions and requirements)."""
    if NormRelease.objects.filter(status=NormRelease.Status.DRAFT).exists():
        raise ProfileError([_("A draft release already exists.")])
    if NormRelease.objects.filter(version=version).exists():
        raise ProfileError([_("Release %(version)s already exists.") % {"version": version}])
    previous = NormRelease.latest()
    release = NormRelease.objects.create(version=version, framework_version=framework_version, previous=previous)
    if previous:
        for revision in previous.revisions.prefetch_related("requirements"):
            requirements = list(revision.requirements.all())
            revision.pk, revision.release = None, release
            revision.save()
            Requirement.objects.bulk_create(
                Requirement(revision=revision, competence_identifier=r.competence_identifier, level=r.level,
                            importance=r.importance) for r in requirements
            )
    log_action("norm.release.draft", actor=actor, obj=release, data={"version": version})
    return release


def release_problems(release: NormRelease) -> list[str]:
    problems = []
    framework_version = release.framework_version
    if not framework_version.is_published:
        problems.append(_("The release uses an unpublished framework version (%(version)s).")
                        % {"version": framework_version.version})
    known = {c.identifier: c for c in framework_version.competences.all()}
    levels = set(framework_version.levels.values_list("value", flat=True))
    for revision in release.revisions.select_related("profile").prefetch_related("requirements"):
        for req in revision.requirements.all():
            if req.competence_identifier not in known:
                problems.append(_("Profile %(profile)s requires a competence that is not in the framework.")
                                % {"profile": revision.name_da})
            elif req.level not in levels:
                problems.append(_("Profile %(profile)s: level %(level)s is outside the scale.")
                                % {"profile": revision.name_da, "level": req.level})
    if release.previous_id and not release.changelog_da.strip():
        problems.append(_("A new release needs a changelog."))
    return problems


@transaction.atomic
def release_publish(*, release: NormRelease, actor=None, changelog_da: str | None = None,
                    changelog_en: str | None = None) -> NormRelease:
    release = NormRelease.objects.select_for_update().get(pk=release.pk)
    if release.is_published:
        raise ProfileError([_("Release %(version)s is already published.") % {"version": release.version}])
    if changelog_da is not None:
        release.changelog_da, release.changelog_en = changelog_da, changelog_en or ""
    problems = release_problems(release)
    if problems:
        raise ProfileError(problems)
    release.status = NormRelease.Status.PUBLISHED
    release.published_at = timezone.now()
    release.save()
    log_action("norm.release.publish", actor=actor, obj=release, data={"version": release.version})
    return release


def load_shipped_norm(actor=None) -> NormRelease:
    """The shipped national profile library as release 1.0 over the shipped national model; idempotent."""
    existing = NormRelease.objects.filter(version="1.0").first()
    if existing:
        return existing
    data = shipped_library()
    framework = Framework.objects.get(slug=data["framework"])
    release = NormRelease.objects.create(version="1.0", framework_version=framework.latest_published(),
                                         changelog_da="Første udgave af den nationale norm.",
                                         changelog_en="First edition of the national norm.")
    library_load(data=data, release=release)
    return release_publish(release=release, actor=actor)


# --- Local adaptation --------------------------------------------------------------------------------------

def _ensure_norm(municipality) -> MunicipalNorm:
    norm = MunicipalNorm.objects.of_municipality(municipality).first()
    if norm is None:
        latest = NormRelease.latest()
        if latest is None:
            raise ProfileError([_("No norm has been published yet.")])
        norm = MunicipalNorm.objects.create(municipality=municipality, release=latest)
    return norm


@transaction.atomic
def adaptation_get_or_create(*, municipality, profile: Profile, actor=None) -> Adaptation:
    if not profile.is_national:
        raise ProfileError([_("Only national profiles are adapted; edit a local profile directly.")])
    _ensure_norm(municipality)
    adaptation, created = Adaptation.objects.of_municipality(municipality).get_or_create(
        municipality=municipality, profile=profile)
    if created:
        log_action("profile.adopt", actor=actor, municipality=municipality, obj=adaptation,
                   data={"profile": profile.slug})
    return adaptation


def _validate_level(release: NormRelease, level: int) -> None:
    if not release.framework_version.levels.filter(value=level).exists():
        raise ProfileError([_("Level %(level)s is outside the scale.") % {"level": level}])


@dataclass(frozen=True)
class TableRow:
    """One changed row of a requirements table: its form field prefix (the competence's code) and the new values."""

    field: str
    competence_identifier: object
    level: int | None
    importance: str = ""
    note: str = ""


def adaptation_table_save(*, adaptation: Adaptation, rows: list[TableRow], actor=None) -> int:
    """Every changed row of the adaptation's table, all or none: a row the norm refuses stops the whole save,
    and the ProfileError names each refused row's level field ("<code>-level"). Each row is audited as
    adaptation_set audits it. Returns the number of rows saved."""
    with transaction.atomic():
        refused: dict[str, list[str]] = {}
        for row in rows:
            try:
                adaptation_set(adaptation=adaptation, competence_identifier=row.competence_identifier,
                               level=row.level, importance=row.importance, note=row.note, actor=actor)
            except ProfileError as error:
                refused.setdefault(f"{row.field}-level", []).extend(error.messages)
        if refused:
            raise ProfileError(refused)
    return len(rows)


@transaction.atomic
def adaptation_set(*, adaptation: Adaptation, competence_identifier, level: int | None, importance: str = "",
                   note: str = "", actor=None) -> AdaptationChange | None:
    """Raise, lower or add a competence (level), or change only its importance. Setting it back to exactly
    what the norm says removes the change, so the diff view never shows a deviation that is not one."""
    release = selectors.release_for(adaptation.municipality)
    norm = selectors.national_norm(adaptation.profile, release)
    competences = selectors.competences_of(release.framework_version)
    if competence_identifier not in competences:
        raise ProfileError([_("The competence is not in the framework.")])
    current = norm.get(competence_identifier)
    if level is None and current is None:
        raise ProfileError([_("A competence the norm does not hold needs a level.")])
    if level is not None:
        _validate_level(release, level)
    if importance and importance not in Importance.values:
        raise ProfileError([_("Unknown importance %(value)s.") % {"value": importance}])
    adaptation.changes.filter(competence_identifier=competence_identifier).delete()
    data = {"competence": competences[competence_identifier].code, "level": level, "importance": importance}
    if current is not None and (level is None or level == current.level) and importance in ("", current.importance):
        log_action("profile.adapt.reset", actor=actor, municipality=adaptation.municipality, obj=adaptation,
                   data=data)
        return None
    # An importance-only change keeps following the norm's level (level None), so a later release that moves
    # the level does not turn it into a silent lowering or raising.
    keeps_norm_level = current is not None and (level is None or level == current.level)
    change = AdaptationChange.objects.create(
        adaptation=adaptation, competence_identifier=competence_identifier, action=AdaptationChange.Action.SET,
        level=None if keeps_norm_level else level, importance=importance, note=note,
        norm_level_then=current.level if current else None,
    )
    log_action("profile.adapt.set", actor=actor, municipality=adaptation.municipality, obj=adaptation, data=data)
    return change


@transaction.atomic
def adaptation_remove(*, adaptation: Adaptation, competence_identifier, note: str = "",
                      actor=None) -> AdaptationChange | None:
    release = selectors.release_for(adaptation.municipality)
    norm = selectors.national_norm(adaptation.profile, release)
    adaptation.changes.filter(competence_identifier=competence_identifier).delete()
    if competence_identifier not in norm:  # removing a local addition: nothing left to record
        return None
    change = AdaptationChange.objects.create(
        adaptation=adaptation, competence_identifier=competence_identifier,
        action=AdaptationChange.Action.REMOVE, note=note, norm_level_then=norm[competence_identifier].level,
    )
    log_action("profile.adapt.remove", actor=actor, municipality=adaptation.municipality, obj=adaptation,
               data={"competence": str(competence_identifier)})
    return change


def take_in_report(*, municipality, release: NormRelease) -> dict[Profile, object]:
    """For every national profile the municipality adapted: the changes of the norm and the conflicts."""
    current = selectors.release_for(municipality)
    reports = {}
    for adaptation in Adaptation.objects.of_municipality(municipality).select_related("profile"):
        old = selectors.national_norm(adaptation.profile, current)
        new = selectors.national_norm(adaptation.profile, release)
        reports[adaptation.profile] = take_in(old, new, selectors.overlay_for(municipality, adaptation.profile))
    return reports


@transaction.atomic
def release_take_in(*, municipality, release: NormRelease, decisions: dict | None = None, actor=None) -> None:
    """Move the municipality to `release`. `decisions` maps a conflicting AdaptationChange pk to "keep"
    (keep it as a local addition / as it is) or "drop". Every conflict needs a decision: none is resolved
    by default, so no local change disappears without a person choosing it."""
    if not release.is_published:
        raise ProfileError([_("Only a published release can be taken in.")])
    decisions = decisions or {}
    reports = take_in_report(municipality=municipality, release=release)
    missing = []
    for profile, report in reports.items():
        for conflict in report.conflicts:
            change = AdaptationChange.objects.of_municipality(municipality).get(adaptation__profile=profile,
                                                  competence_identifier=conflict.change.identifier)
            decision = decisions.get(change.pk)
            if decision == "drop":
                change.delete()
            elif decision == "keep":
                new_norm = selectors.national_norm(profile, release).get(change.competence_identifier)
                change.norm_level_then = new_norm.level if new_norm else None
                change.save(update_fields=["norm_level_then"])
            else:
                missing.append(change.pk)
    if missing:
        raise ProfileError([ngettext("%(count)s conflict needs a decision before the new norm can be taken in.",
                                     "%(count)s conflicts need a decision before the new norm can be taken in.",
                                     len(missing)) % {"count": len(missing)}])
    # Changes that stay get the new norm level as their reference point.
    for adaptation in Adaptation.objects.of_municipality(municipality).select_related("profile"):
        new_norm = selectors.national_norm(adaptation.profile, release)
        for change in adaptation.changes.all():
            req = new_norm.get(change.competence_identifier)
            change.norm_level_then = req.level if req else None
            change.save(update_fields=["norm_level_then"])
    norm = _ensure_norm(municipality)
    old_version = norm.release.version
    norm.release = release
    norm.save()
    log_action("norm.take_in", actor=actor, municipality=municipality,
               data={"from": old_version, "to": release.version})
