"""1EdTech CASE 1.1 interchange: a framework version as a CFPackage, and a CFPackage back into a version.

Mapping (chosen so a package round-trips field by field):
- CFDocument = the version (identifier, title, version, adoptionStatus, description, notes = changelog).
- CFItems: areas (CFItemType "Area") and competences ("Competence"); fullStatement is the Danish title,
  notes the Danish description, humanCodingScheme the code, listEnumeration the position.
- CFAssociations: isChildOf for the tree (competence -> area -> parent area, top areas -> document);
  isRelatedTo from a competence to its DigComp 2.2 competences (destination title = the DigComp code;
  exactMatchOf is accepted on import too); replacedBy from an item of the previous version to its successor.
- CFRubrics: one rubric per version, a criterion per competence and a criterion level per proficiency level,
  whose description is the level descriptor (score = the level value, quality = the level name).
- English texts and DigiKomp's own fields (generic, knowledge/skill/attitude, bands, attribution) travel in
  `extensions` under the key "digikomp", which CASE 1.1 allows on every entity.
"""

from __future__ import annotations

import uuid
from collections import Counter

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
from digikomp.frameworks.selectors import version_tree
from digikomp.frameworks.services import FrameworkError, stable_identifier, version_publish

DIGCOMP_SLUG = "digcomp-2-2"
ITEM_TYPES = {"Area": "area", "Competence": "competence"}


def _uri(base: str, kind: str, identifier) -> str:
    return f"{base}/{kind}/{identifier}"


def _stamp(version: FrameworkVersion) -> str:
    return (version.published_at or version.updated_at or timezone.now()).isoformat()


def export_package(version: FrameworkVersion, base_uri: str) -> dict:
    tree = version_tree(version)
    changed = _stamp(version)
    doc_uri = _uri(base_uri, "CFDocuments", version.identifier)

    def node(kind: str, identifier, title: str) -> dict:
        return {"title": title, "identifier": str(identifier), "uri": _uri(base_uri, kind, identifier)}

    document = {
        "identifier": str(version.identifier), "uri": doc_uri, "creator": "DigiKomp",
        "title": version.title_da, "lastChangeDateTime": changed, "version": version.version,
        "description": version.description_da, "language": "da", "notes": version.changelog_da,
        "adoptionStatus": "Adopted" if version.is_published else "Draft",
        "licenseURI": {"title": version.license, "identifier": version.license, "uri": version.license}
        if version.license else None,
        "extensions": {"digikomp": {
            "framework": version.framework.slug,
            "frameworkTitle": {"da": version.framework.title_da, "en": version.framework.title_en},
            "title_en": version.title_en, "description_en": version.description_en,
            "changelog_en": version.changelog_en,
            "attribution": {"da": version.attribution_da, "en": version.attribution_en},
        }},
    }
    if document["licenseURI"] is None:
        del document["licenseURI"]
    items, associations = [], []
    sequence = 0

    def associate(kind, origin, destination, seq=None):
        associations.append({
            "identifier": str(uuid.uuid5(version.identifier, f"{kind}/{origin['identifier']}/{destination['identifier']}")),
            "uri": "", "associationType": kind, "sequenceNumber": seq, "originNodeURI": origin,
            "destinationNodeURI": destination, "lastChangeDateTime": changed, "CFDocumentURI": node(
                "CFDocuments", version.identifier, version.title_da),
        })
        associations[-1]["uri"] = _uri(base_uri, "CFAssociations", associations[-1]["identifier"])

    document_node = node("CFDocuments", version.identifier, version.title_da)
    for area in sorted((a for root in tree.roots for a in _walk(root)), key=lambda a: a.position):
        items.append({
            "identifier": str(area.identifier), "uri": _uri(base_uri, "CFItems", area.identifier),
            "fullStatement": area.title_da, "humanCodingScheme": area.code, "listEnumeration": str(area.position),
            "notes": area.description_da, "CFItemType": "Area", "language": "da", "lastChangeDateTime": changed,
            "CFDocumentURI": document_node,
            "extensions": {"digikomp": {"title_en": area.title_en, "description_en": area.description_en}},
        })
    areas_by_pk = {a.pk: a for root in tree.roots for a in _walk(root)}
    for area in areas_by_pk.values():
        parent = areas_by_pk.get(area.parent_id)
        sequence += 1
        associate("isChildOf", node("CFItems", area.identifier, area.title_da),
                  node("CFItems", parent.identifier, parent.title_da) if parent else document_node, area.position)
    for competence in tree.competences:
        items.append({
            "identifier": str(competence.identifier), "uri": _uri(base_uri, "CFItems", competence.identifier),
            "fullStatement": competence.title_da, "humanCodingScheme": competence.code,
            "listEnumeration": str(competence.position), "notes": competence.description_da,
            "CFItemType": "Competence", "language": "da", "lastChangeDateTime": changed,
            "CFDocumentURI": document_node,
            "extensions": {"digikomp": {"title_en": competence.title_en,
                                        "description_en": competence.description_en,
                                        "generic": competence.generic, "esco": competence.esco_uris}},
        })
        own = node("CFItems", competence.identifier, competence.title_da)
        area = areas_by_pk[competence.area_id]
        associate("isChildOf", own, node("CFItems", area.identifier, area.title_da), competence.position)
        for code in competence.digcomp_codes:
            target = stable_identifier(DIGCOMP_SLUG, "competence", code)
            associate("isRelatedTo", own, {"title": code, "identifier": str(target),
                                           "uri": _uri(base_uri, "CFItems", target)})
    for replacement in version.replacements.all():
        associate("replacedBy", {"title": "", "identifier": str(replacement.old_identifier),
                                 "uri": _uri(base_uri, "CFItems", replacement.old_identifier)},
                  {"title": "", "identifier": str(replacement.new_identifier),
                   "uri": _uri(base_uri, "CFItems", replacement.new_identifier)})
    rubric_id = uuid.uuid5(version.identifier, "rubric")
    criteria = []
    for position, competence in enumerate(tree.competences, start=1):
        criterion_id = uuid.uuid5(version.identifier, f"criterion/{competence.identifier}")
        levels = []
        for level in tree.levels:
            d = competence.descriptor_by_level.get(level.pk)
            if d is None:
                continue
            levels.append({
                "identifier": str(d.identifier), "uri": _uri(base_uri, "CFRubricCriterionLevels", d.identifier),
                "description": d.text_da, "quality": level.name_da, "score": level.value,
                "position": level.value, "criterionId": str(criterion_id),
                "extensions": {"digikomp": {
                    "text_en": d.text_en, "knowledge": {"da": d.knowledge_da, "en": d.knowledge_en},
                    "skill": {"da": d.skill_da, "en": d.skill_en},
                    "attitude": {"da": d.attitude_da, "en": d.attitude_en}}},
            })
        criteria.append({
            "identifier": str(criterion_id), "uri": _uri(base_uri, "CFRubricCriteria", criterion_id),
            "category": competence.code, "description": competence.title_da,
            "CFItemURI": node("CFItems", competence.identifier, competence.title_da), "position": position,
            "rubricId": str(rubric_id), "CFRubricCriterionLevels": levels,
        })
    item_types = [
        {"identifier": str(stable_identifier("case", "itemtype", name)), "uri": _uri(base_uri, "CFItemTypes", name),
         "title": name, "description": name, "hierarchyCode": str(i), "lastChangeDateTime": changed}
        for i, name in enumerate(ITEM_TYPES, start=1)
    ]
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": item_types, "CFConcepts": [], "CFSubjects": [], "CFLicenses": [],
            "CFAssociationGroupings": [],
        },
        "CFRubrics": [{
            "identifier": str(rubric_id), "uri": _uri(base_uri, "CFRubrics", rubric_id),
            "title": version.title_da, "description": _("Level descriptors"),
            "lastChangeDateTime": changed, "CFRubricCriteria": criteria,
            "extensions": {"digikomp": {"scale": [
                {"value": level.value, "identifier": str(level.identifier),
                 "name": {"da": level.name_da, "en": level.name_en},
                 "band": {"da": level.band_da, "en": level.band_en},
                 "description": {"da": level.description_da, "en": level.description_en}}
                for level in tree.levels]}},
        }],
    }


def _walk(node):
    yield node.area
    for child in node.children:
        yield from _walk(child)


def _ext(entity: dict) -> dict:
    return (entity.get("extensions") or {}).get("digikomp") or {}


def _parse_uuid(value, where: str, problems: list[str]) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        problems.append(_("%(where)s: identifier %(value)r is not a UUID.") % {"where": where, "value": value})
        return None


def validate_package(package) -> list[str]:
    """Every problem with a package, as sentences; an empty list means it can be imported."""
    problems: list[str] = []
    if not isinstance(package, dict):
        return [_("The package is not a JSON object.")]
    document = package.get("CFDocument")
    if not isinstance(document, dict):
        return [_("The package has no CFDocument.")]
    if not document.get("identifier"):
        problems.append(_("CFDocument: the identifier is missing."))
    else:
        _parse_uuid(document["identifier"], "CFDocument", problems)
    if not document.get("title"):
        problems.append(_("CFDocument: the title is missing."))
    items = package.get("CFItems")
    if not isinstance(items, list):
        return problems + [_("The package has no CFItems list.")]
    ids = []
    for index, item in enumerate(items, start=1):
        where = _("CFItems[%(n)s]") % {"n": index}
        if not isinstance(item, dict):
            problems.append(_("%(where)s is not an object.") % {"where": where})
            continue
        if not item.get("identifier"):
            problems.append(_("%(where)s: the identifier is missing.") % {"where": where})
            continue
        if _parse_uuid(item["identifier"], where, problems) is None:
            continue
        ids.append(str(item["identifier"]))
        if item.get("CFItemType") not in ITEM_TYPES:
            problems.append(_("%(where)s (%(id)s): unknown CFItemType %(type)r.")
                            % {"where": where, "id": item["identifier"], "type": item.get("CFItemType")})
        if not item.get("fullStatement"):
            problems.append(_("%(where)s (%(id)s): fullStatement is missing.") % {"where": where, "id": item["identifier"]})
        if not item.get("humanCodingScheme"):
            problems.append(_("%(where)s (%(id)s): humanCodingScheme is missing.")
                            % {"where": where, "id": item["identifier"]})
    for identifier, count in Counter(ids).items():
        if count > 1:
            problems.append(_("Identifier %(id)s is used by %(count)s items.") % {"id": identifier, "count": count})
    codes = Counter(str(i.get("humanCodingScheme")) for i in items if isinstance(i, dict))
    for code, count in codes.items():
        if count > 1:
            problems.append(_("The code %(code)s is used by %(count)s items.") % {"code": code, "count": count})
    known = set(ids) | {str(document.get("identifier"))}
    parents: dict[str, str] = {}
    association_ids = []
    for index, assoc in enumerate(package.get("CFAssociations") or [], start=1):
        where = _("CFAssociations[%(n)s]") % {"n": index}
        if not isinstance(assoc, dict) or not assoc.get("identifier"):
            problems.append(_("%(where)s: the identifier is missing.") % {"where": where})
            continue
        association_ids.append(assoc["identifier"])
        kind = assoc.get("associationType")
        origin = str((assoc.get("originNodeURI") or {}).get("identifier", ""))
        destination = str((assoc.get("destinationNodeURI") or {}).get("identifier", ""))
        if not origin or not destination:
            problems.append(_("%(where)s: origin or destination is missing.") % {"where": where})
            continue
        if kind == "isChildOf":
            for end in (origin, destination):
                if end not in known:
                    problems.append(_("%(where)s: isChildOf points to %(id)s, which is not in the package.")
                                    % {"where": where, "id": end})
            if origin in parents:
                problems.append(_("%(where)s: %(id)s has more than one parent.") % {"where": where, "id": origin})
            parents[origin] = destination
        elif kind == "replacedBy":
            if destination not in known:
                problems.append(_("%(where)s: replacedBy points to %(id)s, which is not in the package.")
                                % {"where": where, "id": destination})
        elif kind in ("isRelatedTo", "exactMatchOf"):
            if origin not in known:
                problems.append(_("%(where)s: %(kind)s starts at %(id)s, which is not in the package.")
                                % {"where": where, "kind": kind, "id": origin})
    for identifier, count in Counter(association_ids).items():
        if count > 1:
            problems.append(_("Association identifier %(id)s is used %(count)s times.") % {"id": identifier,
                                                                                          "count": count})
    for item in items:
        if isinstance(item, dict) and item.get("identifier") and str(item["identifier"]) not in parents:
            problems.append(_("Item %(code)s has no isChildOf association.") % {"code": item.get("humanCodingScheme")})
    # isChildOf must lead every item to the document without going round in circles.
    for start in parents:
        seen, current = set(), start
        while current in parents:
            if current in seen:
                problems.append(_("isChildOf forms a cycle through %(id)s.") % {"id": current})
                break
            seen.add(current)
            current = parents[current]
    by_id = {str(i["identifier"]): i for i in items if isinstance(i, dict) and i.get("identifier")}
    for child, parent in parents.items():
        child_item, parent_item = by_id.get(child), by_id.get(parent)
        if child_item and child_item.get("CFItemType") == "Competence" and (
                parent_item is None or parent_item.get("CFItemType") != "Area"):
            problems.append(_("Competence %(code)s must be the child of an area.")
                            % {"code": child_item.get("humanCodingScheme")})
    return list(dict.fromkeys(problems))


@transaction.atomic
def import_package(package: dict, *, slug: str | None = None, actor=None) -> FrameworkVersion:
    """Store a CFPackage as a framework version; nothing is stored if any problem is found."""
    problems = validate_package(package)
    if problems:
        raise FrameworkError(problems)
    document = package["CFDocument"]
    meta = _ext(document)
    slug = slug or meta.get("framework") or str(document["identifier"])[:50]
    version_label = str(document.get("version") or "1.0")
    if FrameworkVersion.objects.filter(identifier=document["identifier"]).exists():
        raise FrameworkError([_("This version (%(id)s) is already in the system.") % {"id": document["identifier"]}])
    framework_title = meta.get("frameworkTitle") or {}
    framework, _created = Framework.objects.get_or_create(
        slug=slug, defaults={"title_da": framework_title.get("da") or document["title"],
                             "title_en": framework_title.get("en", "")})
    if framework.versions.filter(version=version_label).exists():
        raise FrameworkError([_("Version %(version)s of %(slug)s already exists.") % {"version": version_label,
                                                                                     "slug": slug}])
    attribution = meta.get("attribution") or {}
    license_uri = document.get("licenseURI") or {}
    version = FrameworkVersion.objects.create(
        framework=framework, version=version_label, identifier=document["identifier"],
        title_da=document["title"], title_en=meta.get("title_en", ""),
        description_da=document.get("description") or "", description_en=meta.get("description_en", ""),
        changelog_da=document.get("notes") or "", changelog_en=meta.get("changelog_en", ""),
        attribution_da=attribution.get("da", ""), attribution_en=attribution.get("en", ""),
        license=license_uri.get("identifier", "") if isinstance(license_uri, dict) else "",
        previous=framework.latest_published(),
    )
    rubric = (package.get("CFRubrics") or [{}])[0] if package.get("CFRubrics") else {}
    levels = {}
    for level in _ext(rubric).get("scale", []):
        levels[int(level["value"])] = ProficiencyLevel.objects.create(
            version=version, value=int(level["value"]), identifier=level.get("identifier") or uuid.uuid4(),
            name_da=level["name"].get("da", ""), name_en=level["name"].get("en", ""),
            band_da=(level.get("band") or {}).get("da", ""), band_en=(level.get("band") or {}).get("en", ""),
            description_da=(level.get("description") or {}).get("da", ""),
            description_en=(level.get("description") or {}).get("en", ""),
        )
    if not levels:  # a foreign package without our extension: the levels come from the criterion levels
        scores = sorted({int(cl["score"]) for c in rubric.get("CFRubricCriteria", [])
                         for cl in c.get("CFRubricCriterionLevels", []) if cl.get("score") is not None})
        names = {int(cl["score"]): cl.get("quality", "") for c in rubric.get("CFRubricCriteria", [])
                 for cl in c.get("CFRubricCriterionLevels", []) if cl.get("score") is not None}
        for score in scores:
            levels[score] = ProficiencyLevel.objects.create(version=version, value=score,
                                                            name_da=names[score] or str(score))
    items = {str(i["identifier"]): i for i in package["CFItems"]}
    parents = {str(a["originNodeURI"]["identifier"]): str(a["destinationNodeURI"]["identifier"])
               for a in package.get("CFAssociations") or [] if a.get("associationType") == "isChildOf"}
    related: dict[str, list[str]] = {}
    for a in package.get("CFAssociations") or []:
        if a.get("associationType") in ("isRelatedTo", "exactMatchOf"):
            related.setdefault(str(a["originNodeURI"]["identifier"]), []).append(
                a["destinationNodeURI"].get("title") or a["destinationNodeURI"]["identifier"])
        elif a.get("associationType") == "replacedBy":
            Replacement.objects.create(version=version, old_identifier=a["originNodeURI"]["identifier"],
                                       new_identifier=a["destinationNodeURI"]["identifier"])
    areas: dict[str, Area] = {}

    def make_area(identifier: str) -> Area:
        if identifier in areas:
            return areas[identifier]
        item = items[identifier]
        parent_id = parents[identifier]
        parent = make_area(parent_id) if parent_id in items else None
        ext = _ext(item)
        areas[identifier] = Area.objects.create(
            version=version, parent=parent, identifier=identifier, code=item["humanCodingScheme"],
            position=int(item.get("listEnumeration") or 0), title_da=item["fullStatement"],
            title_en=ext.get("title_en", ""), description_da=item.get("notes") or "",
            description_en=ext.get("description_en", ""),
        )
        return areas[identifier]

    for identifier, item in items.items():
        if item["CFItemType"] == "Area":
            make_area(identifier)
    competences = {}
    for identifier, item in items.items():
        if item["CFItemType"] != "Competence":
            continue
        ext = _ext(item)
        competences[identifier] = Competence.objects.create(
            version=version, area=areas[parents[identifier]], identifier=identifier, code=item["humanCodingScheme"],
            position=int(item.get("listEnumeration") or 0), title_da=item["fullStatement"],
            title_en=ext.get("title_en", ""), description_da=item.get("notes") or "",
            description_en=ext.get("description_en", ""), generic=bool(ext.get("generic", False)),
            digcomp_codes=related.get(identifier, []), esco_uris=ext.get("esco", []),
        )
    descriptors = []
    for criterion in rubric.get("CFRubricCriteria", []) if rubric else []:
        competence = competences.get(str((criterion.get("CFItemURI") or {}).get("identifier")))
        if competence is None:
            continue
        for cl in criterion.get("CFRubricCriterionLevels", []):
            ext = _ext(cl)
            level = levels.get(int(cl.get("score") or 0))
            if level is None:
                continue
            descriptors.append(Descriptor(
                competence=competence, level=level, identifier=cl.get("identifier") or uuid.uuid4(),
                text_da=cl.get("description") or "", text_en=ext.get("text_en", ""),
                knowledge_da=(ext.get("knowledge") or {}).get("da", ""),
                knowledge_en=(ext.get("knowledge") or {}).get("en", ""),
                skill_da=(ext.get("skill") or {}).get("da", ""), skill_en=(ext.get("skill") or {}).get("en", ""),
                attitude_da=(ext.get("attitude") or {}).get("da", ""),
                attitude_en=(ext.get("attitude") or {}).get("en", ""),
            ))
    Descriptor.objects.bulk_create(descriptors)
    log_action("framework.import_case", actor=actor, obj=version, data={"slug": slug, "version": version_label})
    if document.get("adoptionStatus") == "Adopted":
        return version_publish(version=version, actor=actor)
    return FrameworkVersion.objects.get(pk=version.pk)
