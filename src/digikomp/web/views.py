"""Front page, dashboard and the organisation pages."""

from django.shortcuts import render

from digikomp.tenancy import selectors
from digikomp.web.decorators import login_required, permission_required


def home(request):
    return render(request, "web/home.html")


@login_required
def dashboard(request):
    return render(request, "web/dashboard.html", {"access": request.access})


@permission_required("org.view")
def org_units(request):
    units = selectors.top_units(request.access)
    return render(request, "web/org_units.html", {"units": units})


@permission_required("org.view")
def org_unit(request, external_id):
    unit = selectors.get_unit(request.access, external_id)
    children = selectors.visible_units(request.access).filter(parent=unit, active=True)
    members = selectors.visible_people(request.access).filter(primary_unit=unit, active=True)
    return render(request, "web/org_unit.html", {"unit": unit, "children": children, "members": members})

