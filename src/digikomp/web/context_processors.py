"""Template context every page needs: the navigation for the requester and the operator's name."""

from django.conf import settings

from digikomp.web.navigation import items_for


def navigation(request):
    return {
        "nav_items": items_for(request) if hasattr(request, "access") else [],
        "national_organisation": settings.DIGIKOMP_NATIONAL_ORGANISATION,
    }
