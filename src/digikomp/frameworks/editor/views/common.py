"""What every framework editor view shares: the permission, finding the version in the URL, and refusing
any edit of a published version with the reason on the version's page."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from digikomp.frameworks.editor.selectors import get_version
from digikomp.frameworks.models import FrameworkVersion
from digikomp.frameworks.services import FrameworkError, ensure_editable
from digikomp.lib.errors import add_to_form, error_summary
from digikomp.tenancy.decorators import permission_required

EDIT = "national.edit"


def version_redirect(version: FrameworkVersion):
    return redirect("editor:version", slug=version.framework.slug, version=version.version)


def with_version(view):
    """Resolve <slug>/<version> to the FrameworkVersion (404 if unknown), for editors only."""

    @wraps(view)
    @permission_required(EDIT)
    def wrapper(request, slug: str, version: str, **kwargs):
        return view(request, get_version(slug, version), **kwargs)

    return wrapper


def draft_only(view):
    """Like with_version, and a published version is refused for GET and POST alike: the editor lands on the
    version's page with the reason, and nothing changes."""

    @wraps(view)
    @with_version
    def wrapper(request, version: FrameworkVersion, **kwargs):
        try:
            ensure_editable(version)
        except FrameworkError as refused:
            refuse(request, refused)
            messages.info(request, _("Start a new version to make changes."))
            return version_redirect(version)
        return view(request, version, **kwargs)

    return wrapper


def refuse(request, refused: FrameworkError) -> None:
    for problem in refused.messages:
        messages.error(request, problem)


def add_problems(form, refused: FrameworkError) -> None:
    """A service's refusal shown in the form's error summary, so the editor's input stays on the page."""
    add_to_form(form, refused)


def editor_render(request, template: str, context: dict, status: int = 200):
    """render() that also tells the layout whether the page shows errors (for the "Error:" title prefix)."""
    formset = context.get("formset")
    has_errors = (
        any(form.errors for form in context.get("error_forms", []))
        or bool(context.get("problems"))
        or bool(formset is not None and formset.is_bound and formset.total_error_count())
    )
    return render(request, template, {**context, "has_errors": has_errors,
                                      "error_summary": error_summary(*context.get("error_forms", []))},
                  status=status)
