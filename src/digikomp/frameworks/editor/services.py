"""The small edits an editor makes to a draft version between drafting and publishing: the version's own
texts, areas, competences, the proficiency scale and the level descriptors.

The version-level flow (start a draft, remove a competence with its successor, publish) lives in
frameworks/services.py. Every function here locks the version row, refuses a published version
(ensure_editable), validates with full_clean() and writes one audit entry saying what changed, so the
history of a version can be read from the audit log.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digikomp.audit.models import log_action
from digikomp.frameworks.models import Area, Competence, Descriptor, FrameworkVersion, ProficiencyLevel
from digikomp.frameworks.services import FrameworkError, ensure_editable

VERSION_FIELDS = (
    "title_da",
    "title_en",
    "description_da",
    "description_en",
    "attribution_da",
    "attribution_en",
    "license",
)
AREA_FIELDS = ("parent", "code", "position", "title_da", "title_en", "description_da", "description_en")
COMPETENCE_FIELDS = (
    "area",
    "code",
    "position",
    "title_da",
    "title_en",
    "description_da",
    "description_en",
    "generic",
    "digcomp_codes",
    "esco_uris",
)
LEVEL_FIELDS = ("value", "name_da", "name_en", "band_da", "band_en", "description_da", "description_en")
DESCRIPTOR_FIELDS = (
    "text_da",
    "text_en",
    "knowledge_da",
    "knowledge_en",
    "skill_da",
    "skill_en",
    "attitude_da",
    "attitude_en",
)


def _lock_editable(version: FrameworkVersion) -> FrameworkVersion:
    """The version as the database has it now, locked: a page loaded before someone published must not slip
    through."""
    fresh = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(fresh)
    return fresh


def _assign(obj, fields: dict, allowed: tuple[str, ...]) -> list[str]:
    """Set the allowed fields on obj; return the names whose value changed (for the audit entry)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    changed = []
    for name, value in fields.items():
        if getattr(obj, name, None) != value:  # None also for an unset foreign key of a new row
            changed.append(name)
            setattr(obj, name, value)
    return changed


def _save(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as invalid:
        raise FrameworkError.from_validation_error(invalid) from None
    obj.save()


def _save_part(
    part, *, version: FrameworkVersion, new: bool, fields: dict, allowed: tuple[str, ...], elsewhere: str,
    action: str, key: str, actor=None,
):
    """Write one part of a draft version (an area, a competence, a level) that the caller has locked and
    checked: refuse a part of another version (the message `elsewhere`), set the allowed fields, validate,
    save and log `framework.<action>.create` or `.update` with the part's `key` field and the fields changed."""
    if part.version_id != version.pk:
        raise FrameworkError([elsewhere])
    changed = _assign(part, fields, allowed)
    _save(part)
    log_action(
        f"framework.{action}.{'create' if new else 'update'}",
        actor=actor,
        obj=version,
        data={key: getattr(part, key), "fields": changed},
    )
    return part


@transaction.atomic
def version_update(*, version: FrameworkVersion, actor=None, **fields) -> FrameworkVersion:
    """Change the version's titles, description, attribution and licence."""
    fresh = _lock_editable(version)
    changed = _assign(fresh, fields, VERSION_FIELDS)
    _save(fresh)
    log_action(
        "framework.version.update", actor=actor, obj=fresh, data={"version": fresh.version, "fields": changed}
    )
    return fresh


def _descendants(area: Area) -> set[int]:
    found, frontier = set(), [area.pk]
    while frontier:
        children = list(Area.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = [pk for pk in children if pk not in found]
        found.update(frontier)
    return found


@transaction.atomic
def area_save(*, version: FrameworkVersion, area: Area | None = None, actor=None, **fields) -> Area:
    """Create an area (area=None) or change one; `parent` nests it, `position` orders it among its
    siblings."""
    _lock_editable(version)
    parent = fields.get("parent")
    if parent is not None:
        if parent.version_id != version.pk:
            raise FrameworkError([_("The parent area belongs to another version.")])
        if area is not None and area.pk and (parent.pk == area.pk or parent.pk in _descendants(area)):
            raise FrameworkError([_("An area cannot be placed under itself or one of its own sub-areas.")])
    return _save_part(
        area or Area(version=version), version=version, new=area is None, fields=fields, allowed=AREA_FIELDS,
        elsewhere=_("The area belongs to another version."), action="area", key="code", actor=actor,
    )


@transaction.atomic
def area_delete(*, area: Area, actor=None) -> None:
    """Delete an empty area. One that still holds competences or sub-areas is refused: its competences must be
    moved, or removed with a successor, first, so no competence disappears as a side effect."""
    version = _lock_editable(area.version)
    problems = []
    if area.children.exists():
        problems.append(_("Area %(code)s has sub-areas; move or delete them first.") % {"code": area.code})
    if area.competences.exists():
        problems.append(
            _("Area %(code)s holds competences; move or remove them first.") % {"code": area.code}
        )
    if problems:
        raise FrameworkError(problems)
    log_action("framework.area.delete", actor=actor, obj=version, data={"code": area.code})
    area.delete()


@transaction.atomic
def competence_save(
    *, version: FrameworkVersion, competence: Competence | None = None, actor=None, **fields
) -> Competence:
    """Create a competence (competence=None) or change one. A new competence gets a new identifier; an edited
    one keeps its identifier, which is what profiles and surveys refer to."""
    _lock_editable(version)
    area = fields.get("area")
    if area is not None and area.version_id != version.pk:
        raise FrameworkError([_("The area belongs to another version.")])
    return _save_part(
        competence or Competence(version=version), version=version, new=competence is None, fields=fields,
        allowed=COMPETENCE_FIELDS, elsewhere=_("The competence belongs to another version."),
        action="competence", key="code", actor=actor,
    )


@transaction.atomic
def level_save(
    *, version: FrameworkVersion, level: ProficiencyLevel | None = None, actor=None, **fields
) -> ProficiencyLevel:
    """Create a level of the proficiency scale (level=None) or change one."""
    _lock_editable(version)
    return _save_part(
        level or ProficiencyLevel(version=version), version=version, new=level is None, fields=fields,
        allowed=LEVEL_FIELDS, elsewhere=_("The level belongs to another version."), action="level",
        key="value", actor=actor,
    )


@transaction.atomic
def level_delete(*, level: ProficiencyLevel, actor=None) -> None:
    """Delete a level and, with it, every competence's descriptor for that level."""
    version = _lock_editable(level.version)
    descriptors = level.descriptors.count()
    log_action(
        "framework.level.delete",
        actor=actor,
        obj=version,
        data={"value": level.value, "descriptors": descriptors},
    )
    level.delete()


@transaction.atomic
def descriptors_save(
    *, competence: Competence, texts: dict[ProficiencyLevel, dict | None], actor=None
) -> list[Descriptor]:
    """Write a competence's descriptors, one per level. A level whose texts are all empty (or None) has no
    descriptor afterwards; one with any text needs the Danish description, which publishing requires."""
    version = _lock_editable(competence.version)
    problems, saved, changed_levels = [], [], []
    for level, fields in texts.items():
        if level.version_id != version.pk:
            raise FrameworkError([_("The level belongs to another version.")])
        fields = {name: (value or "").strip() for name, value in (fields or {}).items()}
        existing = Descriptor.objects.filter(competence=competence, level=level).first()
        if not any(fields.values()):
            if existing is not None:
                existing.delete()
                changed_levels.append(level.value)
            continue
        if not fields.get("text_da"):
            problems.append(
                _("Level %(level)s: the Danish description is required when the level has any text.")
                % {"level": level.value}
            )
            continue
        descriptor = existing or Descriptor(competence=competence, level=level)
        if _assign(descriptor, fields, DESCRIPTOR_FIELDS) or existing is None:
            changed_levels.append(level.value)
        try:
            descriptor.full_clean()
        except ValidationError as invalid:
            problems.extend(invalid.messages)
            continue
        descriptor.save()
        saved.append(descriptor)
    if problems:
        raise FrameworkError(problems)  # the atomic block rolls back the levels already written
    log_action(
        "framework.descriptors.update",
        actor=actor,
        obj=version,
        data={"code": competence.code, "levels": sorted(changed_levels)},
    )
    return saved
