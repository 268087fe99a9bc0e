"""The public catalogue (/katalog/): search with facets, one case, its images and attachments.

Plain GET forms and links, so it works without JavaScript and every search has an address to share. Only
published cases are shown; an unpublished case and its files answer 404, except to its own municipality and to
editors, who see a preview marked as such.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from digikomp.catalogue.access import readable_cases
from digikomp.catalogue.models import Case
from digikomp.catalogue.presentation import area_titles, case_view
from digikomp.catalogue.selectors import PAGE_SIZE, CatalogueQuery, related_cases, search_cases


class _Counted:
    """What Paginator needs of an object list whose length the search already knows."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


@require_safe
def index(request):
    query = CatalogueQuery.from_params(request.GET)
    paginator = Paginator(_Counted(0), PAGE_SIZE)
    try:
        number = max(1, int(request.GET.get("side", 1)))
    except ValueError:
        number = 1
    result = search_cases(query, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    paginator = Paginator(_Counted(result.total), PAGE_SIZE)
    if result.total and number > paginator.num_pages:
        raise Http404
    titles = area_titles()
    return render(request, "catalogue/index.html", {
        "query": query, "result": result, "cases": [case_view(c, titles) for c in result.cases],
        "page_number": number, "num_pages": paginator.num_pages,
        "previous_query": query.querystring() + f"&side={number - 1}" if number > 1 else None,
        "next_query": query.querystring() + f"&side={number + 1}" if number < paginator.num_pages else None,
        "facets": result.facets,
        "date_query": query.querystring(order="dato"), "relevance_query": query.querystring(order="relevans"),
    })


def _readable(request, slug: str) -> Case:
    """The case if the requester may read it, else 404: fetched through what they may read, never checked after."""
    return get_object_or_404(readable_cases(request.access).select_related("owner"), slug=slug)


@require_safe
def case_detail(request, slug: str):
    case = _readable(request, slug)
    titles = area_titles()
    related = related_cases(case) if case.is_published else []
    return render(request, "catalogue/case.html", {
        "case": case_view(case, titles), "related": [case_view(c, titles) for c in related],
        "preview": not case.is_published,
    })


@require_safe
def image(request, slug: str, pk: int):
    case = _readable(request, slug)
    picture = get_object_or_404(case.images, pk=pk)
    return FileResponse(picture.image.open("rb"))


@require_safe
def attachment(request, slug: str, pk: int):
    case = _readable(request, slug)
    item = get_object_or_404(case.attachments, pk=pk)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])
