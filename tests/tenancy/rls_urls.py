"""A deliberately careless view for tests/tenancy/test_row_security.py: it reads every unit with no scope at all,
bypassing the application guard, as a bug would. PostgreSQL's row security must still hide other
municipalities' rows from a municipal user's request."""

from django.http import JsonResponse
from django.urls import path

from digikomp.tenancy.models import OrgUnit


def every_unit(request):
    rows = OrgUnit._base_manager.values_list("municipality_id", flat=True)  # no scope, on purpose
    return JsonResponse({"municipalities": sorted(set(rows))})


urlpatterns = [path("every-unit/", every_unit)]
