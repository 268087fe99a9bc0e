"""Edits of the national profiles in the draft release: a revision's texts and the profile it extends, its
requirements, and a new national profile.

Starting and publishing a release live in profiles/services.py. Every function here locks the release row,
refuses a published release, validates everything before writing and leaves one audit entry.
"""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digikomp.audit.models import log_action
from digikomp.profiles.editor.selectors import chain_pks
from digikomp.profiles.models import Importance, NormRelease, Profile, ProfileRevision, Requirement
from digikomp.profiles.services import ProfileError

REVISION_FIELDS = (
    "name_da",
    "name_en",
    "description_da",
    "description_en",
    "extends",
    "esco_uri",
    "esco_title",
    "job_titles",
)


def ensure_draft(release: NormRelease) -> None:
    """Refuse a published release (the views ask before showing a form; the services ask again, locked)."""
    if release.is_published:
        raise ProfileError(
            [
                _("Release %(version)s is published and can no longer be changed.")
                % {"version": release.version}
            ]
        )


def _lock_draft(release: NormRelease) -> NormRelease:
    """The release as the database has it now, locked for the transaction; refused if published meanwhile."""
    fresh = NormRelease.objects.select_for_update().select_related("framework_version").get(pk=release.pk)
    ensure_draft(fresh)
    return fresh


def _check_extends(release: NormRelease, profile: Profile | None, extends: Profile | None) -> None:
    if extends is None:
        return
    if not extends.is_national:
        raise ProfileError([_("A national profile can only extend another national profile.")])
    links = dict(release.revisions.values_list("profile_id", "extends_id"))
    if extends.pk not in links:
        raise ProfileError(
            [
                _("%(profile)s is not part of release %(version)s.")
                % {"profile": extends.slug, "version": release.version}
            ]
        )
    if profile is not None and profile.pk in chain_pks(extends.pk, links):
        raise ProfileError(
            [_("A profile cannot extend itself, directly or through the profiles it extends.")]
        )


def _save(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as invalid:
        raise ProfileError.from_validation_error(invalid) from None
    obj.save()


@transaction.atomic
def revision_update(*, revision: ProfileRevision, actor=None, **fields) -> ProfileRevision:
    """Change a national profile's names, description, ESCO occupation, job titles and what it extends."""
    release = _lock_draft(revision.release)
    unknown = set(fields) - set(REVISION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    if "extends" in fields:
        _check_extends(release, revision.profile, fields["extends"])
    changed = []
    for name, value in fields.items():
        if getattr(revision, name, None) != value:
            changed.append(name)
            setattr(revision, name, value)
    _save(revision)
    log_action(
        "norm.profile.update",
        actor=actor,
        obj=revision,
        data={"release": release.version, "profile": revision.profile.slug, "fields": changed},
    )
    return revision


@transaction.atomic
def requirements_replace(
    *, revision: ProfileRevision, rows: list[tuple[UUID, int, str]], actor=None
) -> list[Requirement]:
    """Make (competence identifier, level, importance) rows the revision's own requirements, all or
    nothing."""
    release = _lock_draft(revision.release)
    framework_version = release.framework_version
    competences = {c.identifier: c for c in framework_version.competences.all()}
    levels = set(framework_version.levels.values_list("value", flat=True))
    problems, seen = [], set()
    for identifier, level, importance in rows:
        competence = competences.get(identifier)
        if competence is None:
            problems.append(
                _("The competence %(id)s is not in the model of this release.") % {"id": identifier}
            )
            continue
        if identifier in seen:
            problems.append(_("%(code)s is listed more than once.") % {"code": competence.code})
        seen.add(identifier)
        if level not in levels:
            problems.append(
                _("%(code)s: level %(level)s is outside the scale.")
                % {"code": competence.code, "level": level}
            )
        if importance not in Importance.values:
            problems.append(
                _("%(code)s: unknown importance %(value)s.") % {"code": competence.code, "value": importance}
            )
    if problems:
        raise ProfileError(problems)
    before = {r.competence_identifier: (r.level, r.importance) for r in revision.requirements.all()}
    after = {identifier: (level, importance) for identifier, level, importance in rows}

    def codes(identifiers):
        return sorted(competences[i].code if i in competences else str(i) for i in identifiers)

    revision.requirements.all().delete()
    created = Requirement.objects.bulk_create(
        Requirement(revision=revision, competence_identifier=identifier, level=level, importance=importance)
        for identifier, level, importance in rows
    )
    log_action(
        "norm.requirements.update",
        actor=actor,
        obj=revision,
        data={
            "release": release.version,
            "profile": revision.profile.slug,
            "added": codes(after.keys() - before.keys()),
            "removed": codes(before.keys() - after.keys()),
            "changed": codes(i for i in after.keys() & before.keys() if after[i] != before[i]),
        },
    )
    return created


@transaction.atomic
def national_profile_create(
    *,
    release: NormRelease,
    slug: str,
    name_da: str,
    name_en: str = "",
    extends: Profile | None = None,
    actor=None,
) -> ProfileRevision:
    """A new national profile, written into the draft release (it appears with the release's publication)."""
    release = _lock_draft(release)
    profile = Profile.objects.shared().filter(slug=slug).first()
    if profile is not None and profile.revisions.filter(release=release).exists():
        raise ProfileError([_("The release already has a profile with the slug %(slug)s.") % {"slug": slug}])
    _check_extends(release, profile, extends)
    framework = release.framework_version.framework
    if profile is None:
        profile = Profile(owner=None, slug=slug, framework=framework)
        _save(profile)
    elif profile.framework_id != framework.pk:
        raise ProfileError([_("The profile %(slug)s belongs to another framework.") % {"slug": slug}])
    revision = ProfileRevision(
        profile=profile, release=release, extends=extends, name_da=name_da, name_en=name_en
    )
    _save(revision)
    log_action(
        "norm.profile.create", actor=actor, obj=revision, data={"release": release.version, "profile": slug}
    )
    return revision
