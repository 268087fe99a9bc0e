"""Our own template, as CSV and as XLSX: one row per person with their unit; unit-only rows; managers."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from digikomp.lib.problems import Problems
from digikomp.orgimport import template
from digikomp.orgimport.sources import read_files
from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport.exports import where

HEADER = "enhed_id;enhed_navn;overordnet_enhed_id;enhedstype;medarbejder_id;navn;email;stillingskode;stilling;leder"
ROWS = """K;Søbjerg Kommune;;Kommune;;;;;;
BU;Børn og Unge;K;Forvaltning;1001;Mette Holm;mette@soebjerg.example;DIR;Direktør;ja
SKV;Skovvangskolen;BU;Skole;1002;Jens Lund;jens@soebjerg.example;SKL;Skoleleder;ja
SKV;;;;1003;Anne Kjær;anne@soebjerg.example;LÆR;Lærer;nej
SKV;Skovvangskolen;BU;Skole;1004;Ali Hassan;;PÆD;Pædagog;
SFO;SFO Skovvang;SKV;SFO;;;;;;
"""


def write_csv(tmp_path, rows: str = ROWS, header: str = HEADER):
    path = tmp_path / "organisation.csv"
    path.write_text(f"{header}\n{rows}", encoding="utf-8")
    return path


def write_xlsx(tmp_path, rows: str = ROWS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    for line in rows.strip().splitlines():
        # Spreadsheets store numbers as numbers; the reader must turn 1001 back into "1001", not "1001.0".
        sheet.append([int(v) if v.isdigit() else (v or None) for v in line.split(";")])
    path = tmp_path / "organisation.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_it_imports_units_people_and_managers(run_import, aarhus, tmp_path, writer):
    result = run_import(writer(tmp_path))
    assert result.error is None, result.stderr
    units = {u.external_id: u for u in OrgUnit.objects.filter(municipality=aarhus)}
    assert set(units) == {"K", "BU", "SKV", "SFO"}
    assert units["SFO"].parent == units["SKV"] and units["SFO"].depth == 3
    assert (units["SKV"].name, units["SKV"].unit_type) == ("Skovvangskolen", "Skole")
    people = {p.external_id: p for p in Person.objects.filter(municipality=aarhus)}
    assert set(people) == {"1001", "1002", "1003", "1004"}
    assert people["1003"].primary_unit == units["SKV"]
    assert (people["1003"].job_code, people["1003"].job_title) == ("LÆR", "Lærer")
    assert all(p.active for p in people.values())
    managers = UnitManager.objects.filter(unit__municipality=aarhus).select_related("person", "unit")
    managers = {(m.person.external_id, m.unit.external_id, m.title) for m in managers}
    assert managers == {("1001", "BU", "Direktør"), ("1002", "SKV", "Skoleleder")}


def test_a_leader_title_column_is_optional(run_import, aarhus, tmp_path):
    rows = ROWS.replace("SKL;Skoleleder;ja", "SKL;Skoleleder;ja;Konstitueret skoleleder").replace(
        "DIR;Direktør;ja", "DIR;Direktør;ja;")
    rows = "\n".join(line if line.count(";") == 10 else line + ";" for line in rows.strip().splitlines())
    run_import(write_csv(tmp_path, rows, HEADER + ";ledertitel"))
    assert UnitManager.objects.get(person__external_id="1002").title == "Konstitueret skoleleder"
    assert UnitManager.objects.get(person__external_id="1001").title == "Direktør"


def test_a_unit_repeated_with_another_name_or_parent_is_an_error(rejected, tmp_path):
    rows = ROWS.replace("SKV;Skovvangskolen;BU;Skole;1004", "SKV;Skovvangsskolen;K;Skole;1004")
    problems = rejected(write_csv(tmp_path, rows))
    assert where(problems) == {("organisation.csv", 6, "enhed_navn"),
                               ("organisation.csv", 6, "overordnet_enhed_id")}
    assert "4" in problems[0].text  # the line that defined it first


def test_a_unit_that_no_row_defines_is_an_error(rejected, tmp_path):
    problems = rejected(write_csv(tmp_path, ROWS.replace("SKV;;;;1003", "SKX;;;;1003")))
    assert where(problems) == {("organisation.csv", 5, "enhed_id")}


def test_person_details_without_an_id_are_an_error(rejected, tmp_path):
    problems = rejected(write_csv(tmp_path, ROWS.replace(";1003;Anne", ";;Anne")))
    assert where(problems) == {("organisation.csv", 5, "medarbejder_id")}


def test_the_leader_column_takes_ja_or_nej(rejected, tmp_path):
    problems = rejected(write_csv(tmp_path, ROWS.replace("Lærer;nej", "Lærer;måske")))
    assert where(problems) == {("organisation.csv", 5, "leder")}


def test_template_tree_problems_are_reported(rejected, tmp_path):
    problems = rejected(write_csv(tmp_path, ROWS.replace("K;Søbjerg Kommune;;", "K;Søbjerg Kommune;SFO;")))
    assert where(problems) == {("organisation.csv", 2, "overordnet_enhed_id")}


def test_a_missing_template_column_is_reported(rejected, tmp_path):
    header = HEADER.replace(";leder", ";chef")
    assert where(rejected(write_csv(tmp_path, header=header))) == {("organisation.csv", 1, "leder")}


def test_a_file_that_is_no_workbook_is_reported(rejected, tmp_path):
    path = tmp_path / "organisation.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    assert where(rejected(path)) == {("organisation.xlsx", None, "")}


def test_the_downloadable_templates_import_as_they_are():
    for name, data in (("skabelon.csv", template.template_csv()),
                       ("skabelon.xlsx", template.template_xlsx())):
        problems = Problems()
        snapshot = read_files([(name, data)], problems)
        assert not problems, [p.text for p in problems]
        assert len(snapshot.units) == 3 and len(snapshot.people) == 4 and len(snapshot.managers) == 2


def test_the_xlsx_template_has_the_documented_header_in_bold():
    sheet = load_workbook(io.BytesIO(template.template_xlsx())).active
    assert [c.value for c in sheet[1]] == [c.name for c in template.COLUMNS]
    assert sheet["A1"].font.bold


def test_the_csv_template_opens_in_excel_with_danish_letters():
    data = template.template_csv()
    assert data.startswith(b"\xef\xbb\xbf") and "Søbjerg".encode() in data
    assert data.split(b"\r\n")[0].decode("utf-8-sig").split(";") == [c.name for c in template.COLUMNS]


def test_an_os2mo_import_keeps_the_unit_types_a_template_import_gave(run_import, aarhus, tmp_path):
    run_import(write_csv(tmp_path))
    (tmp_path / "os2mo").mkdir()
    for name, text in {
        "plan2learn_organisation.csv": "AfdelingsID;Afdelingsnavn;Parentid\n"
                                       "K;Søbjerg Kommune;\nSKV;Skovvangskolen;K\n",
        "plan2learn_bruger.csv": "BrugerId;CPR;Navn;E-mail;Mobil;Stilling\n1002;;Jens Lund;;;Lærer\n",
        "plan2learn_engagement.csv": "EngagementId;BrugerId;AfdelingsId;AktivStatus;StillingskodeId;Primær;"
                                     "Engagementstype;StartdatoEngagement\nE1;1002;SKV;1;S;1;;2020-01-01\n",
        "plan2learn_stillingskode.csv": "StillingskodeID;AktivStatus;Stillingskode;Stillingskode#\n"
                                        "S;1;Lærer;1\n",
        "plan2learn_leder.csv": "BrugerId;AfdelingsID;AktivStatus;Titel\n",
    }.items():
        (tmp_path / "os2mo" / name).write_text(text, encoding="utf-8")
    # It leaves out most of the template's units and people: deactivating them is the point here.
    assert run_import(tmp_path / "os2mo", "--allow-mass-deactivation").error is None
    school = OrgUnit.objects.get(municipality=aarhus, external_id="SKV")
    assert school.unit_type == "Skole" and school.street == ""
    assert not OrgUnit.objects.get(municipality=aarhus, external_id="BU").active
