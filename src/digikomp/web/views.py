"""The dashboard and the liveness check. The front page is the site's Wagtail HomePage (site/models/pages.py);
the organisation pages live in org_views.py."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from digikomp.tenancy.decorators import login_required
from digikomp.tenancy.roles import Role
from digikomp.web.dashboard import coming_for
from digikomp.web.navigation import cards_for


@login_required
def dashboard(request):
    access = request.access
    return render(
        request,
        "web/dashboard.html",
        {
            "access": access,
            "role_labels": [role.label for role in Role if role in access.roles],
            "cards": cards_for(request),
            "coming": coming_for(access.roles),
        },
    )


def healthz(request):
    """Liveness for load balancers and the ceiling of the submission benchmark: no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request, exception=None):
    """handler400: the site's 400 page, saying what was wrong when a service said it (lib/errors.RefusedRequest)."""
    refused = getattr(exception, "refused", None)
    return render(request, "400.html", {"problems": refused.messages if refused is not None else []}, status=400)
