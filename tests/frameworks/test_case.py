"""CASE CFPackage export and import (frameworks/case.py)."""

import copy
import json

import pytest

from digikomp.frameworks.case import export_package, import_package, validate_package
from digikomp.frameworks.models import Competence, Framework, FrameworkVersion
from digikomp.frameworks.services import (
    FrameworkError,
    competence_remove,
    framework_load,
    version_draft_create,
    version_publish,
)
from tests.frameworks.builders import framework_data

pytestmark = pytest.mark.django_db
BASE = "https://digikomp.example/api/v1/case"


def snapshot(version: FrameworkVersion) -> dict:
    """Every stored field of a version, keyed by stable identifiers, for field-by-field comparison."""
    def fields(obj, names):
        return {n: getattr(obj, n) for n in names}

    version = FrameworkVersion.objects.get(pk=version.pk)
    text = ["title_da", "title_en", "description_da", "description_en"]
    return {
        "version": fields(version, ["identifier", "version", "status", "changelog_da", "changelog_en",
                                    "attribution_da", "attribution_en", "license", *text]),
        "framework": fields(version.framework, ["slug", "title_da", "title_en"]),
        "levels": [fields(level, ["value", "identifier", "name_da", "name_en", "band_da", "band_en",
                                  "description_da", "description_en"]) for level in version.levels.all()],
        "areas": sorted(
            (fields(a, ["identifier", "code", "position", *text]) | {"parent": a.parent.identifier if a.parent else None}
             for a in version.areas.all()), key=lambda a: a["code"]),
        "competences": sorted(
            (fields(c, ["identifier", "code", "position", "generic", "digcomp_codes", "esco_uris", *text])
             | {"area": c.area.identifier,
                "descriptors": [fields(d, ["identifier", "text_da", "text_en", "knowledge_da", "knowledge_en",
                                           "skill_da", "skill_en", "attitude_da", "attitude_en"])
                                | {"level": d.level.value} for d in c.descriptors.order_by("level__value")]}
             for c in version.competences.all()), key=lambda c: c["code"]),
        "replacements": sorted((str(r.old_identifier), str(r.new_identifier)) for r in version.replacements.all()),
    }


def test_a_package_round_trips_field_by_field():
    version = framework_load(data=framework_data())
    before = snapshot(version)
    package = json.loads(json.dumps(export_package(version, BASE)))  # through real JSON text
    Framework.objects.all().delete()
    again = import_package(package)
    assert snapshot(again) == before


def test_replaced_by_survives_the_round_trip():
    first = framework_load(data=framework_data())
    draft = version_draft_create(framework=first.framework, version_label="2.0")
    competence_remove(competence=Competence.objects.get(version=draft, code="B1.2"),
                      replaced_by=Competence.objects.get(version=draft, code="B1.1"))
    draft = version_publish(version=draft, changelog_da="B1.2 indgår nu i B1.1")
    package = export_package(draft, BASE)
    assert [a["associationType"] for a in package["CFAssociations"]].count("replacedBy") == 1
    before = snapshot(draft)
    Framework.objects.all().delete()
    assert snapshot(import_package(package)) == before


def test_the_package_has_the_case_shape():
    package = export_package(framework_load(data=framework_data()), BASE)
    assert set(package) >= {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions"}
    types = {i["CFItemType"] for i in package["CFItems"]}
    assert types == {"Area", "Competence"}
    assert {t["title"] for t in package["CFDefinitions"]["CFItemTypes"]} == {"Area", "Competence"}
    related = [a for a in package["CFAssociations"] if a["associationType"] == "isRelatedTo"]
    assert related and all(a["destinationNodeURI"]["title"] == "1.1" for a in related)
    assert all(i["humanCodingScheme"] for i in package["CFItems"])


@pytest.fixture
def package():
    return export_package(framework_load(data=framework_data()), BASE)


def _broken(package, mutate):
    broken = copy.deepcopy(package)
    mutate(broken)
    Framework.objects.all().delete()
    with pytest.raises(FrameworkError) as refused:
        import_package(broken)
    assert not FrameworkVersion.objects.exists()
    return refused.value.messages


def test_missing_identifiers_are_refused(package):
    def mutate(p):
        del p["CFItems"][0]["identifier"]
        p["CFDocument"]["identifier"] = ""
    problems = _broken(package, mutate)
    assert any("CFDocument" in p for p in problems)
    assert any("CFItems[1]" in p for p in problems)


def test_dangling_associations_are_refused(package):
    def mutate(p):
        child_of = next(a for a in p["CFAssociations"] if a["associationType"] == "isChildOf")
        child_of["destinationNodeURI"]["identifier"] = "00000000-0000-0000-0000-000000000001"
    problems = _broken(package, mutate)
    assert any("00000000-0000-0000-0000-000000000001" in p for p in problems)


def test_an_is_child_of_cycle_is_refused(package):
    def mutate(p):
        areas = [i for i in p["CFItems"] if i["CFItemType"] == "Area"]
        a, b = areas[0]["identifier"], areas[1]["identifier"]
        for assoc in p["CFAssociations"]:
            if assoc["associationType"] == "isChildOf" and assoc["originNodeURI"]["identifier"] == a:
                assoc["destinationNodeURI"]["identifier"] = b
            if assoc["associationType"] == "isChildOf" and assoc["originNodeURI"]["identifier"] == b:
                assoc["destinationNodeURI"]["identifier"] = a
    problems = _broken(package, mutate)
    assert any("isChildOf danner en cirkel" in p for p in problems)  # Danish, the default language


def test_duplicate_ids_are_refused_and_every_problem_is_listed(package):
    def mutate(p):
        p["CFItems"][1]["identifier"] = p["CFItems"][0]["identifier"]
        p["CFItems"][2]["fullStatement"] = ""
    problems = _broken(package, mutate)
    assert any("bruges af 2 elementer" in p for p in problems)
    assert any("fullStatement" in p for p in problems)


def test_garbage_is_refused():
    assert validate_package([]) and validate_package({"CFDocument": {}}) and validate_package("x")
