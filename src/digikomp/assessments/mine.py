"""In-app pages around the survey: an employee's own surveys, and the results people chose to share with
their manager. The survey itself lives at the personal link (survey/); these pages only lead there."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse

from digikomp.assessments.results import personal_result, shared_results_for_manager
from digikomp.assessments.tokens import token_for
from digikomp.tenancy.decorators import permission_required


@permission_required("surveys.own")
def my_surveys(request):
    person = getattr(request.user, "person", None)
    invitations = []
    if person is not None:
        for invitation in (person.invitations.select_related("campaign")
                           .order_by("-campaign__opens_at")):
            token = token_for(invitation.public_id)
            invitations.append({
                "invitation": invitation, "campaign": invitation.campaign,
                "open": invitation.campaign.is_open(), "submitted": invitation.submitted_at is not None,
                "link": reverse("survey:start", kwargs={"token": token}),
                "result": reverse("survey:result", kwargs={"token": token}),
            })
    return render(request, "assessments/mine/my_surveys.html", {"person": person, "invitations": invitations})


@permission_required("results.shared")
def shared_results(request):
    return render(request, "assessments/mine/shared_results.html",
                  {"responses": shared_results_for_manager(request.access)})


@permission_required("results.shared")
def shared_result(request, pk: int):
    response = get_object_or_404(shared_results_for_manager(request.access), pk=pk)
    return render(request, "assessments/mine/shared_result.html",
                  {"response": response, "result": personal_result(response)})


app_name = "mine"
urlpatterns = [
    path("mine-kortlaegninger/", my_surveys, name="surveys"),
    path("delte-resultater/", shared_results, name="shared_results"),
    path("delte-resultater/<int:pk>/", shared_result, name="shared_result"),
]
