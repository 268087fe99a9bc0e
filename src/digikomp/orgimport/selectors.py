"""Reading OrgImport records, always from the requester's own municipality (404 for anyone else's)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from digikomp.orgimport.models import OrgImport
from digikomp.tenancy.access import Access


def org_imports(access: Access) -> QuerySet[OrgImport]:
    if access.municipality is None or not access.has("org.import"):
        return OrgImport.objects.none()
    # Without the parsed organisation and the record of the state before: megabytes that no page shows
    # (uploads.py and undo.py read them when they need them).
    return (OrgImport.objects.of_municipality(access.municipality).select_related("uploaded_by")
            .defer(*OrgImport.BIG))


def get_org_import(access: Access, pk: int) -> OrgImport:
    return get_object_or_404(org_imports(access), pk=pk)
