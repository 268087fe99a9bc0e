"""Undoing an applied import: the organisation put back as it was before it, all or nothing.

What "as it was" means, for the rows an import writes (services.Applied.undo records them as it writes):
- units and people it changed (renamed, moved, deactivated, reactivated, new details, new job code and title)
  get back every column as it was, the unit tree (parent, path, depth) and updated_at included, so that the
  rows are exactly those of before;
- units, people and manager roles it created are deleted: the file may have been the wrong municipality's,
  and people who never worked here should not stay behind, even as inactive rows;
- manager roles it changed or ended get back their title and their active flag.
The mapping of job codes to profiles is the admin's, not the import's, and stays as it is; so does the audit
log, which records the undo as "org.import.undo".

Only the latest applied import of a municipality can be undone, within EXPIRY_DAYS of being applied (after
that expire-org-imports drops the record), and only while what it wrote is untouched: if a unit or person it
wrote has been changed since (its updated_at is not the import's), or a unit or person it created is used by
something else since (an invitation, a login, a campaign, a manager's scope), the undo is refused with the
reason and nothing changes. Undoing the latest import makes the one before it the latest, which can then be
undone in turn.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.audit.models import log_action
from digikomp.lib.errors import ServiceError
from digikomp.orgimport.bulk import update_rows
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.uploads import EXPIRY_DAYS, lock
from digikomp.tenancy.models import OrgUnit, Person, UnitManager

UNIT_COLUMNS = ["name", "unit_type", "parent", "path", "depth", "street", "postcode", "city", "active",
                "updated_at"]
PERSON_COLUMNS = ["name", "email", "job_code", "job_title", "primary_unit", "active", "updated_at"]
# Primary keys per query: within SQLite's and PostgreSQL's limits on parameters.
CHUNK = 500


class UndoState(NamedTuple):
    possible: bool
    until: datetime | None  # the last moment it can be undone
    reason: str  # why not, when it cannot


def undo_state(org_import: OrgImport, *, now: datetime | None = None) -> UndoState:
    """Whether an applied import can be undone, as far as its record says (the page's button). Undoing checks
    the organisation itself too."""
    now = now or timezone.now()
    if org_import.status != OrgImport.Status.APPLIED or org_import.applied_at is None:
        return UndoState(False, None, _("Only an applied import can be undone."))
    until = org_import.applied_at + timedelta(days=EXPIRY_DAYS)
    if now > until:
        return UndoState(False, until, ngettext(
            "This import can no longer be undone: it was applied more than %(days)d day ago.",
            "This import can no longer be undone: it was applied more than %(days)d days ago.",
            EXPIRY_DAYS) % {"days": EXPIRY_DAYS})
    later = OrgImport.objects.of_municipality(org_import.municipality_id).filter(
        status=OrgImport.Status.APPLIED, applied_at__gt=org_import.applied_at)
    if later.exists():
        return UndoState(False, until, _("This import can no longer be undone: a later import has been applied. "
                                         "Only the latest import can be undone."))
    if not OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk).exclude(undo={}).exists():
        return UndoState(False, until, _("This import cannot be undone: the organisation before it was not "
                                         "recorded."))
    return UndoState(True, until, "")


class Undone(NamedTuple):
    units_restored: int
    units_deleted: int
    people_restored: int
    people_deleted: int
    managers_restored: int
    managers_deleted: int


def org_import_undo(*, org_import: OrgImport, actor) -> Undone:
    """Put the organisation back as it was before the import, in one transaction; ServiceError with the
    reason (and nothing changed) when that is not possible."""
    with transaction.atomic():
        municipality = lock(org_import.municipality_id)
        current = OrgImport.objects.of_municipality(org_import.municipality_id).select_for_update().defer(*OrgImport.BIG).get(pk=org_import.pk)
        state = undo_state(current)
        if not state.possible:
            raise ServiceError(state.reason)
        record = OrgImport.objects.of_municipality(org_import.municipality_id).values_list("undo", flat=True).get(pk=org_import.pk)
        stamp = datetime.fromisoformat(record["stamp"])
        units, people = record["units"], record["people"]
        units_created, people_created = record["units_created"], record["people_created"]

        _check_untouched(OrgUnit, municipality, [row[0] for row in units] + units_created, stamp)
        _check_untouched(Person, municipality, [row[0] for row in people] + people_created, stamp)

        update_rows(UnitManager, ["title", "active"], record["managers"])
        _delete(UnitManager, municipality, record["managers_created"])
        update_rows(Person, PERSON_COLUMNS, [row[:-1] + [datetime.fromisoformat(row[-1])] for row in people])
        _check_unused(Person, people_created)
        _delete(Person, municipality, people_created)
        update_rows(OrgUnit, UNIT_COLUMNS, [row[:-1] + [datetime.fromisoformat(row[-1])] for row in units])
        _check_unused(OrgUnit, units_created)
        for chunk in _chunks(units_created):  # parents among them first let go, so that any order deletes
            OrgUnit.objects.of_municipality(municipality).filter(pk__in=chunk).update(parent=None)
        _delete(OrgUnit, municipality, units_created)

        undone = Undone(len(units), len(units_created), len(people), len(people_created),
                        len(record["managers"]), len(record["managers_created"]))
        OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk).update(
            status=OrgImport.Status.UNDONE, undone_at=timezone.now(),
            undone_by=actor if getattr(actor, "pk", None) else None, undo={}, snapshot={})
        log_action("org.import.undo", actor=actor, municipality=municipality, obj=current,
                   data=undone._asdict())
    org_import.refresh_from_db(fields=["status", "undone_at", "undone_by"])
    return undone


def _chunks(pks: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(pks), CHUNK):
        yield pks[start:start + CHUNK]


def _check_untouched(model, municipality, pks: list[int], stamp: datetime) -> None:
    """Every row the import wrote still exists and was not written since (its updated_at is the import's)."""
    if not pks:
        return
    written = dict(model.objects.of_municipality(municipality).values_list("pk", "updated_at"))
    changed = sum(1 for pk in pks if written.get(pk) != stamp)
    if changed:
        raise ServiceError(ngettext(
            "The import can no longer be undone: %(count)d unit or person it wrote has been changed since.",
            "The import can no longer be undone: %(count)d units and people it wrote have been changed since.",
            changed) % {"count": changed})


def _check_unused(model, pks: list[int]) -> None:
    """No row of any other table refers to the rows the import created (the rows of the import's own tables
    that did were put back or deleted before this is asked). Found through the model's relations, so a table
    added later is checked too."""
    created = set(pks)
    users = set()
    for relation in model._meta.related_objects:
        for chunk in _chunks(pks):
            found = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": chunk})
            if relation.related_model is model:
                # The unit tree: units it created below units it created go with them.
                used = any(pk not in created for pk in found.values_list("pk", flat=True))
            else:
                used = found.exists()
            if used:
                users.add(str(relation.related_model._meta.verbose_name_plural))
                break
    if users:
        what = get_text_list(sorted(users), _("and"))
        message = (_("The import can no longer be undone: people it created are used since by %(what)s.")
                   if model is Person else
                   _("The import can no longer be undone: units it created are used since by %(what)s."))
        raise ServiceError(message % {"what": what})


def _delete(model, municipality, pks: list[int]) -> None:
    for chunk in _chunks(pks):
        model.objects.of_municipality(municipality).filter(pk__in=chunk).delete()
