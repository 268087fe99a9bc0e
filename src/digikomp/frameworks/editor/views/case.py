"""CASE import in the browser: upload a CFPackage; its problems are listed and nothing is stored, or the new
version is imported and the editor is taken to it."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _

from digikomp.frameworks.editor.case_import import package_import
from digikomp.frameworks.editor.forms import CaseImportForm
from digikomp.frameworks.editor.views.common import EDIT, editor_render, version_redirect
from digikomp.tenancy.decorators import permission_required


@permission_required(EDIT)
def case_import(request):
    problems: list[str] = []
    if request.method == "POST":
        form = CaseImportForm(request.POST, request.FILES)
        if form.is_valid():
            version, problems = package_import(
                content=form.cleaned_data["package"].read(),
                slug=form.cleaned_data["slug"],
                actor=request.user,
            )
            if version is not None:
                messages.success(
                    request,
                    _("%(framework)s version %(version)s was imported (%(status)s).")
                    % {
                        "framework": version.framework.title,
                        "version": version.version,
                        "status": version.get_status_display().lower(),
                    },
                )
                return version_redirect(version)
    else:
        form = CaseImportForm()
    return editor_render(
        request,
        "frameworks/editor/case_import.html",
        {
            "form": form,
            "error_forms": [form],
            "problems": problems,
        },
    )
