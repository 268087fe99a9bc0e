"""The one way views fetch a case for editing or review: editors reach every case, a municipality's users only
their municipality's (404 for anyone else's, as if it did not exist)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from digikomp.catalogue.models import Case


def case_for(access, pk: int) -> Case:
    if access.has("catalogue.moderate"):
        return get_object_or_404(Case, pk=pk)
    if access.has("catalogue.edit") and access.municipality is not None:
        return get_object_or_404(Case.objects.of_municipality(access.municipality), pk=pk)
    raise Http404


def may_read_unpublished(access, case: Case) -> bool:
    """Whether the requester may see a case (and its files) that is not published."""
    if access.has("catalogue.moderate"):
        return True
    return (access.has("catalogue.submit") and access.municipality is not None
            and case.owner_id == access.municipality.pk)
