"""The OpenAPI schema: valid, no warnings, each operation under its slash-less path, in Danish and English."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

PATHS = {
    "/api/v1/municipalities",
    "/api/v1/municipalities/{code}/units",
    "/api/v1/municipalities/{code}/people",
    "/api/v1/frameworks",
    "/api/v1/frameworks/{slug}",
    "/api/v1/frameworks/{slug}/versions/{version}/case",
    "/api/v1/profiles",
    "/api/v1/profiles/{id}",
    "/api/v1/municipalities/{code}/campaigns",
    "/api/v1/municipalities/{code}/campaigns/{id}",
    "/api/v1/municipalities/{code}/campaigns/{id}/invitations",
    "/api/v1/municipalities/{code}/campaigns/{id}/links",
    "/api/v1/municipalities/{code}/campaigns/{id}/close",
    "/api/v1/municipalities/{code}/campaigns/{id}/reminders",
    "/api/v1/municipalities/{code}/campaigns/{id}/heatmap",
    "/api/v1/survey/{token}",
    "/api/v1/survey/{token}/draft",
    "/api/v1/survey/{token}/submit",
    "/api/v1/survey/{token}/result",
    "/api/v1/survey/{token}/consent",
    "/api/v1/survey/{token}/code",
    "/api/v1/survey/{token}/verify",
    "/api/v1/cases",
}


def test_digikomp_spectacular_validates_without_warnings(tmp_path):
    # The real console command, as CI and operators run it, in its own process so no state leaks in or out.
    digikomp = Path(sys.executable).with_name("digikomp")
    schema_file = tmp_path / "schema.yaml"
    result = subprocess.run(
        [str(digikomp), "spectacular", "--validate", "--fail-on-warn", "--file", str(schema_file)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "DIGIKOMP_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "Error" not in result.stderr
    schema = yaml.safe_load(schema_file.read_text())
    assert set(schema["paths"]) == PATHS


@pytest.fixture
def schema(api_for):
    def fetch(**params):
        response = api_for("anonymous").get("/api/v1/schema", {"format": "json", **params})
        assert response.status_code == 200
        return response.json()

    return fetch


def test_the_schema_is_public_at_both_spellings(api_for):
    client = api_for("anonymous")
    assert client.get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/schema").content == client.get("/api/v1/schema/").content


def test_the_schema_documents_each_operation_once_without_trailing_slash(schema):
    assert set(schema()["paths"]) == PATHS


def test_the_schema_is_danish_by_default_and_english_on_request(schema):
    danish, english = schema(), schema(lang="en")
    units_da = danish["paths"]["/api/v1/municipalities/{code}/units"]["get"]
    units_en = english["paths"]["/api/v1/municipalities/{code}/units"]["get"]
    assert units_en["summary"] == "List a municipality's org units"
    assert units_da["summary"] == "Vis en kommunes organisationsenheder"
    assert "trailing slash" in english["info"]["description"]
    assert "skråstreg" in danish["info"]["description"]


def test_the_person_schema_has_no_cpr_field(schema):
    person = schema()["components"]["schemas"]["Person"]["properties"]
    assert set(person) == {"external_id", "name", "email", "job_code", "job_title", "unit", "active"}
    assert not any("cpr" in name.lower() for name in person)
