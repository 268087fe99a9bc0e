"""The records of imports: an upload becomes a previewed OrgImport, which the admin confirms or discards; the
command line's imports are recorded as applied ones.

Confirming re-plans the stored snapshot against the database as it is then (someone may have imported in
between) and applies it; a conditional status update makes sure that two clicks apply it only once, and a lock
on the municipality's row puts confirmations, imports from the command line and undos of one municipality in
a queue. A plan that deactivates more than the threshold (deactivation.py) is applied only when the admin
confirmed its very numbers; if they have changed since the preview, the preview is brought up to date and
asks again.

The snapshot is the whole parsed organisation (about 7 MB at 45,000 people), so it is not kept longer than the
flow needs it: org_imports_expire (the command `digikomp expire-org-imports`, run daily) deletes previews
nobody confirmed and drops the snapshot and the undo record of applied imports, keeping their record for the
audit trail.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from digikomp.orgimport.deactivation import Deactivation, MassDeactivationError
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.services import ImportPlan, org_import_apply, org_import_plan
from digikomp.orgimport.snapshot import Snapshot
from digikomp.tenancy.models import Municipality

# How many changes of each kind the preview lists; the counts are always complete.
PREVIEW_LIMIT = 50
# How long a preview waits for confirmation, and an applied import keeps its snapshot and can be undone, unless
# told otherwise.
EXPIRY_DAYS = 7


def summary_of(plan: ImportPlan) -> dict:
    """What the preview shows: the counts, the first changes of each kind, and the deactivation."""
    return {**plan.changes.to_json(limit=PREVIEW_LIMIT), "deactivation": plan.deactivation.to_json()}


def lock(municipality_pk: int) -> Municipality:
    """The municipality's row, locked until the transaction ends: its imports and undos wait for each other.
    (On SQLite every write transaction takes the database's lock at its start anyway.)"""
    return Municipality.objects.select_for_update().get(pk=municipality_pk)


def org_import_preview(*, municipality: Municipality, snapshot: Snapshot, uploaded_by,
                       file_names: list[str]) -> OrgImport:
    summary = summary_of(org_import_plan(municipality=municipality, snapshot=snapshot, keep=PREVIEW_LIMIT))
    # The plan is gone before the snapshot is serialised: the biggest moment of an upload.
    return OrgImport.objects.create(
        municipality=municipality, uploaded_by=uploaded_by, source=snapshot.source, file_names=file_names,
        snapshot=snapshot.to_json(), summary=summary,
    )


class Confirmation(enum.Enum):
    APPLIED = "applied"
    # The organisation changed since the preview, and the import now deactivates more than the threshold
    # with numbers nobody confirmed: the preview shows the new ones, and nothing was stored.
    CHANGED = "changed"
    # Applied or discarded already.
    GONE = "gone"


class _Refused(Exception):
    def __init__(self, plan: ImportPlan):
        self.plan = plan


def org_import_confirm(*, org_import: OrgImport, actor, confirmed: Deactivation | None = None) -> Confirmation:
    """Apply a previewed import. `confirmed`: the deactivation the admin confirmed, if the preview asked."""
    try:
        with transaction.atomic():
            lock(org_import.municipality_id)
            claimed = OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
                status=OrgImport.Status.APPLIED, applied_at=timezone.now())
            if not claimed:
                return Confirmation.GONE
            # Read here rather than from the instance, which selectors load without it (it is megabytes).
            data = OrgImport.objects.of_municipality(org_import.municipality_id).values_list("snapshot", flat=True).get(pk=org_import.pk)
            plan = org_import_plan(municipality=org_import.municipality, snapshot=Snapshot.from_json(data),
                                   keep=PREVIEW_LIMIT)
            try:
                applied = org_import_apply(plan=plan, actor=actor, confirmed=confirmed)
            except MassDeactivationError:
                raise _Refused(plan) from None  # leaves the transaction: the claim is undone too
            OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk).update(summary=summary_of(plan), undo=applied.undo)
    except _Refused as refused:
        OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
            summary=summary_of(refused.plan))
        org_import.refresh_from_db(fields=["summary"])
        return Confirmation.CHANGED
    org_import.refresh_from_db(fields=["status", "applied_at", "summary"])
    return Confirmation.APPLIED


def org_import_run(*, municipality: Municipality, snapshot: Snapshot, file_names: list[str], actor=None,
                   allow_mass_deactivation: bool = False, keep: int | None = None) -> ImportPlan:
    """Plan and apply at once, as the command line does, and record the import as applied (so that it can be
    undone and is known as the latest). A plan over the threshold needs allow_mass_deactivation; otherwise
    MassDeactivationError, and nothing is stored."""
    with transaction.atomic():
        lock(municipality.pk)
        plan = org_import_plan(municipality=municipality, snapshot=snapshot, keep=keep)
        applied = org_import_apply(plan=plan, actor=actor,
                                   confirmed=plan.deactivation if allow_mass_deactivation else None)
        OrgImport.objects.create(
            municipality=municipality, uploaded_by=actor, source=snapshot.source, file_names=file_names,
            status=OrgImport.Status.APPLIED, applied_at=timezone.now(), summary=summary_of(plan),
            undo=applied.undo)
    return plan


def org_import_discard(*, org_import: OrgImport) -> bool:
    """Discard a previewed import and drop its data; False if it was applied or discarded already."""
    discarded = OrgImport.objects.of_municipality(org_import.municipality_id).filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
        status=OrgImport.Status.DISCARDED, snapshot={})
    org_import.refresh_from_db()
    return bool(discarded)


class Expired(NamedTuple):
    deleted: int  # previews nobody confirmed in time, deleted with their snapshot
    cleared: int  # applied imports whose snapshot and undo record were dropped; their record stays


EXPIRY = "the expiry of uploads runs over every municipality's imports"


def org_imports_expire(*, before: datetime, dry_run: bool = False) -> Expired:
    """Delete the previews uploaded before `before` and never confirmed, and drop the snapshot and the undo
    record of the imports applied before it (which can then no longer be undone). An applied import keeps who
    uploaded it, when, the files' names, when it was applied and its summary (the counts and the changes the
    preview listed); the audit log has its org.import entry too. A discarded or undone import has no data
    already and is left alone. With dry_run, only count."""
    applied = (OrgImport.objects.unscoped(EXPIRY).filter(status=OrgImport.Status.APPLIED, applied_at__lt=before)
               .exclude(Q(snapshot={}) & Q(undo={})))  # cleared already: not counted again
    with transaction.atomic():
        # Locked, so an admin confirming one of these previews right now either gets there first (and it is
        # no longer a preview) or waits and finds it gone; never an applied import without its record.
        abandoned = list(OrgImport.objects.unscoped(EXPIRY).select_for_update()
                         .filter(status=OrgImport.Status.PREVIEWED, created__lt=before)
                         .values_list("pk", flat=True))
        if dry_run:
            return Expired(deleted=len(abandoned), cleared=applied.count())
        OrgImport.objects.unscoped(EXPIRY).filter(pk__in=abandoned).delete()
        return Expired(deleted=len(abandoned), cleared=applied.update(snapshot={}, undo={}))
