"""The municipality's cases in the application (/app/katalog/): list, write, edit, submit for review.

Editors use the same form to correct a case at any time; everyone else reaches only their own municipality's
cases (access.case_for) and edits them while they are drafts (new, or sent back) or rejected; once submitted a
case waits for the editors.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from digikomp.catalogue import services
from digikomp.catalogue.access import case_for
from digikomp.catalogue.forms import AttachmentFormSet, CaseForm, FigureFormSet, ImageFormSet
from digikomp.catalogue.models import Case, CaseAttachment, CaseFigure, CaseImage
from digikomp.lib.errors import ServiceError
from digikomp.tenancy.decorators import permission_required


@require_safe
@permission_required("catalogue.submit")
def case_list(request):
    municipality = request.access.municipality
    if municipality is None:
        raise PermissionDenied
    cases = Case.objects.of_municipality(municipality).order_by("-updated_at")
    return render(request, "catalogue/app/list.html", {"cases": cases, "municipality": municipality})


def _formsets(request, case: Case):
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return {
        # The parts of the case being edited: the formsets narrow these to the case itself.
        "figures": FigureFormSet(data, instance=case, prefix="figures",
                                 queryset=CaseFigure.objects.of_municipality(case.owner_id)),
        "images": ImageFormSet(data, files, instance=case, prefix="images",
                               queryset=CaseImage.objects.of_municipality(case.owner_id)),
        "attachments": AttachmentFormSet(data, files, instance=case, prefix="attachments",
                                         queryset=CaseAttachment.objects.of_municipality(case.owner_id)),
    }


def _edit(request, case: Case, *, created: bool):
    form = CaseForm(request.POST if request.method == "POST" else None, instance=case, municipality=request.access.municipality)
    formsets = _formsets(request, case)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        case = services.case_save(case=form.save(commit=False), actor=request.user, created=created,
                                  municipalities=form.cleaned_data["municipalities"],
                                  target_groups=form.cleaned_data["target_groups"],
                                  effort_types=form.cleaned_data["effort_types"],
                                  area_codes=form.cleaned_data["areas"], parts=formsets.values())
        messages.success(request, _("The case is saved."))
        if "submit" in request.POST and case.is_editable_by_municipality:
            return submit(request, case.pk)
        if request.access.has("catalogue.moderate"):
            return redirect("catalogue_app:review", pk=case.pk)
        return redirect("catalogue_app:case", pk=case.pk)
    return render(request, "catalogue/app/form.html", {"form": form, "formsets": formsets, "case": case,
                                                       "created": created},
                  status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
@permission_required("catalogue.submit")
def case_create(request):
    municipality = request.access.municipality
    if municipality is None:
        raise PermissionDenied
    return _edit(request, Case(owner=municipality, created_by=request.user), created=True)


@require_http_methods(["GET", "POST"])
@permission_required("catalogue.edit")
def case_edit(request, pk: int):
    case = case_for(request.access, pk)
    if not case.is_editable_by_municipality and not request.access.has("catalogue.moderate"):
        messages.warning(request, _("The case is with the editors and cannot be changed now."))
        return redirect("catalogue_app:case", pk=case.pk)
    return _edit(request, case, created=False)


@require_safe
@permission_required("catalogue.edit")
def case_detail(request, pk: int):
    case = case_for(request.access, pk)
    return render(request, "catalogue/app/case.html", {"case": case, "events": case.events.all()})


@require_POST
@permission_required("catalogue.submit")
def submit(request, pk: int):
    case = case_for(request.access, pk)
    try:
        services.case_submit(case=case, actor=request.user, comment=request.POST.get("comment", ""))
    except ServiceError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The case is submitted. The editors will look at it and write to you here."))
    return redirect("catalogue_app:case", pk=case.pk)
