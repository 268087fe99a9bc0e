"""The profile library and the municipality-wide summary of deviations from the norm."""

from django.shortcuts import render

from digikomp.profiles.municipal import selectors
from digikomp.tenancy.decorators import permission_required


@permission_required("profiles.view")
def library(request):
    return render(request, "profiles/municipal/library.html", {
        "library": selectors.library(request.access),
        "can_adapt": request.access.has("profiles.adapt"),
    })


@permission_required("profiles.view")
def deviations(request):
    rows = selectors.deviation_summary(request.access)
    totals = selectors.deviation_totals(rows)
    return render(request, "profiles/municipal/deviations.html", {
        "rows": rows,
        "totals": totals,
        "grand_total": sum(totals),
        "release": selectors.current_release(request.access),
    })
