"""The web flow's records: an upload becomes a previewed OrgImport, which the admin confirms or discards.

Confirming re-plans the stored snapshot against the database as it is then (someone may have imported in
between) and applies it; a conditional status update makes sure that two clicks apply it only once.

The snapshot is the whole parsed organisation (about 7 MB at 45,000 people), so it is not kept longer than the
flow needs it: org_imports_expire (the command `digikomp expire-org-imports`, run daily) deletes previews
nobody confirmed and drops the snapshot of applied imports, keeping their record for the audit trail.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.services import org_import_apply, org_import_plan
from digikomp.orgimport.snapshot import Snapshot
from digikomp.tenancy.models import Municipality

# How many changes of each kind the preview lists; the counts are always complete.
PREVIEW_LIMIT = 50
# How long a preview waits for confirmation, and an applied import keeps its snapshot, unless told otherwise.
EXPIRY_DAYS = 7


def org_import_preview(*, municipality: Municipality, snapshot: Snapshot, uploaded_by,
                       file_names: list[str]) -> OrgImport:
    plan = org_import_plan(municipality=municipality, snapshot=snapshot, keep=PREVIEW_LIMIT)
    summary = plan.changes.to_json(limit=PREVIEW_LIMIT)
    del plan  # before the snapshot is serialised: the biggest moment of an upload
    return OrgImport.objects.create(
        municipality=municipality, uploaded_by=uploaded_by, source=snapshot.source, file_names=file_names,
        snapshot=snapshot.to_json(), summary=summary,
    )


def org_import_confirm(*, org_import: OrgImport, actor) -> bool:
    """Apply a previewed import; False if it was applied or discarded already."""
    with transaction.atomic():
        claimed = OrgImport.objects.filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
            status=OrgImport.Status.APPLIED, applied_at=timezone.now())
        if not claimed:
            return False
        # Read here rather than from the instance, which selectors load without it (it is megabytes).
        data = OrgImport.objects.values_list("snapshot", flat=True).get(pk=org_import.pk)
        snapshot = Snapshot.from_json(data)
        plan = org_import_plan(municipality=org_import.municipality, snapshot=snapshot, keep=PREVIEW_LIMIT)
        org_import_apply(plan=plan, actor=actor)
        OrgImport.objects.filter(pk=org_import.pk).update(summary=plan.changes.to_json(limit=PREVIEW_LIMIT))
    org_import.refresh_from_db()
    return True


def org_import_discard(*, org_import: OrgImport) -> bool:
    """Discard a previewed import and drop its data; False if it was applied or discarded already."""
    discarded = OrgImport.objects.filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
        status=OrgImport.Status.DISCARDED, snapshot={})
    org_import.refresh_from_db()
    return bool(discarded)


class Expired(NamedTuple):
    deleted: int  # previews nobody confirmed in time, deleted with their snapshot
    cleared: int  # applied imports whose snapshot was dropped; their record stays


def org_imports_expire(*, before: datetime, dry_run: bool = False) -> Expired:
    """Delete the previews uploaded before `before` and never confirmed, and drop the snapshot of the imports
    applied before it. An applied import keeps who uploaded it, when, the files' names, when it was applied
    and its summary (the counts and the changes the preview listed); the audit log has its org.import entry
    too. A discarded import has no snapshot already and is left alone. With dry_run, only count."""
    applied = (OrgImport.objects.filter(status=OrgImport.Status.APPLIED, applied_at__lt=before)
               .exclude(snapshot={}))  # cleared already: not counted again
    with transaction.atomic():
        # Locked, so an admin confirming one of these previews right now either gets there first (and it is
        # no longer a preview) or waits and finds it gone; never an applied import without its record.
        abandoned = list(OrgImport.objects.select_for_update()
                         .filter(status=OrgImport.Status.PREVIEWED, created__lt=before)
                         .values_list("pk", flat=True))
        if dry_run:
            return Expired(deleted=len(abandoned), cleared=applied.count())
        OrgImport.objects.filter(pk__in=abandoned).delete()
        return Expired(deleted=len(abandoned), cleared=applied.update(snapshot={}))
