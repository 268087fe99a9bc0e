"""The organisation as an import file describes it, whatever the format: units, people and managers.

Both readers (os2mo.py, template.py) produce a Snapshot, and the services compare it with the database. Here
also live the checks every format shares: field lengths, e-mail addresses, CPR-looking values, and the unit
tree (unknown parent, cycles, depth). A Snapshot never holds a CPR number, so its JSON form can be kept on the
OrgImport record between preview and confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from digikomp.lib.inputs import number
from digikomp.lib.problems import Problems, looks_like_cpr
from digikomp.tenancy.models import PATH_SEGMENT_WIDTH, OrgUnit, Person, UnitManager

# A path is "/" plus one segment per level; the column holds 400 characters.
MAX_DEPTH = (OrgUnit._meta.get_field("path").max_length - 1) // (PATH_SEGMENT_WIDTH + 1) - 1


def max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


LIMITS = {
    "unit_id": max_length(OrgUnit, "external_id"),
    "unit_name": max_length(OrgUnit, "name"),
    "unit_type": max_length(OrgUnit, "unit_type"),
    "street": max_length(OrgUnit, "street"),
    "postcode": max_length(OrgUnit, "postcode"),
    "city": max_length(OrgUnit, "city"),
    "person_id": max_length(Person, "external_id"),
    "person_name": max_length(Person, "name"),
    "email": max_length(Person, "email"),
    "job_code": max_length(Person, "job_code"),
    "job_title": max_length(Person, "job_title"),
    "title": max_length(UnitManager, "title"),
}


PLAIN_EMAIL = re.compile(r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
                         r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


@dataclass(slots=True)  # one per row: slots keep the largest import small
class UnitRecord:
    external_id: str
    name: str
    parent_id: str  # "" for a root
    # None: the format has no such column, so an existing value is kept.
    unit_type: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    line: int = 0


@dataclass(slots=True)
class PersonRecord:
    external_id: str
    name: str
    email: str
    job_code: str
    job_title: str
    unit_id: str  # "" when the person has no active engagement
    active: bool
    line: int = 0


@dataclass(slots=True)
class ManagerRecord:
    person_id: str
    unit_id: str
    title: str
    line: int = 0


@dataclass
class Snapshot:
    source: str  # "os2mo" or "template"
    units: dict[str, UnitRecord] = field(default_factory=dict)
    people: dict[str, PersonRecord] = field(default_factory=dict)
    managers: list[ManagerRecord] = field(default_factory=list)

    def to_json(self) -> dict:
        """Compact lists rather than objects: an export of 45,000 people stays a few megabytes."""
        return {
            "source": self.source,
            "units": [[u.external_id, u.name, u.parent_id, u.unit_type, u.street, u.postcode, u.city]
                      for u in self.units.values()],
            "people": [[p.external_id, p.name, p.email, p.job_code, p.job_title, p.unit_id, p.active]
                       for p in self.people.values()],
            "managers": [[m.person_id, m.unit_id, m.title] for m in self.managers],
        }

    @classmethod
    def from_json(cls, data: dict) -> Snapshot:
        """The Snapshot of to_json()'s lists, which it takes out of `data` row by row as it goes, so that a row
        is either a list or a record, never both."""
        units = {row[0]: UnitRecord(*row) for row in _consumed(data.pop("units"))}
        people = {row[0]: PersonRecord(*row) for row in _consumed(data.pop("people"))}
        managers = [ManagerRecord(*row) for row in _consumed(data.pop("managers"))]
        return cls(source=data["source"], units=units, people=people, managers=managers)


def _consumed(rows: list) -> Iterator:
    """The rows in order, each dropped from the list as it is handed out."""
    rows.reverse()
    while rows:
        yield rows.pop()


# Units and manager roles one import may hold (the largest municipality has 1,500 units, each with a manager).
# A unit costs more memory than a person (its place in the tree, its path), and a template row can define one
# and a manager as well as a person, so they have limits of their own beside the rows' (lib/inputs.py).
MAX_UNITS = 10_000
MAX_MANAGERS = 10_000


class Checker:
    """Field checks shared by the readers; each failed check adds a Problem and returns False."""

    def __init__(self, problems: Problems, file: str):
        self.problems = problems
        self.file = file
        self._full: set[str] = set()

    def room(self, line: int, kind: str, count: int) -> bool:
        """Whether one more unit or manager (kind "units" or "managers", of which there are `count`) is within
        its limit; the first that is not is reported, with its line."""
        limit = MAX_UNITS if kind == "units" else MAX_MANAGERS
        if count < limit:
            return True
        if kind not in self._full:
            self._full.add(kind)
            message = (_("The import has more than %(limit)s units; DigiKomp imports at most %(limit)s.")
                       if kind == "units" else
                       _("The import names more than %(limit)s managers; DigiKomp imports at most %(limit)s."))
            self.problems.add(self.file, line, "", message, limit=number(limit))
        return False

    def required(self, line: int, column: str, value: str) -> bool:
        if value:
            return True
        self.problems.add(self.file, line, column, _("A value is required."))
        return False

    def length(self, line: int, column: str, value: str | None, limit: str) -> bool:
        if value is None or len(value) <= LIMITS[limit]:
            return True
        self.problems.add(self.file, line, column, _("The value is longer than %(limit)d characters."),
                          limit=LIMITS[limit])
        return False

    def no_cpr(self, line: int, column: str, value: str) -> bool:
        # Never quote the value: it may be a real CPR number.
        if not looks_like_cpr(value):
            return True
        self.problems.add(self.file, line, column,
                          _("The value looks like a CPR number. CPR numbers must not be imported; "
                            "remove them from this column."))
        return False

    def email(self, line: int, column: str, value: str) -> bool:
        # Most addresses are plain; the fast pattern accepts only addresses validate_email accepts too.
        if not value or (len(value) <= LIMITS["email"] and PLAIN_EMAIL.fullmatch(value)):
            return True
        try:
            validate_email(value)
        except ValidationError:
            self.problems.add(self.file, line, column, _("“%(value)s” is not a valid e-mail address."),
                              value=value)
            return False
        return True

    def flag(self, line: int, column: str, value: str, allowed: dict[str, bool]) -> bool | None:
        try:
            return allowed[value.casefold()]
        except KeyError:
            self.problems.add(self.file, line, column,
                              _("“%(value)s” is not one of the allowed values %(allowed)s."),
                              value=value, allowed=", ".join(sorted(a for a in allowed if a)))
            return None


def check_tree(snapshot: Snapshot, problems: Problems, *, file: str, parent_column: str) -> None:
    """Every parent exists in the file, the parents form no cycle, and the tree fits the path column."""
    units = snapshot.units
    for unit in units.values():
        if unit.parent_id and unit.parent_id not in units:
            problems.add(file, unit.line, parent_column,
                         _("The parent unit “%(parent)s” is not in the file."), parent=unit.parent_id)

    # Walk up from every unit once, remembering depths; a walk that meets itself has found a cycle. Units on
    # or below a cycle get no depth (the cycle is reported once, at its first line).
    depth: dict[str, int] = {}
    unrooted: set[str] = set()
    for start in units:
        chain: list[str] = []
        position: dict[str, int] = {}
        current = start
        while (current in units and current not in depth and current not in unrooted
               and current not in position):
            position[current] = len(chain)
            chain.append(current)
            current = units[current].parent_id
        if current in position:
            cycle = chain[position[current]:]
            first = min(cycle, key=lambda ext: units[ext].line)
            ordered = cycle[cycle.index(first):] + cycle[:cycle.index(first)]
            problems.add(file, units[first].line, parent_column,
                         _("The units form a cycle, each followed by its parent: %(cycle)s."),
                         cycle=" → ".join(ordered + [first]))
            unrooted.update(chain)
            continue
        if current in unrooted:
            unrooted.update(chain)
            continue
        base = depth.get(current, -1)
        for ext in reversed(chain):
            base += 1
            depth[ext] = base
    for ext, level in depth.items():
        if level > MAX_DEPTH:
            problems.add(file, units[ext].line, parent_column,
                         _("The unit lies %(depth)d levels below the top; at most %(limit)d levels are "
                           "supported."), depth=level, limit=MAX_DEPTH)
