import csv
import io
import json

import pytest

from digikomp.frameworks.exports import MOODLE_HEADERS, moodle_csv, open_data_csv, open_data_json
from digikomp.frameworks.services import framework_load
from tests.frameworks.builders import framework_data

pytestmark = pytest.mark.django_db


def test_moodle_csv_has_the_lpimportcsv_shape():
    version = framework_load(data=framework_data())
    rows = list(csv.reader(io.StringIO(moodle_csv(version))))
    assert rows[0] == MOODLE_HEADERS
    assert all(len(row) == 14 for row in rows)
    framework = rows[1]
    assert framework[0] == "" and framework[12] == "1"
    assert framework[5].split(",") == ["Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4"]
    config = json.loads(framework[6])
    assert config[0] == {"scaleid": "1"} and [c["proficient"] for c in config[1:]] == [0, 1, 1, 1]
    assert framework[13] == "domain,domain,competency"
    ids = {row[1] for row in rows[1:]}
    # every parent id number refers to a row above it (Moodle imports top-down)
    seen = {rows[1][1]}
    for row in rows[2:]:
        assert row[0] == "" or row[0] in seen, row
        seen.add(row[1])
    competences = [r for r in rows[2:] if r[2].startswith(("A1.", "B1."))]
    assert len(competences) == 4 and len(ids) == len(rows) - 1
    assert competences[0][3].count("<li>") == 4  # the four level descriptors travel in the description


def test_open_data_json_and_csv_cover_every_descriptor():
    version = framework_load(data=framework_data())
    data = json.loads(json.dumps(open_data_json(version)))
    competences = [c for a in data["areas"] for sub in a["areas"] for c in sub["competences"]]
    assert len(competences) == 4 and all(len(c["descriptors"]) == 4 for c in competences)
    assert data["scale"][0]["name"] == {"da": "Niveau 1", "en": "Niveau 1 (en)"}
    rows = list(csv.reader(io.StringIO(open_data_csv(version)), delimiter=";"))
    assert len(rows) == 1 + 4 * 4
    assert rows[1][1] == "A1.1" and rows[1][8] == "A1.1 kan på niveau 1"
