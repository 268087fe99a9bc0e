"""Writes of a municipality's own profiles, and the local name and note of an adaptation.

A local profile is a Profile owned by the municipality with one living revision (release empty). It may extend
a national profile of the municipality's release; its own requirements then raise, lower or add to what it
extends. Every write is validated in full (level within the scale, competence in the framework, slug unique
within the municipality and not a national profile's) and audit-logged.
"""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from digikomp.audit.models import log_action
from digikomp.profiles import selectors as core
from digikomp.profiles.models import Adaptation, Importance, JobProfile, Profile, ProfileRevision, Requirement
from digikomp.profiles.services import ProfileError, TableRow
from digikomp.tenancy.models import Municipality

# Path segments of the local-profile pages that a slug must not take (lokale/ny/ creates a profile).
RESERVED_SLUGS = frozenset({"ny"})
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


class LocalProfileError(ProfileError):
    """A refused write of a local profile; its `errors` are keyed by the form's field names."""


def slug_for(name: str) -> str:
    return slugify(name.translate(DANISH_LETTERS))[:100].strip("-")


def _release(municipality: Municipality):
    release = core.release_for(municipality)
    if release is None:
        raise LocalProfileError({None: [_("No norm has been published yet.")]})
    return release


def _check_profile(*, municipality: Municipality, profile: Profile | None, name_da: str, slug: str,
                   extends: Profile | None, release) -> str:
    problems: dict[str | None, list[str]] = {}
    if not name_da.strip():
        problems["name_da"] = [_("Write the profile's Danish name.")]
    slug = slug.strip() or slug_for(name_da)
    others = Profile.objects.of_municipality(municipality).filter(slug=slug)
    if profile is not None:
        others = others.exclude(pk=profile.pk)
    if not slug:
        problems.setdefault("slug", []).append(_("Write a short name (slug) with letters or digits."))
    elif slug != slugify(slug):
        problems.setdefault("slug", []).append(
            _("Use only lower-case letters a-z, digits and hyphens in the short name (slug)."))
    elif slug in RESERVED_SLUGS:
        problems.setdefault("slug", []).append(_("The short name %(slug)s is reserved.") % {"slug": slug})
    elif others.exists():
        problems.setdefault("slug", []).append(
            _("Your municipality already has a profile with the short name %(slug)s.") % {"slug": slug})
    elif Profile.objects.shared().filter(slug=slug).exists():
        # The job-code CSV names profiles by slug; a local profile must not shadow a national one.
        problems.setdefault("slug", []).append(
            _("The short name %(slug)s belongs to a national profile.") % {"slug": slug})
    if extends is not None and (not extends.is_national or core.revision_in(extends, release) is None):
        problems["extends"] = [_("A local profile can only extend a national profile of your norm.")]
    if problems:
        raise LocalProfileError(problems)
    return slug


def _full_clean(obj, exclude=()) -> None:
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise LocalProfileError.from_validation_error(error) from error


@transaction.atomic
def local_profile_create(*, municipality: Municipality, name_da: str, name_en: str = "",
                         description_da: str = "", description_en: str = "", slug: str = "",
                         extends: Profile | None = None, actor=None) -> Profile:
    release = _release(municipality)
    slug = _check_profile(municipality=municipality, profile=None, name_da=name_da, slug=slug,
                          extends=extends, release=release)
    profile = Profile(owner=municipality, slug=slug, framework=release.framework_version.framework)
    _full_clean(profile)
    profile.save()
    revision = ProfileRevision(profile=profile, release=None, extends=extends, name_da=name_da.strip(),
                               name_en=name_en.strip(), description_da=description_da.strip(),
                               description_en=description_en.strip())
    _full_clean(revision)
    revision.save()
    log_action("profile.local.create", actor=actor, municipality=municipality, obj=profile,
               data={"slug": slug, "extends": extends.slug if extends else None})
    return profile


@transaction.atomic
def local_profile_update(*, profile: Profile, name_da: str, name_en: str = "", description_da: str = "",
                         description_en: str = "", slug: str = "", extends: Profile | None = None,
                         actor=None) -> Profile:
    municipality = _owner(profile)
    release = _release(municipality)
    slug = _check_profile(municipality=municipality, profile=profile, name_da=name_da,
                          slug=slug or profile.slug, extends=extends, release=release)
    revision = _living(profile)
    profile.slug = slug
    _full_clean(profile)
    profile.save()
    revision.extends = extends
    revision.name_da, revision.name_en = name_da.strip(), name_en.strip()
    revision.description_da, revision.description_en = description_da.strip(), description_en.strip()
    _full_clean(revision)
    revision.save()
    log_action("profile.local.update", actor=actor, municipality=municipality, obj=profile,
               data={"slug": slug, "extends": extends.slug if extends else None})
    return profile


def local_profile_requirements_save(*, profile: Profile, rows: list[TableRow], actor=None) -> int:
    """Every changed row of a local profile's table, all or none (see profiles.services.adaptation_table_save);
    the LocalProfileError names each refused row's level field. Returns the number of rows saved."""
    with transaction.atomic():
        refused: dict[str, list[str]] = {}
        for row in rows:
            try:
                local_profile_requirement_set(profile=profile, competence_identifier=row.competence_identifier,
                                              level=row.level, importance=row.importance, actor=actor)
            except LocalProfileError as error:
                refused.setdefault(f"{row.field}-level", []).extend(error.messages)
        if refused:
            raise LocalProfileError(refused)
    return len(rows)


@transaction.atomic
def local_profile_requirement_set(*, profile: Profile, competence_identifier: UUID, level: int,
                                  importance: str = Importance.ESSENTIAL, actor=None) -> Requirement:
    municipality = _owner(profile)
    release = _release(municipality)
    version = release.framework_version
    problems: dict[str | None, list[str]] = {}
    competence = version.competences.filter(identifier=competence_identifier).first()
    if competence is None:
        problems["competence"] = [_("The competence is not in the framework.")]
    if not version.levels.filter(value=level).exists():
        problems["level"] = [_("Level %(level)s is outside the scale.") % {"level": level}]
    if importance not in Importance.values:
        problems["importance"] = [_("Unknown importance %(value)s.") % {"value": importance}]
    if problems:
        raise LocalProfileError(problems)
    requirement, _created = _living(profile).requirements.update_or_create(
        competence_identifier=competence_identifier,
        defaults={"level": level, "importance": importance},
    )
    log_action("profile.local.requirement.set", actor=actor, municipality=municipality, obj=profile,
               data={"competence": competence.code, "level": level, "importance": importance})
    return requirement


@transaction.atomic
def local_profile_requirement_remove(*, profile: Profile, competence_identifier: UUID, actor=None) -> None:
    municipality = _owner(profile)
    deleted, _rows = _living(profile).requirements.filter(competence_identifier=competence_identifier).delete()
    if not deleted:
        raise LocalProfileError({"competence": [_("The profile has no requirement for this competence.")]})
    log_action("profile.local.requirement.remove", actor=actor, municipality=municipality, obj=profile,
               data={"competence": str(competence_identifier)})


def local_profile_delete_problems(profile: Profile) -> list[str]:
    codes = list(JobProfile.objects.of_municipality(profile.owner).filter(profile=profile)
                 .values_list("job_code", flat=True))
    if codes:
        return [_("Job codes %(codes)s map to this profile. Map them to another profile first.")
                % {"codes": ", ".join(codes)}]
    return []


@transaction.atomic
def local_profile_delete(*, profile: Profile, actor=None) -> None:
    municipality = _owner(profile)
    problems = local_profile_delete_problems(profile)
    if problems:
        raise LocalProfileError({None: problems})
    slug = profile.slug
    log_action("profile.local.delete", actor=actor, municipality=municipality, obj=profile,
               data={"slug": slug})
    profile.delete()


@transaction.atomic
def adaptation_describe(*, adaptation: Adaptation, local_name: str = "", local_note: str = "",
                        actor=None) -> Adaptation:
    """The municipality's own name and note for an adapted national profile (empty name: the norm's name)."""
    adaptation.local_name, adaptation.local_note = local_name.strip(), local_note.strip()
    _full_clean(adaptation)
    adaptation.save(update_fields=["local_name", "local_note", "updated_at"])
    log_action("profile.adapt.describe", actor=actor, municipality=adaptation.municipality, obj=adaptation,
               data={"local_name": adaptation.local_name})
    return adaptation


def _owner(profile: Profile) -> Municipality:
    if profile.owner is None:
        raise LocalProfileError({None: [_("National profiles are adapted, not edited here.")]})
    return profile.owner


def _living(profile: Profile) -> ProfileRevision:
    revision = core.revision_in(profile, None)
    if revision is None:
        revision = ProfileRevision.objects.create(profile=profile, release=None, name_da=profile.slug)
    return revision
