"""Planning and applying an import: compare a Snapshot with the database, then write the difference.

Re-importing is an upsert by external id. Units and people that are no longer in the file become inactive,
never deleted, and become active again when they return; managers likewise. The work is sized for the largest
municipality (45,000 people, 1,500 units): existing rows are loaded once into dicts keyed by external id, new
rows go in with multi-row INSERTs and only rows that really change are updated (bulk.py). No query runs per
row. Applying happens inside one transaction, so an import is all or nothing.

Applying refuses a plan that deactivates more than a set share of the people or units unless the caller
confirms its numbers (deactivation.py), and returns the previous state of every row it wrote, from which
undo.py can put the organisation back as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from digikomp.audit.models import log_action
from digikomp.orgimport.bulk import insert_rows, update_rows
from digikomp.orgimport.changes import Change, Changes
from digikomp.orgimport.deactivation import Deactivation, MassDeactivationError
from digikomp.orgimport.snapshot import Snapshot
from digikomp.tenancy.models import Municipality, OrgUnit, Person, UnitManager

NEW_UNIT_FIELDS = ["municipality", "external_id", "name", "unit_type", "street", "postcode", "city", "path",
                   "depth", "active", "updated_at"]
UNIT_FIELDS = ["name", "unit_type", "parent", "path", "depth", "street", "postcode", "city", "active",
               "updated_at"]
NEW_PERSON_FIELDS = ["municipality", "external_id", "name", "email", "job_code", "job_title", "primary_unit",
                     "active", "updated_at"]
PERSON_FIELDS = ["name", "email", "job_code", "job_title", "primary_unit", "active", "updated_at"]
UNIT_DETAILS = ("unit_type", "street", "postcode", "city")
# Rows fetched at a time when the existing organisation is read.
CHUNK_ROWS = 5000


class ExistingUnit(NamedTuple):
    pk: int
    external_id: str
    name: str
    unit_type: str
    parent_id: int | None
    path: str
    depth: int
    street: str
    postcode: str
    city: str
    active: bool
    updated_at: datetime


class ExistingPerson(NamedTuple):
    pk: int
    external_id: str
    name: str
    email: str
    job_code: str
    job_title: str
    primary_unit_id: int | None
    active: bool
    updated_at: datetime


class ExistingManager(NamedTuple):
    pk: int
    title: str
    active: bool


@dataclass
class ImportPlan:
    municipality: Municipality
    snapshot: Snapshot
    units: dict[str, ExistingUnit]
    people: dict[str, ExistingPerson]
    managers: dict[tuple[str, str], ExistingManager]  # by (person external id, unit external id)
    changes: Changes = field(default_factory=Changes)

    @property
    def deactivation(self) -> Deactivation:
        """How many of the people and units active now the plan deactivates."""
        counts = self.changes.counts()
        return Deactivation(people=counts["people_deactivated"],
                            people_active=sum(p.active for p in self.people.values()),
                            units=counts["units_deactivated"],
                            units_active=sum(u.active for u in self.units.values()))


@dataclass
class Applied:
    counts: dict[str, int]
    # The previous state of every row the import wrote, as undo.py reads it: "stamp", the updated_at written
    # on every unit and person it changed or created; "units", "people", "managers", the rows it changed, with
    # every column it may have changed as it was before; "units_created", "people_created",
    # "managers_created", the primary keys of the rows it inserted.
    undo: dict = field(default_factory=dict)


def org_import_plan(*, municipality: Municipality, snapshot: Snapshot, keep: int | None = None) -> ImportPlan:
    """What importing the snapshot would change, computed with three queries and nothing written. Every change
    is counted; the first `keep` of each kind are listed (all when None)."""
    # Read row by row (iterator): a list of every row as well as the dicts would double the memory of a plan.
    units = {row[1]: ExistingUnit(*row) for row in OrgUnit.objects.of_municipality(municipality)
             .values_list(*ExistingUnit._fields).iterator(chunk_size=CHUNK_ROWS)}
    people = {}
    shared: dict[str, str] = {}  # one string per job code and title, which thousands of people share
    for pk, ext, name, email, code, title, *rest in (Person.objects.of_municipality(municipality)
                                                     .values_list(*ExistingPerson._fields)
                                                     .iterator(chunk_size=CHUNK_ROWS)):
        people[ext] = ExistingPerson(pk, ext, name, email, shared.setdefault(code, code),
                                     shared.setdefault(title, title), *rest)
    managers = {(person, unit): ExistingManager(pk, title, active)
                for pk, person, unit, title, active in UnitManager.objects.of_municipality(municipality).values_list(
                    "pk", "person__external_id", "unit__external_id", "title", "active")
                .iterator(chunk_size=CHUNK_ROWS)}
    plan = ImportPlan(municipality, snapshot, units, people, managers, Changes(keep=keep))
    _plan_units(plan)
    _plan_people(plan)
    _plan_managers(plan)
    return plan


def _plan_units(plan: ImportPlan) -> None:
    snapshot, changes = plan.snapshot, plan.changes
    by_pk = {u.pk: u for u in plan.units.values()}
    for ext, record in snapshot.units.items():
        new_parent = snapshot.units[record.parent_id].name if record.parent_id else ""
        old = plan.units.get(ext)
        if old is None:
            changes.add("units_created", Change(ext, record.name, after=new_parent))
            continue
        if old.name != record.name:
            changes.add("units_renamed", Change(ext, record.name, before=old.name, after=record.name))
        old_parent = by_pk[old.parent_id] if old.parent_id else None
        if (old_parent.external_id if old_parent else "") != record.parent_id:
            changes.add("units_moved", Change(ext, record.name, before=old_parent.name if old_parent else "",
                                              after=new_parent))
        changed = tuple(name for name in UNIT_DETAILS
                        if getattr(record, name) is not None and getattr(record, name) != getattr(old, name))
        if changed:
            changes.add("units_changed", _details(ext, record.name, changed, old, record))
        if not old.active:
            changes.add("units_reactivated", Change(ext, record.name))
    for ext, old in plan.units.items():
        if ext not in snapshot.units and old.active:
            changes.add("units_deactivated", Change(ext, old.name))


def _details(ext: str, name: str, fields: tuple[str, ...], old, new) -> Change:
    """A change of details, with the old and new values of the changed fields in field order."""
    return Change(ext, name, before=" · ".join(getattr(old, f) or "–" for f in fields),
                  after=" · ".join(getattr(new, f) or "–" for f in fields), fields=fields)


def _plan_people(plan: ImportPlan) -> None:
    snapshot, changes = plan.snapshot, plan.changes
    unit_by_pk = {u.pk: u for u in plan.units.values()}
    for ext, record in snapshot.people.items():
        unit_name = snapshot.units[record.unit_id].name if record.unit_id else ""
        old = plan.people.get(ext)
        if old is None:
            changes.add("people_created", Change(ext, record.name, after=unit_name))
            continue
        # Someone without an active engagement keeps their last unit and job; only name and e-mail follow.
        compared = ("name", "email", "job_code", "job_title") if record.active else ("name", "email")
        changed = tuple(name for name in compared if getattr(record, name) != getattr(old, name))
        if changed:
            changes.add("people_changed", _details(ext, record.name, changed, old, record))
        if record.active:
            old_unit = unit_by_pk.get(old.primary_unit_id)
            if (old_unit.external_id if old_unit else "") != record.unit_id:
                changes.add("people_moved", Change(ext, record.name, before=old_unit.name if old_unit else "",
                                                   after=unit_name))
        if record.active and not old.active:
            changes.add("people_reactivated", Change(ext, record.name))
        elif old.active and not record.active:
            changes.add("people_deactivated", Change(ext, record.name))
    for ext, old in plan.people.items():
        if ext not in snapshot.people and old.active:
            changes.add("people_deactivated", Change(ext, old.name))


def _plan_managers(plan: ImportPlan) -> None:
    snapshot, changes = plan.snapshot, plan.changes
    wanted: dict[tuple[str, str], str] = {}
    for manager in snapshot.managers:
        wanted.setdefault((manager.person_id, manager.unit_id), manager.title)
    for (person, unit), title in wanted.items():
        label = f"{snapshot.people[person].name} – {snapshot.units[unit].name}"
        old = plan.managers.get((person, unit))
        if old is None or not old.active:
            changes.add("managers_added", Change(person, label, after=title))
        elif old.title != title:
            changes.add("managers_changed", Change(person, label, before=old.title, after=title))
    units_by_ext = {ext: u.name for ext, u in plan.units.items()}
    people_by_ext = {ext: p.name for ext, p in plan.people.items()}
    for (person, unit), old in plan.managers.items():
        if old.active and (person, unit) not in wanted:
            label = f"{people_by_ext.get(person, person)} – {units_by_ext.get(unit, unit)}"
            changes.add("managers_ended", Change(person, label, before=old.title))


def org_import_apply(*, plan: ImportPlan, actor=None, confirmed: Deactivation | None = None) -> Applied:
    """Write the plan in one transaction and record it in the audit log; returns the counts of changes and
    what undoing it takes. A plan that deactivates more than the threshold is written only when `confirmed`
    holds its very numbers; otherwise MassDeactivationError, and nothing is written."""
    deactivation = plan.deactivation
    if deactivation.exceeds() and confirmed != deactivation:
        raise MassDeactivationError(deactivation)
    now = timezone.now()
    undo: dict = {"stamp": now.isoformat()}
    with transaction.atomic():
        unit_pks = _apply_units(plan, now, undo)
        person_pks = _apply_people(plan, unit_pks, now, undo)
        _apply_managers(plan, unit_pks, person_pks, undo)
        counts = plan.changes.counts()
        log_action("org.import", actor=actor, municipality=plan.municipality,
                   data={"source": plan.snapshot.source, "units": len(plan.snapshot.units),
                         "people": len(plan.snapshot.people), **counts})
    return Applied(counts, undo)


def _apply_units(plan: ImportPlan, now, undo: dict) -> dict[str, int]:
    snapshot, municipality = plan.snapshot, plan.municipality
    # New units go in with a placeholder path: the real one embeds their primary key.
    new = [r for ext, r in snapshot.units.items() if ext not in plan.units]
    last = max((u.pk for u in plan.units.values()), default=0)
    insert_rows(OrgUnit, NEW_UNIT_FIELDS,
                ((municipality.pk, r.external_id, r.name, r.unit_type or "", r.street or "", r.postcode or "",
                  r.city or "", "/", 0, True, now) for r in new))
    pks = {ext: u.pk for ext, u in plan.units.items()}
    if new:
        # Only the new rows: nothing else adds units to a municipality while its import holds its lock.
        pks |= OrgUnit.objects.of_municipality(municipality).filter(pk__gt=last).values_list("external_id", "pk")
    # Units no longer in the file keep their parent; the tree is recomputed as a whole so that a unit moved
    # in the file takes along the paths of everything below it, inactive descendants included.
    parents = {u.pk: u.parent_id for u in plan.units.values()}
    parents |= {pks[ext]: (pks[r.parent_id] if r.parent_id else None) for ext, r in snapshot.units.items()}
    paths = _paths(parents)

    def updates() -> Iterator[tuple]:
        """The rows to update one at a time, each existing one's columns as they were added to `before`."""
        for record in new:
            pk = pks[record.external_id]
            yield (pk, record.name, record.unit_type or "", parents[pk], paths[pk], record.street or "",
                   record.postcode or "", record.city or "", True)
        for ext, old in plan.units.items():
            record = snapshot.units.get(ext)
            current = (old.pk, old.name, old.unit_type, old.parent_id, old.path, old.street, old.postcode,
                       old.city, old.active)
            if record is None:
                wanted = (old.pk, old.name, old.unit_type, old.parent_id, paths[old.pk], old.street,
                          old.postcode, old.city, False)
            else:
                wanted = (old.pk, record.name, _keep(record.unit_type, old.unit_type), parents[old.pk],
                          paths[old.pk], _keep(record.street, old.street), _keep(record.postcode, old.postcode),
                          _keep(record.city, old.city), True)
            if wanted != current:
                before.append([old.pk, old.name, old.unit_type, old.parent_id, old.path, old.depth, old.street,
                               old.postcode, old.city, old.active, old.updated_at.isoformat()])
                yield wanted

    before: list = []
    update_rows(OrgUnit, UNIT_FIELDS,
                (row[:5] + (row[4].count("/") - 2,) + row[5:] + (now,) for row in updates()))
    undo["units"] = before
    undo["units_created"] = [pks[record.external_id] for record in new]
    return pks


def _keep(new: str | None, old: str) -> str:
    """A column the file does not have (None) leaves the stored value alone."""
    return old if new is None else new


def _paths(parents: dict[int, int | None]) -> dict[int, str]:
    """Materialised paths for a whole forest given child -> parent, without recursion."""
    paths: dict[int, str] = {}
    for start in parents:
        chain = []
        current = start
        while current is not None and current not in paths:
            chain.append(current)
            current = parents.get(current)
            if len(chain) > len(parents):
                raise ValueError("The unit tree has a cycle")  # prevented by snapshot.check_tree
        prefix = paths[current] if current is not None else "/"
        for pk in reversed(chain):
            prefix += OrgUnit.path_segment(pk)
            paths[pk] = prefix
    return paths


def _apply_people(plan: ImportPlan, unit_pks: dict[str, int], now, undo: dict) -> dict[str, int]:
    """Returns the primary keys of the municipality's people by external id."""
    snapshot, municipality = plan.snapshot, plan.municipality
    new = [ext for ext in snapshot.people if ext not in plan.people]
    last = max((p.pk for p in plan.people.values()), default=0)
    insert_rows(Person, NEW_PERSON_FIELDS,
                ((municipality.pk, r.external_id, r.name, r.email, r.job_code, r.job_title,
                  unit_pks.get(r.unit_id), r.active, now)
                 for r in (snapshot.people[ext] for ext in new)))
    pks = {ext: p.pk for ext, p in plan.people.items()}
    if new:
        # Only the new rows: nothing else adds people to a municipality while its import holds its lock.
        pks |= Person.objects.of_municipality(municipality).filter(pk__gt=last).values_list("external_id", "pk")
    before: list = []
    update_rows(Person, PERSON_FIELDS, _people_updates(plan, unit_pks, now, before))
    undo["people"] = before
    undo["people_created"] = [pks[ext] for ext in new]
    return pks


def _people_updates(plan: ImportPlan, unit_pks: dict[str, int], now, before: list) -> Iterator[tuple]:
    """The rows of people to update, one at a time (a whole municipality, when everyone leaves), each one's
    columns as they were added to `before`."""
    snapshot = plan.snapshot
    for ext, old in plan.people.items():
        record = snapshot.people.get(ext)
        current = (old.pk, old.name, old.email, old.job_code, old.job_title, old.primary_unit_id, old.active)
        if record is None:
            wanted = current[:-1] + (False,)
        elif record.active:
            wanted = (old.pk, record.name, record.email, record.job_code, record.job_title,
                      unit_pks[record.unit_id], True)
        else:
            wanted = (old.pk, record.name, record.email, old.job_code, old.job_title, old.primary_unit_id,
                      False)
        if wanted != current:
            before.append([*current, old.updated_at.isoformat()])
            yield wanted + (now,)


def _apply_managers(plan: ImportPlan, unit_pks: dict[str, int], person_pks: dict[str, int],
                    undo: dict) -> None:
    wanted: dict[tuple[str, str], str] = {}
    for manager in plan.snapshot.managers:
        wanted.setdefault((manager.person_id, manager.unit_id), manager.title)
    new = [key for key in wanted if key not in plan.managers]
    last = max((m.pk for m in plan.managers.values()), default=0)
    insert_rows(UnitManager, ["unit", "person", "title", "active"],
                ((unit_pks[unit], person_pks[person], wanted[(person, unit)], True) for person, unit in new))
    updates = []
    for key, title in wanted.items():
        old = plan.managers.get(key)
        if old is not None and (old.title != title or not old.active):
            updates.append((old.pk, title, True))
    for key, old in plan.managers.items():
        if old.active and key not in wanted:
            updates.append((old.pk, old.title, False))
    update_rows(UnitManager, ["title", "active"], updates)
    previous = {old.pk: old for old in plan.managers.values()}
    undo["managers"] = [[pk, previous[pk].title, previous[pk].active] for pk, _title, _active in updates]
    # The new rows: nothing else adds managers in a municipality while its import holds its lock.
    undo["managers_created"] = list(UnitManager.objects.of_municipality(plan.municipality).filter(pk__gt=last)
                                    .values_list("pk", flat=True)) if new else []
