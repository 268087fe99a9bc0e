"""Moderation of the catalogue for national editors (/app/katalog/redaktion/): the queue of cases by status,
and one case with its review log, a comment box and the steps its status allows."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from digikomp.catalogue import services
from digikomp.catalogue.access import case_for
from digikomp.catalogue.forms import ReviewForm
from digikomp.catalogue.models import Case, CaseEvent
from digikomp.lib.errors import ServiceError
from digikomp.tenancy.decorators import permission_required

Action = CaseEvent.Action
STEPS = {
    "comment": (services.case_comment, _("The comment is saved.")),
    "send_back": (services.case_send_back, _("The case is sent back to the municipality.")),
    "publish": (services.case_publish, _("The case is published.")),
    "reject": (services.case_reject, _("The case is rejected.")),
    "unpublish": (services.case_unpublish, _("The case is no longer public.")),
}
STEP_ACTIONS = {"send_back": Action.SENT_BACK, "publish": Action.PUBLISHED, "reject": Action.REJECTED,
                "unpublish": Action.UNPUBLISHED}


@require_safe
@permission_required("catalogue.moderate")
def review_list(request):
    status = request.GET.get("status", Case.Status.IN_REVIEW)
    if status not in Case.Status.values:
        status = Case.Status.IN_REVIEW
    every_case = Case.objects.for_access(request.access)  # editors: every municipality's
    cases = every_case.filter(status=status).select_related("owner").order_by("-submitted_at", "-updated_at")
    counts = {s: every_case.filter(status=s).count() for s in Case.Status.values}
    tabs = [(value, label, counts[value]) for value, label in Case.Status.choices]
    return render(request, "catalogue/editor/list.html", {"cases": cases, "status": status, "tabs": tabs})


@require_http_methods(["GET", "POST"])
@permission_required("catalogue.moderate")
def review(request, pk: int):
    case = case_for(request.access, pk)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        step = request.POST.get("step")
        if step not in STEPS:
            return HttpResponseBadRequest("Unknown step")
        if form.is_valid():
            function, done = STEPS[step]
            try:
                function(case=case, actor=request.user, comment=form.cleaned_data["comment"])
            except ServiceError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, done)
                return redirect("catalogue_app:review", pk=case.pk)
    steps = [step for step, action in STEP_ACTIONS.items() if case.status in services.ALLOWED_FROM[action]]
    return render(request, "catalogue/editor/review.html", {
        "case": case, "events": case.events.select_related("actor"), "form": form, "steps": steps,
    }, status=400 if form.errors else 200)
