"""Downloads linked from the public pages: each has its content type and file name, and each parses."""

import csv
import io
import json

import pytest

from digikomp.frameworks.case import validate_package
from digikomp.frameworks.exports import MOODLE_HEADERS
from digikomp.profiles.models import Profile
from digikomp.profiles.public.exports import CSV_HEADERS
from digikomp.profiles.selectors import effective_profile
from tests.norm_public.conftest import MODEL

pytestmark = pytest.mark.django_db


def download(client, url, content_type, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    return response.content.decode("utf-8")


def competences_in(data) -> list[dict]:
    found = []

    def walk(area):
        found.extend(area["competences"])
        for child in area["areas"]:
            walk(child)

    for area in data["areas"]:
        walk(area)
    return found


def test_the_model_as_open_data_json(client, shipped_norm):
    body = download(client, f"/normen/{MODEL}/1.0/download/json/", "application/json; charset=utf-8",
                    f"{MODEL}-1.0.json")
    data = json.loads(body)
    assert data["framework"] == MODEL and data["version"] == "1.0" and data["status"] == "published"
    competences = competences_in(data)
    assert len(competences) == 44 and all(len(c["descriptors"]) == 4 for c in competences)
    assert "Øvet" in body  # UTF-8 text, not \u escapes


def test_the_model_as_csv_opens_in_danish_spreadsheets(client, shipped_norm):
    body = download(client, f"/normen/{MODEL}/1.0/download/csv/", "text/csv; charset=utf-8", f"{MODEL}-1.0.csv")
    assert body.startswith("\ufeff")  # Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["område", "kompetence_kode", "kompetence_da", "kompetence_en", "generisk", "digcomp",
                       "niveau", "niveau_navn_da", "beskrivelse_da", "beskrivelse_en"]
    assert len(rows) == 1 + 44 * 4


@pytest.mark.parametrize("language,level_names", [("da", "Begynder,Øvet,Rutineret,Ekspert"),
                                                  ("en", "Beginner,Practised,Proficient,Expert")])
def test_the_model_as_a_moodle_competency_framework(client, shipped_norm, language, level_names):
    body = download(client, f"/normen/{MODEL}/1.0/download/moodle-{language}/", "text/csv; charset=utf-8",
                    f"{MODEL}-1.0-moodle-{language}.csv")
    assert not body.startswith("\ufeff")  # Moodle would read a BOM into the first column name
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == MOODLE_HEADERS and all(len(row) == len(MOODLE_HEADERS) for row in rows)
    assert rows[1][5] == level_names
    assert len([r for r in rows[2:] if r[2][:1] in "ABCDE" and "." in r[2].split()[0]]) == 44


def test_the_model_as_a_case_package(client, shipped_norm):
    body = download(client, f"/normen/{MODEL}/1.0/download/case/", "application/json; charset=utf-8",
                    f"{MODEL}-1.0-case.json")
    package = json.loads(body)
    assert validate_package(package) == []
    document = package["CFDocument"]
    assert document["identifier"] == str(shipped_norm.framework_version.identifier)
    assert document["uri"].startswith("http://testserver/api/v1/case/CFDocuments/")
    assert len([i for i in package["CFItems"] if i["CFItemType"] == "Competence"]) == 44


def test_every_download_on_the_model_page_works(client, shipped_norm):
    from tests.web.markup import find

    page = client.get(f"/normen/{MODEL}/")
    links = [a["href"] for a in find(page, "a") if "/download/" in a.get("href", "")]
    assert len(links) == 5
    for href in links:
        assert client.get(href).status_code == 200, href


def test_the_national_profiles_as_json(client, shipped_norm):
    body = download(client, "/normen/profiler/data.json", "application/json; charset=utf-8",
                    "nationale-profiler-1.0.json")
    data = json.loads(body)
    assert data["release"] == "1.0" and data["framework"] == MODEL and data["framework_version"] == "1.0"
    assert len(data["profiles"]) == 20
    laerer = next(p for p in data["profiles"] if p["slug"] == "laerer")
    assert laerer["name"] == {"da": "Lærer", "en": "Teacher"} and laerer["extends"] == "alle-medarbejdere"
    assert laerer["esco_occupation"]["uri"].startswith("http://data.europa.eu/esco/occupation/")
    # The effective national requirements: the extends chain merged, as the profile page shows them.
    effective = effective_profile(Profile.objects.get(owner=None, slug="laerer"), None, shipped_norm)
    expected = {c.code: (e.level, e.importance) for c, e in effective.rows()}
    assert {r["competence"]: (r["level"], r["importance"]) for r in laerer["requirements"]} == expected
    first = laerer["requirements"][0]
    assert set(first) == {"competence", "identifier", "title", "area", "level", "level_name", "importance"}
    assert first["title"]["da"] and first["title"]["en"] and first["level_name"]["da"]


def test_the_national_profiles_as_csv(client, shipped_norm):
    body = download(client, "/normen/profiler/data.csv", "text/csv; charset=utf-8", "nationale-profiler-1.0.csv")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == CSV_HEADERS
    total = sum(len(effective_profile(p, None, shipped_norm).required) for p in Profile.objects.filter(owner=None))
    assert len(rows) == 1 + total
    laerer = [dict(zip(rows[0], r)) for r in rows[1:] if r[0] == "laerer"]
    assert laerer[0]["profil_da"] == "Lærer" and laerer[0]["udvider"] == "alle-medarbejdere"
    assert all(r["vigtighed"] in ("essential", "useful") and r["niveau"].isdigit() for r in laerer)


def test_no_profile_downloads_before_a_release_is_published(client, db):
    assert client.get("/normen/profiler/data.json").status_code == 404
    assert client.get("/normen/profiler/data.csv").status_code == 404
    assert client.get("/normen/profiler/data.xml", follow=True).status_code == 404
