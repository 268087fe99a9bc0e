"""The web flow's records: an upload becomes a previewed OrgImport, which the admin confirms or discards.

Confirming re-plans the stored snapshot against the database as it is then (someone may have imported in
between) and applies it; a conditional status update makes sure that two clicks apply it only once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.services import org_import_apply, org_import_plan
from digikomp.orgimport.snapshot import Snapshot
from digikomp.tenancy.models import Municipality

# How many changes of each kind the preview lists; the counts are always complete.
PREVIEW_LIMIT = 50


def org_import_preview(*, municipality: Municipality, snapshot: Snapshot, uploaded_by,
                       file_names: list[str]) -> OrgImport:
    plan = org_import_plan(municipality=municipality, snapshot=snapshot)
    return OrgImport.objects.create(
        municipality=municipality, uploaded_by=uploaded_by, source=snapshot.source, file_names=file_names,
        snapshot=snapshot.to_json(), summary=plan.changes.to_json(limit=PREVIEW_LIMIT),
    )


def org_import_confirm(*, org_import: OrgImport, actor) -> bool:
    """Apply a previewed import; False if it was applied or discarded already."""
    with transaction.atomic():
        claimed = OrgImport.objects.filter(pk=org_import.pk, status=OrgImport.Status.PREVIEWED).update(
            status=OrgImport.Status.APPLIED, applied_at=timezone.now())
        if not claimed:
            return False
        snapshot = Snapshot.from_json(org_import.snapshot)
        plan = org_import_plan(municipality=org_import.municipality, snapshot=snapshot)
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
