"""GET /api/v1/frameworks, /frameworks/{slug} and /frameworks/{slug}/versions/{version}/case: the published
models, public, drafts invisible."""

import json

import pytest

from digikomp.frameworks.case import import_package, validate_package
from digikomp.frameworks.exports import open_data_json
from digikomp.frameworks.models import Framework, FrameworkVersion
from digikomp.frameworks.services import framework_load, version_draft_create
from tests.frameworks.builders import framework_data
from tests.frameworks.test_case import snapshot

pytestmark = pytest.mark.django_db
MODEL = "kommunernes-digitale-kompetencemodel"


@pytest.fixture
def two_versions():
    """testmodel 1.0 and 1.1 published, and a 1.2 draft."""
    first = framework_load(data=framework_data())
    second = framework_load(data=framework_data(version="1.1"))
    draft = version_draft_create(framework=second.framework, version_label="1.2")
    return first, second, draft


def get(api_for, url, **params):
    response = api_for("anonymous").get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_list_names_every_published_version_newest_first(api_for, two_versions):
    first, _second, _draft = two_versions
    [entry] = get(api_for, "/api/v1/frameworks")
    assert entry["slug"] == "testmodel" and entry["title"] == {"da": "Testmodel", "en": "Testmodel (en)"}
    assert entry["latest"] == "1.1"
    assert [v["version"] for v in entry["versions"]] == ["1.1", "1.0"]  # the draft 1.2 is not there
    assert entry["versions"][1]["identifier"] == str(first.identifier)
    assert entry["versions"][0]["url"] == "http://testserver/api/v1/frameworks/testmodel?version=1.1"
    assert entry["versions"][0]["case"] == "http://testserver/api/v1/frameworks/testmodel/versions/1.1/case"


def test_the_shipped_models_are_listed(api_for, shipped_norm):
    slugs = [entry["slug"] for entry in get(api_for, "/api/v1/frameworks")]
    assert slugs == ["digcomp-2-2", MODEL]


def test_the_tree_is_the_open_data_json_of_the_latest_version(api_for, two_versions):
    _first, second, _draft = two_versions
    assert get(api_for, "/api/v1/frameworks/testmodel") == json.loads(json.dumps(open_data_json(second)))


def test_another_published_version_by_query(api_for, two_versions):
    first, _second, _draft = two_versions
    tree = get(api_for, "/api/v1/frameworks/testmodel", version="1.0")
    assert tree["version"] == "1.0" and tree["identifier"] == str(first.identifier)


def test_the_tree_holds_every_descriptor_in_both_languages(api_for, shipped_norm):
    tree = get(api_for, f"/api/v1/frameworks/{MODEL}")
    competences = [c for area in tree["areas"] for sub in [area, *area["areas"]] for c in sub["competences"]]
    assert len(competences) == shipped_norm.framework_version.competences.count()
    assert all(set(c["descriptors"]) == {"1", "2", "3", "4"} for c in competences)
    assert all(c["descriptors"]["1"]["text"]["da"] and c["descriptors"]["1"]["text"]["en"] for c in competences)


@pytest.mark.parametrize("url", [
    "/api/v1/frameworks/testmodel?version=1.2",  # the draft
    "/api/v1/frameworks/testmodel?version=9.9",
    "/api/v1/frameworks/no-such-model",
    "/api/v1/frameworks/testmodel/versions/1.2/case",  # the draft
    "/api/v1/frameworks/testmodel/versions/9.9/case",
])
def test_drafts_and_unknown_versions_are_404(api_for, two_versions, url):
    assert api_for("anonymous").get(url).status_code == 404


def test_a_framework_with_only_a_draft_is_invisible(api_for):
    version = framework_load(data=framework_data(slug="kladde"), publish=False)
    assert version.status == FrameworkVersion.Status.DRAFT
    assert get(api_for, "/api/v1/frameworks") == []
    assert api_for("anonymous").get("/api/v1/frameworks/kladde").status_code == 404


def test_the_case_package_validates_and_round_trips_through_an_emptied_database(api_for):
    version = framework_load(data=framework_data())
    before = snapshot(version)
    package = get(api_for, "/api/v1/frameworks/testmodel/versions/1.0/case")
    assert validate_package(package) == []
    assert package["CFDocument"]["identifier"] == str(version.identifier)
    Framework.objects.all().delete()
    assert snapshot(import_package(package)) == before


def test_the_shipped_models_case_package_validates(api_for, shipped_norm):
    package = get(api_for, f"/api/v1/frameworks/{MODEL}/versions/1.0/case")
    assert validate_package(package) == []
    assert len(package["CFItems"]) == (shipped_norm.framework_version.competences.count()
                                       + shipped_norm.framework_version.areas.count())


def test_the_case_package_names_items_as_the_public_download_does(api_for, client, two_versions):
    from_api = get(api_for, "/api/v1/frameworks/testmodel/versions/1.0/case")
    download = client.get("/normen/testmodel/1.0/download/case/")
    assert download.status_code == 200
    from_page = json.loads(download.content)
    assert from_api["CFDocument"]["uri"] == from_page["CFDocument"]["uri"]
    assert from_api["CFDocument"]["uri"].startswith("http://testserver/api/v1/case/CFDocuments/")
    assert [i["uri"] for i in from_api["CFItems"]] == [i["uri"] for i in from_page["CFItems"]]


def test_the_documented_tree_fields_are_the_fields_sent(api_for, two_versions):
    # The tree is open_data_json, described by serializers for the schema: the two must not drift apart.
    schema = api_for("anonymous").get("/api/v1/schema", {"format": "json"}).json()["components"]["schemas"]
    tree = get(api_for, "/api/v1/frameworks/testmodel")
    assert set(tree) == set(schema["FrameworkTree"]["properties"])
    area = tree["areas"][0]
    assert set(area) == set(schema["TreeArea"]["properties"])
    competence = area["areas"][0]["competences"][0]
    assert set(competence) == set(schema["TreeCompetence"]["properties"])
    assert set(competence["descriptors"]["1"]) == set(schema["Descriptor"]["properties"])
    assert set(tree["scale"][0]) == set(schema["ScaleLevel"]["properties"])


def test_writes_are_not_allowed(api_for, two_versions):
    assert api_for("national_editor").post("/api/v1/frameworks/testmodel", {}).status_code == 405


def test_the_new_operations_are_documented_in_danish_and_english(api_for, db):
    def paths(lang):
        response = api_for("anonymous").get("/api/v1/schema", {"format": "json", "lang": lang})
        return response.json()["paths"]

    danish, english = paths("da"), paths("en")
    assert english["/api/v1/frameworks"]["get"]["summary"] == "List the competence frameworks"
    assert danish["/api/v1/frameworks"]["get"]["summary"] == "Vis kompetencemodellerne"
    assert danish["/api/v1/survey/{token}/submit"]["post"]["summary"] == "Indsend svarene"
    assert danish["/api/v1/municipalities/{code}/campaigns/{id}/heatmap"]["get"]["summary"] == \
        "En kortlægnings heatmap"
    # The respondent's operations take no credentials: the token in the path is the key.
    assert "security" not in danish["/api/v1/survey/{token}/submit"]["post"]
