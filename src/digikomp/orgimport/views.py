"""Import pages for municipal admins: upload, preview, confirm or discard, undo, and the templates to download.

Every view needs the "org.import" permission and works in the requester's own municipality; an import of
another municipality is a 404, exactly as if it did not exist.
"""

from django.contrib import messages
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from digikomp.lib.errors import ServiceError
from digikomp.lib.inputs import Input
from digikomp.lib.problems import Problems
from digikomp.orgimport import selectors, template
from digikomp.orgimport.changes import sections
from digikomp.orgimport.deactivation import Deactivation, threshold
from digikomp.orgimport.forms import ConfirmForm, UploadForm
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.sources import read_files
from digikomp.orgimport.undo import org_import_undo, undo_state
from digikomp.orgimport.uploads import (
    EXPIRY_DAYS,
    Confirmation,
    org_import_confirm,
    org_import_discard,
    org_import_preview,
)
from digikomp.tenancy.decorators import permission_required

TEMPLATE_NAME = "digikomp-organisation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@csrf_exempt  # checked by _upload, after the upload handlers are set: reading the token would read the files
@permission_required("org.import")
def upload(request):
    # Uploaded files go to temporary files, never into memory, however small: an import stays within the memory
    # bound of lib/inputs.py (Django's documented way to change the handlers of one view).
    request.upload_handlers = [TemporaryFileUploadHandler(request)]
    return _upload(request)


@csrf_protect
def _upload(request):
    problems: list = []
    not_listed = 0
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            # Streamed from the temporary files, never read whole.
            files = [Input.from_upload(f) for f in form.cleaned_data["upload"]]
            found = Problems()
            snapshot = read_files(files, found)
            if snapshot is not None:
                org_import = org_import_preview(
                    municipality=request.access.municipality, snapshot=snapshot, uploaded_by=request.user,
                    file_names=[source.name for source in files])
                return redirect("orgimport:preview", pk=org_import.pk)
            problems, not_listed = list(found), found.not_listed
    else:
        form = UploadForm()
    return render(request, "orgimport/upload.html", {
        "form": form,
        "problems": problems,
        "not_listed": not_listed,
        "problem_count": len(problems) + not_listed,
        "recent": selectors.org_imports(request.access)[:10],
    })


@permission_required("org.import")
def preview(request, pk: int):
    org_import = selectors.get_org_import(request.access, pk)
    return _preview(request, org_import, _confirm_form(org_import))


def _confirm_form(org_import: OrgImport, data=None) -> ConfirmForm:
    return ConfirmForm(data, deactivation=Deactivation.from_json(org_import.summary.get("deactivation")))


def _preview(request, org_import: OrgImport, form: ConfirmForm, *, status: int = 200):
    awaiting = org_import.status == OrgImport.Status.PREVIEWED
    return render(request, "orgimport/preview.html", {
        "org_import": org_import,
        "sections": sections(org_import.summary),
        "awaiting": awaiting,
        "form": form,
        "percent": threshold(),
        "undo": undo_state(org_import) if org_import.status == OrgImport.Status.APPLIED else None,
    }, status=status)


@permission_required("org.import")
@require_POST
def confirm(request, pk: int):
    org_import = selectors.get_org_import(request.access, pk)
    if org_import.status != OrgImport.Status.PREVIEWED:
        messages.error(request, _("This import was imported or discarded already."))
        return redirect("orgimport:preview", pk=org_import.pk)
    form = _confirm_form(org_import, request.POST)
    if not form.is_valid():
        return _preview(request, org_import, form, status=400)
    outcome = org_import_confirm(org_import=org_import, actor=request.user,
                                 confirmed=form.cleaned_data["deactivation"])
    if outcome is Confirmation.APPLIED:
        messages.success(request, _("The organisation was imported. You can undo the import for %(days)d days.")
                         % {"days": EXPIRY_DAYS})
    elif outcome is Confirmation.CHANGED:
        now = Deactivation.from_json(org_import.summary["deactivation"])
        messages.warning(request, _("The organisation has changed since the preview, and the import now "
                                    "deactivates %(what)s. Check the changes and confirm again.")
                         % {"what": now.describe()})
    else:
        messages.error(request, _("This import was imported or discarded already."))
    return redirect("orgimport:preview", pk=org_import.pk)


@permission_required("org.import")
@require_POST
def undo(request, pk: int):
    org_import = selectors.get_org_import(request.access, pk)
    try:
        org_import_undo(org_import=org_import, actor=request.user)
    except ServiceError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The import was undone: the organisation is as it was before it."))
    return redirect("orgimport:preview", pk=org_import.pk)


@permission_required("org.import")
@require_POST
def discard(request, pk: int):
    org_import = selectors.get_org_import(request.access, pk)
    if org_import_discard(org_import=org_import):
        messages.success(request, _("The import was discarded; nothing was changed."))
    else:
        messages.error(request, _("This import was imported or discarded already."))
    return redirect("orgimport:upload")


@permission_required("org.import")
def template_csv(request):
    return _download(template.template_csv(), "text/csv; charset=utf-8", f"{TEMPLATE_NAME}.csv")


@permission_required("org.import")
def template_xlsx(request):
    return _download(template.template_xlsx(), XLSX, f"{TEMPLATE_NAME}.xlsx")


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(content, content_type=content_type,
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
