"""The limits that keep an import within its memory bound (lib/inputs.py, snapshot.py): each is refused with a
clear problem that names the file and the reason, on the command line and on the upload page, and nothing is
stored.

test_memory.py measures the bound itself in child processes; these are the quick checks of every refusal.
"""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from digikomp.lib.inputs import MAX_BYTES, MAX_ROWS, MAX_TEMPLATE_ROWS, MAX_ZIP_MEMBERS
from digikomp.lib.problems import MAX_LISTED, Problems
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.snapshot import MAX_MANAGERS, MAX_UNITS
from digikomp.orgimport.sources import read_files, read_path
from digikomp.orgimport.template import COLUMNS as TEMPLATE_COLUMNS
from digikomp.tenancy.models import Person
from tests.orgimport import exports
from tests.orgimport.exports import ENGAGEMENTS, ORGANISATION, PEOPLE

UPLOAD = "/app/organisation/import/"


def problems_of(files) -> list:
    problems = Problems()
    assert read_files(files, problems) is None
    return list(problems)


def zipped(members: dict[str, bytes], **options) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_file_bigger_than_the_limit_is_refused_from_its_size_alone(rejected, tmp_path):
    folder = exports.write(tmp_path)
    # A sparse file: 65 MB as the file system tells it, nothing on the disk, and never read.
    with (folder / PEOPLE).open("r+b") as file:
        file.truncate(MAX_BYTES + 1024 * 1024)
    [problem] = rejected(folder)
    assert (problem.file, problem.line, problem.column) == (PEOPLE, None, "")
    assert "65,0\xa0MB" in problem.text and "64,0\xa0MB" in problem.text


def test_files_bigger_than_the_limit_together_are_refused(db):
    half = b"\0" * (MAX_BYTES // 2 + 1)
    [problem] = problems_of([("eksport.zip", zipped({ORGANISATION: half, PEOPLE: half}))])
    assert problem.file == "eksport.zip"
    assert "64,0\xa0MB" in problem.text and "tilsammen" in problem.text


def test_a_zip_file_with_too_many_files_is_refused(db):
    members = {f"fil{i}.csv": b"" for i in range(MAX_ZIP_MEMBERS + 1)}
    [problem] = problems_of([("eksport.zip", zipped(members))])
    assert problem.file == "eksport.zip" and str(MAX_ZIP_MEMBERS + 1) in problem.text


def test_a_zip_file_listing_thousands_of_entries_is_refused_before_they_are_read(db):
    # Each entry costs zipfile a few hundred bytes as it opens the file; they are counted from its end record.
    members = {f"mappe/{i}/": b"" for i in range(5000)}
    [problem] = problems_of([("eksport.zip", zipped(members))])
    assert problem.file == "eksport.zip" and "5.000" in problem.text


def test_a_damaged_zip_file_is_reported_not_a_server_error(client_for, world):
    data = bytearray(zipped({name: text.encode() for name, text in exports.BASE.items()}))
    # Corrupt the compressed bytes of the first member (its data starts after the 30-byte header and its name).
    start = 30 + len(ORGANISATION)
    data[start + 10:start + 40] = b"\xff" * 30
    response = client_for("municipal_admin").post(UPLOAD, {"upload": [SimpleUploadedFile("eksport.zip",
                                                                                         bytes(data))]})
    assert response.status_code == 200
    assert "ZIP-filen er beskadiget" in response.content.decode()
    assert not OrgImport.objects.exists()


def test_an_export_with_more_rows_than_the_limit_is_refused_where_it_passes_it(rejected, tmp_path):
    files = dict(exports.BASE)
    header = files[ENGAGEMENTS].splitlines()[0]
    # Inactive engagements of P1 are checked for their format only: cheap rows, 200,001 of them with the rest.
    rows = [f"X{i};P1;BU;0;S1;0;;" for i in range(MAX_ROWS)]
    files[ENGAGEMENTS] = "\n".join([header, *rows]) + "\n"
    # Reported once, where the engagements pass the limit; the two files read after them are not read at all.
    [problem] = rejected(exports.write(tmp_path, files))
    before = sum(len(exports.BASE[name].strip().splitlines()) - 1 for name in (ORGANISATION, PEOPLE))
    assert (problem.file, problem.line) == (ENGAGEMENTS, MAX_ROWS - before + 2)  # the row past the limit
    assert "200.000" in problem.text


def test_a_template_with_more_rows_than_its_limit_is_refused(db):
    header = ";".join(column.name for column in TEMPLATE_COLUMNS)
    rows = [f"K;Kommune;;Kommune;{i};Navn {i};;;;nej;;;;" for i in range(MAX_TEMPLATE_ROWS + 1)]
    [problem] = problems_of([("organisation.csv", "\n".join([header, *rows]).encode())])
    assert (problem.file, problem.line) == ("organisation.csv", MAX_TEMPLATE_ROWS + 2)
    assert "100.000" in problem.text


def test_an_export_with_more_units_than_the_limit_is_refused_at_the_first_too_many(rejected, tmp_path):
    files = dict(exports.BASE)
    files[ORGANISATION] += "".join(f"X{i};Enhed {i};ROOT;;;\n" for i in range(MAX_UNITS))
    problems = rejected(exports.write(tmp_path, files))
    assert [(p.file, p.line) for p in problems] == [(ORGANISATION, MAX_UNITS + 2)]  # after the header
    assert "mere end 10.000 enheder" in problems[0].text


def test_a_template_with_more_managers_than_the_limit_is_refused(db):
    header = ";".join(column.name for column in TEMPLATE_COLUMNS)
    rows = ["K;Kommune;;Kommune;;;;;;;;;;"] + [f"K;;;;{i};Navn {i};;;;ja;;;;" for i in range(MAX_MANAGERS + 1)]
    [problem] = problems_of([("organisation.csv", "\n".join([header, *rows]).encode())])
    assert (problem.file, problem.line) == ("organisation.csv", MAX_MANAGERS + 3)
    assert "mere end 10.000 ledere" in problem.text


def test_a_line_without_an_end_stops_the_reading(rejected, tmp_path):
    files: dict = dict(exports.BASE)
    files[PEOPLE] = files[PEOPLE].encode() + b"\0" * 200_000
    [problem] = rejected(exports.write(tmp_path, files))
    assert (problem.file, problem.line) == (PEOPLE, 8)
    assert "100.000" in problem.text


def test_the_report_lists_the_first_problems_and_counts_the_rest(run_import, aarhus, tmp_path):
    files = dict(exports.BASE)
    header = files[ENGAGEMENTS].splitlines()[0]
    files[ENGAGEMENTS] = "\n".join([header] + [f"E{i};P1;BU;ja;S1;1;;" for i in range(1500)]) + "\n"
    result = run_import(exports.write(tmp_path, files))
    assert result.error is not None and result.error.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Importen blev standset af 1500 problemer; intet blev gemt."
    assert sum(line.startswith(f"{ENGAGEMENTS}, linje") for line in lines) == MAX_LISTED
    assert "… og 500 problemer mere, som ikke er vist." in lines
    assert not Person.objects.filter(municipality=aarhus).exists()


def test_the_upload_page_counts_the_problems_it_does_not_list(client_for, world):
    files = dict(exports.BASE)
    header = files[ENGAGEMENTS].splitlines()[0]
    files[ENGAGEMENTS] = "\n".join([header] + [f"E{i};P1;BU;ja;S1;1;;" for i in range(1200)]) + "\n"
    uploads = [SimpleUploadedFile(name, text.encode()) for name, text in files.items()]
    html = client_for("municipal_admin").post(UPLOAD, {"upload": uploads}).content.decode()
    assert "Vi fandt 1200 problemer." in html
    assert html.count("<td>plan2learn_engagement.csv</td>") == MAX_LISTED
    assert "… og 200 problemer mere, som ikke er vist." in html


def test_a_long_value_is_cut_in_the_report_after_cpr_numbers_are_hidden(rejected, tmp_path):
    cpr = exports.FAKE_CPRS[0]
    # The CPR number straddles the place where the quoted value is cut.
    address = "a" * 195 + " " + cpr + " " + "b" * 300
    files = exports.edited({PEOPLE: [("ali.hassan@soebjerg.example", address)]})
    # One problem says the value looks like a CPR number (without quoting it), one quotes the address.
    [problem] = [p for p in rejected(exports.write(tmp_path, files)) if "“" in p.text]
    assert problem.column == "E-mail"
    assert cpr[:4] not in problem.text and "b" * 50 not in problem.text
    assert "a" * 195 + " *" in problem.text and problem.text.count("…") == 1


def test_an_xlsx_workbook_that_unpacks_beyond_the_limit_is_refused(db):
    from digikomp.orgimport.template import template_xlsx

    with zipfile.ZipFile(io.BytesIO(template_xlsx())) as workbook:
        parts = {info.filename: workbook.read(info) for info in workbook.infolist()}
    parts["xl/sharedStrings.xml"] = b" " * (33 * 1024 * 1024)
    [problem] = problems_of([("organisation.xlsx", zipped(parts))])
    assert problem.file == "organisation.xlsx"
    assert "xl/sharedStrings.xml" in problem.text and "32,0\xa0MB" in problem.text
    parts["xl/sharedStrings.xml"] = b""
    parts["xl/worksheets/sheet2.xml"] = b" " * (129 * 1024 * 1024)
    [problem] = problems_of([("organisation.xlsx", zipped(parts))])
    assert "128,0\xa0MB" in problem.text


def test_the_command_reads_a_folder_as_streams_and_imports_it(run_import, aarhus, tmp_path):
    # The whole path of a good export, file by file, as before the limits: nothing else changed.
    assert read_path(exports.write(tmp_path), Problems()) is not None
    assert run_import(tmp_path).error is None
    assert Person.objects.filter(municipality=aarhus).count() == 6
