"""Our own import template (one CSV or XLSX sheet) read into a Snapshot, and the template files to download.

One row per person, carrying the unit they work in; a row with an empty medarbejder_id only defines a unit.
A row defines (or repeats) its unit when enhed_navn is filled in, and then name, parent and type must agree
with every other row that defines the same unit; a row with enhed_navn empty refers to a unit defined
elsewhere.
`leder` = ja makes the person a manager of the row's unit. docs/org-import.md documents the format.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext_lazy as _

from digikomp.lib.inputs import MAX_TEMPLATE_ROWS, Input
from digikomp.lib.problems import Problems
from digikomp.lib.tables import Column, RowBudget, Table, read_csv, read_xlsx
from digikomp.orgimport.snapshot import Checker, ManagerRecord, PersonRecord, Snapshot, UnitRecord, check_tree

COLUMNS = [
    Column("enhed_id"), Column("enhed_navn"), Column("overordnet_enhed_id"), Column("enhedstype"),
    Column("medarbejder_id"), Column("navn"), Column("email"), Column("stillingskode"), Column("stilling"),
    Column("leder"),
    Column("ledertitel", required=False), Column("gade", required=False), Column("postnr", required=False),
    Column("by", required=False),
]
YES_NO = {"ja": True, "j": True, "x": True, "1": True, "yes": True,
          "nej": False, "n": False, "0": False, "no": False, "": False}
PERSON_COLUMNS = ("navn", "email", "stillingskode", "stilling", "leder", "ledertitel")
UNIT_DETAILS = ("overordnet_enhed_id", "enhedstype", "gade", "postnr", "by")

EXAMPLE_ROWS = [
    ["K", "Søbjerg Kommune", "", "Kommune", "", "", "", "", "", "", "", "Rådhustorvet 1", "8999", "Søbjerg"],
    ["BU", "Børn og Unge", "K", "Forvaltning", "1001", "Mette Holm", "mette.holm@soebjerg.example", "DIR",
     "Direktør", "ja", "Børne- og ungedirektør", "", "", ""],
    ["SKV", "Skovvangskolen", "BU", "Skole", "1002", "Jens Lund", "jens.lund@soebjerg.example", "SKL",
     "Skoleleder", "ja", "", "Skovvangen 4", "8999", "Søbjerg"],
    ["SKV", "", "", "", "1003", "Anne Kjær Nielsen", "anne.nielsen@soebjerg.example", "LÆR", "Lærer", "nej",
     "", "", "", ""],
    ["SKV", "", "", "", "1004", "Ali Hassan", "ali.hassan@soebjerg.example", "PÆD", "Pædagog", "nej",
     "", "", "", ""],
]


def read_template(*, file: str, data: Input | bytes, problems: Problems) -> Snapshot | None:
    """The Snapshot of one template file (CSV or XLSX by its name), or None with every problem reported."""
    reader = read_xlsx if file.casefold().endswith(".xlsx") else read_csv
    table = reader(file=file, data=data, columns=COLUMNS, problems=problems,
                   budget=RowBudget(MAX_TEMPLATE_ROWS))
    if table is None:
        return None
    snapshot = Snapshot(source="template")
    _read_rows(table, snapshot, problems)
    for person in snapshot.people.values():  # the unit's own id string rather than each row's copy of it
        unit = snapshot.units.get(person.unit_id)
        if unit is not None:
            person.unit_id = unit.external_id
    check_tree(snapshot, problems, file=file, parent_column="overordnet_enhed_id")
    return None if problems else snapshot


def _read_rows(table: Table, snapshot: Snapshot, problems: Problems) -> None:
    check = Checker(problems, table.file)
    referred: dict[str, int] = {}  # units named only by enhed_id, with the first line that did so
    empty = True
    for row in table.rows:
        empty = False
        unit_id = row["enhed_id"]
        if check.required(row.line, "enhed_id", unit_id) and check.length(row.line, "enhed_id", unit_id,
                                                                           "unit_id"):
            if row["enhed_navn"]:
                _define_unit(row, snapshot, check)
            else:
                for column in UNIT_DETAILS:
                    if row.get(column):
                        problems.add(table.file, row.line, column,
                                     _("Fill in enhed_navn too when the row gives details of its unit."))
                referred.setdefault(unit_id, row.line)
        if row["medarbejder_id"]:
            _add_person(row, snapshot, check)
        else:
            for column in PERSON_COLUMNS:
                if row.get(column):
                    problems.add(table.file, row.line, "medarbejder_id",
                                 _("A value is required when the row describes a person."))
                    break
    if empty:
        problems.add(table.file, None, "", _("The file holds no units."))
    for unit_id, line in referred.items():
        if unit_id not in snapshot.units:
            problems.add(table.file, line, "enhed_id",
                         _("The unit “%(id)s” is not defined: no row gives its enhed_navn."), id=unit_id)


def _define_unit(row, snapshot: Snapshot, check: Checker) -> None:
    unit_id = row["enhed_id"]
    check.length(row.line, "enhed_navn", row["enhed_navn"], "unit_name")
    check.length(row.line, "enhedstype", row["enhedstype"], "unit_type")
    check.length(row.line, "gade", row.get("gade"), "street")
    check.length(row.line, "postnr", row.get("postnr"), "postcode")
    check.length(row.line, "by", row.get("by"), "city")
    unit = UnitRecord(unit_id, row["enhed_navn"], row["overordnet_enhed_id"], row["enhedstype"],
                      row.get("gade"), row.get("postnr"), row.get("by"), row.line)
    first = snapshot.units.get(unit_id)
    if first is None:
        if check.room(row.line, "units", len(snapshot.units)):
            snapshot.units[unit_id] = unit
        return
    for column, mine, theirs in (("enhed_navn", unit.name, first.name),
                                 ("overordnet_enhed_id", unit.parent_id, first.parent_id),
                                 ("enhedstype", unit.unit_type, first.unit_type)):
        if mine != theirs:
            check.problems.add(check.file, row.line, column,
                               _("The unit “%(id)s” has another value here than on line %(other)d."),
                               id=unit_id, other=first.line)
    for column, name in (("gade", "street"), ("postnr", "postcode"), ("by", "city")):
        mine, theirs = getattr(unit, name), getattr(first, name)
        if mine and theirs and mine != theirs:
            check.problems.add(check.file, row.line, column,
                               _("The unit “%(id)s” has another value here than on line %(other)d."),
                               id=unit_id, other=first.line)
        elif mine and not theirs:
            setattr(first, name, mine)


def _add_person(row, snapshot: Snapshot, check: Checker) -> None:
    ext = row["medarbejder_id"]
    ok = (check.length(row.line, "medarbejder_id", ext, "person_id")
          and check.no_cpr(row.line, "medarbejder_id", ext))
    for column, limit in (("navn", "person_name"), ("email", "email"), ("stilling", "job_title"),
                          ("stillingskode", "job_code"), ("ledertitel", "title")):
        if row.get(column) is not None and check.no_cpr(row.line, column, row[column]):
            check.length(row.line, column, row[column], limit)
    check.required(row.line, "navn", row["navn"])
    check.email(row.line, "email", row["email"])
    leads = check.flag(row.line, "leder", row["leder"], YES_NO)
    if not ok:
        return
    if ext in snapshot.people:
        check.problems.add(check.file, row.line, "medarbejder_id",
                           _("The person id “%(id)s” is used already on line %(other)d."),
                           id=ext, other=snapshot.people[ext].line)
        return
    unit_id = row["enhed_id"]
    snapshot.people[ext] = PersonRecord(ext, row["navn"], row["email"], row["stillingskode"], row["stilling"],
                                        unit_id, True, row.line)
    if leads and unit_id and check.room(row.line, "managers", len(snapshot.managers)):
        title = row.get("ledertitel") or row["stilling"]
        snapshot.managers.append(ManagerRecord(ext, unit_id, title, row.line))


def template_csv() -> bytes:
    """The template as CSV: UTF-8 with BOM so that Excel shows æøå, semicolons as Danish Excel writes them."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    writer.writerows(EXAMPLE_ROWS)
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Organisation"
    sheet.append([c.name for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in EXAMPLE_ROWS:
        sheet.append(row)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(14, len(column.name) + 4)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
