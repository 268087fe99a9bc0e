"""Writes to frameworks: loading shipped frameworks, drafting a new version, editing guards and publishing."""

from __future__ import annotations

import json
import uuid
from importlib.resources import files

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from digikomp.audit.models import log_action
from digikomp.frameworks.models import (
    Area,
    Competence,
    Descriptor,
    Framework,
    FrameworkVersion,
    ProficiencyLevel,
    Replacement,
)
from digikomp.lib.errors import ServiceError
from digikomp.lib.i18n import from_dict

# Shipped frameworks get identifiers derived from slug and code, so every installation (and every test run)
# gives the same item the same UUID, and CASE packages from two installations line up.
IDENTIFIER_NAMESPACE = uuid.UUID("6f1c2d7e-2b7a-4c55-9d1e-5a0c1f7e4b21")
SHIPPED = ("kl_model.json", "digcomp22.json")


class FrameworkError(ServiceError):
    """A refused change to the competence model (lib/errors.py: the field-keyed shape every service uses)."""


def stable_identifier(slug: str, kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(IDENTIFIER_NAMESPACE, f"{slug}/{kind}/{code}")


def shipped_data(filename: str) -> dict:
    return json.loads(files("digikomp.frameworks").joinpath("data", filename).read_text(encoding="utf-8"))


def ensure_editable(version: FrameworkVersion) -> None:
    if version.is_published:
        raise FrameworkError([_("Version %(version)s is published and can no longer be changed.")
                              % {"version": version.version}])


@transaction.atomic
def framework_load(*, data: dict, actor=None, publish: bool = True) -> FrameworkVersion:
    """Create a framework version from the shipped JSON shape (see frameworks/data/). Idempotent: a version
    that already exists is returned untouched."""
    slug = data["slug"]
    framework, _created = Framework.objects.get_or_create(slug=slug, defaults=from_dict("title", data["title"]))
    existing = framework.versions.filter(version=data["version"]).first()
    if existing:
        return existing
    version = FrameworkVersion.objects.create(
        framework=framework,
        version=data["version"],
        identifier=stable_identifier(slug, "document", data["version"]),
        license=data.get("license", ""),
        previous=framework.latest_published(),
        **from_dict("title", data["title"]),
        **from_dict("description", data.get("description")),
        **from_dict("changelog", data.get("changelog")),
        **from_dict("attribution", data.get("attribution")),
    )
    levels = {}
    for item in data["scale"]:
        levels[int(item["value"])] = ProficiencyLevel.objects.create(
            version=version,
            value=int(item["value"]),
            identifier=stable_identifier(slug, "level", str(item["value"])),
            **from_dict("name", item["name"]),
            **from_dict("band", item.get("band")),
            **from_dict("description", item.get("description")),
        )
    position = 0
    descriptors = []

    def add_area(node: dict, parent: Area | None) -> None:
        nonlocal position
        position += 1
        area = Area.objects.create(
            version=version, parent=parent, code=node["code"], position=position,
            identifier=stable_identifier(slug, "area", node["code"]),
            **from_dict("title", node["title"]), **from_dict("description", node.get("description")),
        )
        for child in node.get("areas", []):
            add_area(child, area)
        for item in node.get("competences", []):
            position += 1
            competence = Competence.objects.create(
                version=version, area=area, code=item["code"], position=position,
                identifier=stable_identifier(slug, "competence", item["code"]),
                generic=bool(item.get("generic", False)),
                digcomp_codes=item.get("digcomp", []), esco_uris=item.get("esco", []),
                **from_dict("title", item["title"]), **from_dict("description", item.get("description")),
            )
            for value, text in (item.get("descriptors") or {}).items():
                descriptors.append(Descriptor(
                    competence=competence, level=levels[int(value)],
                    identifier=stable_identifier(slug, "descriptor", f"{item['code']}/{value}"),
                    **from_dict("text", text.get("text")), **from_dict("knowledge", text.get("knowledge")),
                    **from_dict("skill", text.get("skill")), **from_dict("attitude", text.get("attitude")),
                ))

    for node in data["areas"]:
        add_area(node, None)
    Descriptor.objects.bulk_create(descriptors)
    if publish:
        return version_publish(version=version, actor=actor)
    return version


def load_shipped_frameworks(actor=None) -> list[FrameworkVersion]:
    return [framework_load(data=shipped_data(name), actor=actor) for name in SHIPPED]


def missing_for_publish(version: FrameworkVersion) -> list[str]:
    """Everything that stops a version from being published, as readable sentences."""
    problems = []
    levels = list(version.levels.all())
    if not levels:
        problems.append(_("The proficiency scale has no levels."))
    competences = list(version.competences.prefetch_related("descriptors"))
    if not competences:
        problems.append(_("The version has no competences."))
    if not version.title_da.strip():
        problems.append(_("The version has no Danish title."))
    for competence in competences:
        have = {d.level_id for d in competence.descriptors.all() if d.text_da.strip()}
        for level in levels:
            if level.pk not in have:
                problems.append(
                    _("%(code)s %(title)s has no descriptor for level %(level)s (%(name)s).")
                    % {"code": competence.code, "title": competence.title_da, "level": level.value,
                       "name": level.name_da}
                )
    return problems


@transaction.atomic
def version_publish(*, version: FrameworkVersion, actor=None, changelog_da: str | None = None,
                    changelog_en: str | None = None) -> FrameworkVersion:
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(version)
    if changelog_da is not None:
        version.changelog_da, version.changelog_en = changelog_da, changelog_en or ""
    problems = missing_for_publish(version)
    if version.previous_id and not version.changelog_da.strip():
        problems.append(_("A new version needs a changelog."))
    if problems:
        raise FrameworkError(problems)
    version.status = FrameworkVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.save()
    log_action("framework.publish", actor=actor, obj=version,
               data={"framework": version.framework.slug, "version": version.version})
    return version


@transaction.atomic
def version_draft_create(*, framework: Framework, version_label: str, actor=None) -> FrameworkVersion:
    """Start the next version as a copy of the latest published one; items keep their identifiers."""
    if framework.draft():
        raise FrameworkError([_("The framework already has a draft.")])
    if framework.versions.filter(version=version_label).exists():
        raise FrameworkError([_("Version %(version)s already exists.") % {"version": version_label}])
    source = framework.latest_published()
    draft = FrameworkVersion.objects.create(
        framework=framework, version=version_label, previous=source,
        title_da=source.title_da if source else framework.title_da,
        title_en=source.title_en if source else framework.title_en,
        description_da=source.description_da if source else "",
        description_en=source.description_en if source else "",
        attribution_da=source.attribution_da if source else "",
        attribution_en=source.attribution_en if source else "",
        license=source.license if source else "",
    )
    if source:
        _copy_content(source, draft)
    log_action("framework.draft", actor=actor, obj=draft, data={"framework": framework.slug,
                                                                   "version": version_label})
    return draft


def _copy_content(source: FrameworkVersion, target: FrameworkVersion) -> None:
    levels = {}
    for level in source.levels.all():
        old_pk = level.pk
        level.pk, level.version = None, target
        level.save()
        levels[old_pk] = level
    areas: dict[int, Area] = {}
    pending = list(source.areas.order_by("position"))
    while pending:  # copy parents before their children
        waiting = []
        for area in pending:
            if area.parent_id and area.parent_id not in areas:
                waiting.append(area)
                continue
            old_pk = area.pk
            area.pk, area.version = None, target
            area.parent = areas[area.parent_id] if area.parent_id else None
            area.save()
            areas[old_pk] = area
        pending = waiting
    descriptors = []
    for competence in source.competences.prefetch_related("descriptors"):
        old_descriptors = list(competence.descriptors.all())
        competence.pk, competence.version, competence.area = None, target, areas[competence.area_id]
        competence.save()
        for d in old_descriptors:
            d.pk, d.competence, d.level = None, competence, levels[d.level_id]
            descriptors.append(d)
    Descriptor.objects.bulk_create(descriptors)


def competence_remove(*, competence: Competence, replaced_by: Competence | None = None, actor=None) -> None:
    """Remove a competence from a draft; if it was merged into another, record the successor (replacedBy)."""
    version = competence.version
    ensure_editable(version)
    with transaction.atomic():
        if replaced_by is not None:
            Replacement.objects.update_or_create(
                version=version, old_identifier=competence.identifier,
                defaults={"new_identifier": replaced_by.identifier},
            )
        log_action("framework.competence.remove", actor=actor, obj=version,
                   data={"code": competence.code, "replaced_by": replaced_by.code if replaced_by else None})
        competence.delete()
