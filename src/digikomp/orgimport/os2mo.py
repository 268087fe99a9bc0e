"""OS2mo's plan2learn export (five semicolon-separated files) read into a Snapshot.

The meaning, as OS2mo's export to a competence system has it: units by AfdelingsID with Parentid (empty = a
root); a person is a `bruger` row plus their engagements, of which only AktivStatus 1 counts; the primary unit
is the engagement marked Primær 1, or if none is, the one that started first. The job code and title come from
the engagement's stillingskode. Managers come from `leder` rows with AktivStatus 1. The CPR and Mobil columns
are never read (lib/tables.py drops them while parsing).

Rows with AktivStatus 0 are checked for their format but otherwise ignored, including what they refer to.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from digikomp.lib.inputs import Input
from digikomp.lib.problems import Problems
from digikomp.lib.tables import Column, RowBudget, Table, read_csv
from digikomp.orgimport.snapshot import Checker, ManagerRecord, PersonRecord, Snapshot, UnitRecord, check_tree

ORGANISATION = "plan2learn_organisation.csv"
PEOPLE = "plan2learn_bruger.csv"
ENGAGEMENTS = "plan2learn_engagement.csv"
JOB_CODES = "plan2learn_stillingskode.csv"
MANAGERS = "plan2learn_leder.csv"
FILES = (ORGANISATION, PEOPLE, ENGAGEMENTS, JOB_CODES, MANAGERS)

COLUMNS = {
    ORGANISATION: [Column("AfdelingsID"), Column("Afdelingsnavn"), Column("Parentid"),
                   Column("Gade", required=False), Column("Postnr", required=False),
                   Column("By", required=False)],
    # CPR and Mobil are deliberately not listed: they are never read.
    PEOPLE: [Column("BrugerId"), Column("Navn"), Column("E-mail"), Column("Stilling")],
    ENGAGEMENTS: [Column("EngagementId"), Column("BrugerId"), Column("AfdelingsId"), Column("AktivStatus"),
                  Column("StillingskodeId"), Column("Primær"), Column("StartdatoEngagement")],
    JOB_CODES: [Column("StillingskodeID"), Column("AktivStatus"), Column("Stillingskode"),
                Column("Stillingskode#")],
    MANAGERS: [Column("BrugerId"), Column("AfdelingsID"), Column("AktivStatus"), Column("Titel")],
}

ACTIVE = {"1": True, "0": False}
PRIMARY = {"1": True, "0": False, "": False}
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DANISH_DATE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


def is_os2mo_file(name: str) -> bool:
    return name.casefold().startswith("plan2learn_")


@dataclass(slots=True)
class Engagement:
    person_id: str
    unit_id: str
    job_code_id: str
    primary: bool
    start: datetime.date | None
    line: int


def parse_date(value: str) -> datetime.date | None:
    """YYYY-MM-DD or DD-MM-YYYY; raises ValueError for anything else."""
    if match := ISO_DATE.fullmatch(value):
        year, month, day = match.groups()
    elif match := DANISH_DATE.fullmatch(value):
        day, month, year = match.groups()
    else:
        raise ValueError(value)
    return datetime.date(int(year), int(month), int(day))


def read_os2mo(files: Mapping[str, Input | bytes], problems: Problems) -> Snapshot | None:
    """The Snapshot of the five files (keyed by file name, any case), or None with every problem reported."""
    by_name = {name.casefold(): (name, data) for name, data in files.items()}
    tables: dict[str, Table | None] = {}
    budget = RowBudget()
    for expected in FILES:
        if expected.casefold() not in by_name:
            problems.add(expected, None, "", _("The file is missing; an OS2mo export has five files."))
            tables[expected] = None
            continue
        name, data = by_name[expected.casefold()]
        tables[expected] = read_csv(file=name, data=data, columns=COLUMNS[expected], problems=problems,
                                    budget=budget)

    # Each readable file is checked in full, and references are checked against every file that could be read,
    # so the report lists every problem at once; any problem at all means no snapshot.
    snapshot = Snapshot(source="os2mo")
    readable = {name: table for name, table in tables.items() if table is not None}
    if ORGANISATION in readable:
        _read_units(readable[ORGANISATION], snapshot, problems)
    units = snapshot.units if ORGANISATION in readable else None
    people = _read_people(readable[PEOPLE], problems) if PEOPLE in readable else None
    job_codes = _read_job_codes(readable[JOB_CODES], problems) if JOB_CODES in readable else None
    engagements = (_read_engagements(readable[ENGAGEMENTS], problems, units=units, people=people)
                   if ENGAGEMENTS in readable else None)
    if MANAGERS in readable:
        _read_managers(readable[MANAGERS], snapshot, problems, units=units, people=people)
    if problems:
        return None
    _combine(snapshot, people, engagements, job_codes)
    return snapshot


def _read_units(table: Table, snapshot: Snapshot, problems: Problems) -> None:
    check = Checker(problems, table.file)
    empty = True
    for row in table.rows:
        empty = False
        ext, name = row["AfdelingsID"], row["Afdelingsnavn"]
        if not check.required(row.line, "AfdelingsID", ext):
            continue
        if not check.length(row.line, "AfdelingsID", ext, "unit_id"):
            continue
        check.required(row.line, "Afdelingsnavn", name)
        check.length(row.line, "Afdelingsnavn", name, "unit_name")
        check.length(row.line, "Gade", row.get("Gade"), "street")
        check.length(row.line, "Postnr", row.get("Postnr"), "postcode")
        check.length(row.line, "By", row.get("By"), "city")
        if ext in snapshot.units:
            problems.add(table.file, row.line, "AfdelingsID",
                         _("The unit id “%(id)s” is used already on line %(other)d."),
                         id=ext, other=snapshot.units[ext].line)
            continue
        if check.room(row.line, "units", len(snapshot.units)):
            snapshot.units[ext] = UnitRecord(ext, name, row["Parentid"], None, row.get("Gade"),
                                             row.get("Postnr"), row.get("By"), row.line)
    if empty:
        problems.add(table.file, None, "", _("The file holds no units."))
    check_tree(snapshot, problems, file=table.file, parent_column="Parentid")


def _read_people(table: Table, problems: Problems) -> dict[str, PersonRecord]:
    check = Checker(problems, table.file)
    people: dict[str, PersonRecord] = {}
    empty = True
    for row in table.rows:
        empty = False
        ext = row["BrugerId"]
        ok = (check.required(row.line, "BrugerId", ext)
              and check.length(row.line, "BrugerId", ext, "person_id")
              and check.no_cpr(row.line, "BrugerId", ext))
        for column, limit in (("Navn", "person_name"), ("E-mail", "email"), ("Stilling", "job_title")):
            if check.no_cpr(row.line, column, row[column]):
                check.length(row.line, column, row[column], limit)
        check.required(row.line, "Navn", row["Navn"])
        check.email(row.line, "E-mail", row["E-mail"])
        if not ok:
            continue
        if ext in people:
            problems.add(table.file, row.line, "BrugerId",
                         _("The person id “%(id)s” is used already on line %(other)d."),
                         id=ext, other=people[ext].line)
            continue
        people[ext] = PersonRecord(ext, row["Navn"], row["E-mail"], "", row["Stilling"], "", False, row.line)
    if empty:
        problems.add(table.file, None, "", _("The file holds no people."))
    return people


def _read_job_codes(table: Table, problems: Problems) -> dict[str, tuple[str, str]]:
    """StillingskodeID -> (job code, job title)."""
    check = Checker(problems, table.file)
    codes: dict[str, tuple[str, str]] = {}
    lines: dict[str, int] = {}
    for row in table.rows:
        ext = row["StillingskodeID"]
        check.flag(row.line, "AktivStatus", row["AktivStatus"], ACTIVE)
        check.length(row.line, "Stillingskode", row["Stillingskode"], "job_title")
        code = row["Stillingskode#"] or ext
        code_column = "Stillingskode#" if row["Stillingskode#"] else "StillingskodeID"
        check.length(row.line, code_column, code, "job_code")
        if not check.required(row.line, "StillingskodeID", ext):
            continue
        if ext in codes:
            problems.add(table.file, row.line, "StillingskodeID",
                         _("The job code id “%(id)s” is used already on line %(other)d."),
                         id=ext, other=lines[ext])
            continue
        codes[ext] = (code, row["Stillingskode"])
        lines[ext] = row.line
    return codes


def _read_engagements(table: Table, problems: Problems, *, units, people) -> list[Engagement]:
    """Active engagements; references are checked only against files that could be read (not None)."""
    check = Checker(problems, table.file)
    seen: dict[str, int] = {}
    engagements: list[Engagement] = []
    for row in table.rows:
        ext = row["EngagementId"]
        if check.required(row.line, "EngagementId", ext):
            if ext in seen:
                problems.add(table.file, row.line, "EngagementId",
                             _("The engagement id “%(id)s” is used already on line %(other)d."),
                             id=ext, other=seen[ext])
            else:
                seen[ext] = row.line
        active = check.flag(row.line, "AktivStatus", row["AktivStatus"], ACTIVE)
        primary = check.flag(row.line, "Primær", row["Primær"], PRIMARY)
        start = None
        if row["StartdatoEngagement"]:
            try:
                start = parse_date(row["StartdatoEngagement"])
            except ValueError:
                problems.add(table.file, row.line, "StartdatoEngagement",
                             _("“%(value)s” is not a date; write YYYY-MM-DD or DD-MM-YYYY."),
                             value=row["StartdatoEngagement"])
        person_id, unit_id = row["BrugerId"], row["AfdelingsId"]
        # An unknown StillingskodeId becomes the job code itself, so it must fit the column too.
        check.length(row.line, "StillingskodeId", row["StillingskodeId"], "job_code")
        check.required(row.line, "BrugerId", person_id)
        check.required(row.line, "AfdelingsId", unit_id)
        if not active:
            continue
        if people is not None and person_id and person_id not in people:
            problems.add(table.file, row.line, "BrugerId",
                         _("The person “%(id)s” is not in %(file)s."), id=person_id, file=PEOPLE)
        if units is not None and unit_id and unit_id not in units:
            problems.add(table.file, row.line, "AfdelingsId",
                         _("The unit “%(id)s” is not in %(file)s."), id=unit_id, file=ORGANISATION)
        engagements.append(Engagement(person_id, unit_id, row["StillingskodeId"], bool(primary), start,
                                      row.line))
    return engagements


def _read_managers(table: Table, snapshot: Snapshot, problems: Problems, *, units, people) -> None:
    check = Checker(problems, table.file)
    seen: set[tuple[str, str]] = set()
    for row in table.rows:
        person_id, unit_id, title = row["BrugerId"], row["AfdelingsID"], row["Titel"]
        active = check.flag(row.line, "AktivStatus", row["AktivStatus"], ACTIVE)
        check.length(row.line, "Titel", title, "title")
        has_person = check.required(row.line, "BrugerId", person_id)
        has_unit = check.required(row.line, "AfdelingsID", unit_id)
        if not (active and has_person and has_unit):
            continue
        if people is not None and person_id not in people:
            problems.add(table.file, row.line, "BrugerId",
                         _("The person “%(id)s” is not in %(file)s."), id=person_id, file=PEOPLE)
        if units is not None and unit_id not in units:
            problems.add(table.file, row.line, "AfdelingsID",
                         _("The unit “%(id)s” is not in %(file)s."), id=unit_id, file=ORGANISATION)
        # The same manager listed twice for a unit is one manager; the first title counts.
        if (person_id, unit_id) not in seen and check.room(row.line, "managers", len(snapshot.managers)):
            seen.add((person_id, unit_id))
            snapshot.managers.append(ManagerRecord(person_id, unit_id, title, row.line))


def _combine(snapshot: Snapshot, people: dict[str, PersonRecord], engagements: list[Engagement],
             job_codes: dict[str, tuple[str, str]]) -> None:
    """Give each person their primary unit and job from their active engagements."""
    by_person: dict[str, list[Engagement]] = {}
    for engagement in engagements:
        by_person.setdefault(engagement.person_id, []).append(engagement)
    for ext, person in people.items():
        mine = by_person.get(ext)
        if mine:
            pool = [e for e in mine if e.primary] or mine
            # Earliest start first; an engagement without a start date counts as the latest; then file order.
            chosen = min(pool, key=lambda e: (e.start is None, e.start or datetime.date.max, e.line))
            code, title = job_codes.get(chosen.job_code_id, (chosen.job_code_id, ""))
            # The unit's own id string rather than the engagement row's copy of it: one string per unit.
            person.unit_id = snapshot.units[chosen.unit_id].external_id
            person.job_code = code
            person.job_title = title or person.job_title
            person.active = True
        snapshot.people[ext] = person
