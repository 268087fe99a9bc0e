"""The one way views fetch a case for editing or review: editors reach every case, a municipality's users only
their municipality's (404 for anyone else's, as if it did not exist)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from digikomp.catalogue.models import Case


def case_for(access, pk: int) -> Case:
    if access.has("catalogue.moderate"):
        return get_object_or_404(Case.objects.for_access(access), pk=pk)
    if access.has("catalogue.edit") and access.municipality is not None:
        return get_object_or_404(Case.objects.of_municipality(access.municipality), pk=pk)
    raise Http404


def readable_cases(access) -> QuerySet[Case]:
    """The cases the requester may read in the public catalogue: the published ones, their own municipality's
    too for those who submit cases, every case for editors. A query, so that any other case is a 404 without
    ever being loaded."""
    if access.has("catalogue.moderate") or (access.has("catalogue.submit") and access.municipality is not None):
        return Case.objects.for_access(access)
    return Case.objects.published()
