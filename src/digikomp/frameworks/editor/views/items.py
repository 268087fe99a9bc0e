"""The items of a draft version: areas, competences (with removal and successor), the proficiency scale and
each competence's level descriptors. Every view is draft_only: a published version is refused."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from digikomp.frameworks.editor.forms import (
    AreaForm,
    CompetenceForm,
    CompetenceRemoveForm,
    DescriptorForm,
    LevelForm,
)
from digikomp.frameworks.editor.services import (
    DESCRIPTOR_FIELDS,
    area_delete,
    area_save,
    competence_save,
    descriptors_save,
    level_delete,
    level_save,
)
from digikomp.frameworks.editor.views.common import (
    add_problems,
    draft_only,
    editor_render,
    refuse,
    version_redirect,
)
from digikomp.frameworks.models import Area, Competence, Descriptor, ProficiencyLevel
from digikomp.frameworks.services import FrameworkError, competence_remove


def _data(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, version, form, template: str, save, context: dict | None = None):
    """Show the form; on a valid POST call save(form) (a service call returning the response to send), and
    put a refusal from the service into the form's error summary."""
    if request.method == "POST" and form.is_valid():
        try:
            return save(form)
        except FrameworkError as refused:
            add_problems(form, refused)
    return editor_render(
        request, template, {"version": version, "form": form, "error_forms": [form], **(context or {})}
    )


# --- Areas ------------------------------------------------------------------------------------------------


@draft_only
def area_create(request, version):
    form = AreaForm(_data(request), version=version)

    def save(form):
        area = area_save(version=version, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Area %(code)s was added.") % {"code": area.code})
        return version_redirect(version)

    return _form_page(request, version, form, "frameworks/editor/area_form.html", save)


@draft_only
def area_edit(request, version, code: str):
    area = get_object_or_404(Area, version=version, code=code)
    form = AreaForm(_data(request), instance=area, version=version)

    def save(form):
        area_save(version=version, area=area, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Area %(code)s was saved.") % {"code": area.code})
        return version_redirect(version)

    return _form_page(request, version, form, "frameworks/editor/area_form.html", save, {"area": area})


@draft_only
def area_remove(request, version, code: str):
    area = get_object_or_404(Area, version=version, code=code)
    problems = []
    if request.method == "POST":
        try:
            area_delete(area=area, actor=request.user)
        except FrameworkError as refused:
            problems = refused.messages
        else:
            messages.success(request, _("Area %(code)s was deleted.") % {"code": area.code})
            return version_redirect(version)
    return editor_render(
        request,
        "frameworks/editor/area_delete.html",
        {
            "version": version,
            "area": area,
            "problems": problems,
            "blocked": area.children.exists() or area.competences.exists(),
        },
    )


# --- Competences ------------------------------------------------------------------------------------------


@draft_only
def competence_create(request, version):
    form = CompetenceForm(
        _data(request),
        version=version,
        initial={"area": version.areas.filter(code=request.GET.get("area", "")).first()},
    )

    def save(form):
        competence = competence_save(version=version, actor=request.user, **form.service_fields())
        messages.success(
            request,
            _("Competence %(code)s was added. Now describe it at every level.") % {"code": competence.code},
        )
        return redirect(
            "editor:descriptors", slug=version.framework.slug, version=version.version, code=competence.code
        )

    return _form_page(request, version, form, "frameworks/editor/competence_form.html", save)


@draft_only
def competence_edit(request, version, code: str):
    competence = get_object_or_404(Competence, version=version, code=code)
    form = CompetenceForm(_data(request), instance=competence, version=version)

    def save(form):
        competence_save(version=version, competence=competence, actor=request.user, **form.service_fields())
        messages.success(request, _("Competence %(code)s was saved.") % {"code": competence.code})
        return version_redirect(version)

    return _form_page(
        request, version, form, "frameworks/editor/competence_form.html", save, {"competence": competence}
    )


@draft_only
def competence_delete(request, version, code: str):
    competence = get_object_or_404(Competence, version=version, code=code)
    form = CompetenceRemoveForm(_data(request), competence=competence)

    def save(form):
        successor = form.cleaned_data["replaced_by"]
        competence_remove(competence=competence, replaced_by=successor, actor=request.user)
        if successor:
            messages.success(
                request,
                _("Competence %(code)s was removed and replaced by %(successor)s.")
                % {"code": competence.code, "successor": successor.code},
            )
        else:
            messages.success(request, _("Competence %(code)s was removed.") % {"code": competence.code})
        return version_redirect(version)

    return _form_page(
        request, version, form, "frameworks/editor/competence_remove.html", save, {"competence": competence}
    )


@draft_only
def descriptors(request, version, code: str):
    competence = get_object_or_404(Competence.objects.select_related("area"), version=version, code=code)
    existing = {d.level_id: d for d in Descriptor.objects.filter(competence=competence)}
    forms = []
    for level in version.levels.all():
        d = existing.get(level.pk)
        initial = {name: getattr(d, name) for name in DESCRIPTOR_FIELDS} if d else {}
        forms.append(DescriptorForm(_data(request), level=level, initial=initial))
    # A list, not a generator: every level is validated, so all their errors show at once.
    if request.method == "POST" and all([form.is_valid() for form in forms]):  # noqa: C419
        try:
            descriptors_save(
                competence=competence,
                actor=request.user,
                texts={form.scale_level: form.cleaned_data for form in forms},
            )
        except FrameworkError as refused:
            add_problems(forms[0], refused)
        else:
            messages.success(
                request, _("The descriptors of %(code)s were saved.") % {"code": competence.code}
            )
            return redirect(
                "editor:descriptors",
                slug=version.framework.slug,
                version=version.version,
                code=competence.code,
            )
    return editor_render(
        request,
        "frameworks/editor/descriptors.html",
        {
            "version": version,
            "competence": competence,
            "forms": forms,
            "error_forms": forms,
        },
    )


# --- The proficiency scale --------------------------------------------------------------------------------


@draft_only
def levels(request, version):
    return editor_render(
        request, "frameworks/editor/levels.html", {"version": version, "levels": version.levels.all()}
    )


def _levels_redirect(version):
    return redirect("editor:levels", slug=version.framework.slug, version=version.version)


@draft_only
def level_create(request, version):
    form = LevelForm(
        _data(request),
        version=version,
        initial={"value": max(version.levels.values_list("value", flat=True), default=0) + 1},
    )

    def save(form):
        level = level_save(version=version, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Level %(value)s was added.") % {"value": level.value})
        return _levels_redirect(version)

    return _form_page(request, version, form, "frameworks/editor/level_form.html", save)


@draft_only
def level_edit(request, version, value: int):
    level = get_object_or_404(ProficiencyLevel, version=version, value=value)
    form = LevelForm(_data(request), instance=level, version=version)

    def save(form):
        level_save(version=version, level=level, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Level %(value)s was saved.") % {"value": level.value})
        return _levels_redirect(version)

    return _form_page(request, version, form, "frameworks/editor/level_form.html", save, {"level": level})


@draft_only
def level_remove(request, version, value: int):
    level = get_object_or_404(ProficiencyLevel, version=version, value=value)
    if request.method == "POST":
        try:
            level_delete(level=level, actor=request.user)
        except FrameworkError as refused:
            refuse(request, refused)
        else:
            messages.success(request, _("Level %(value)s was deleted.") % {"value": level.value})
        return _levels_redirect(version)
    return editor_render(
        request,
        "frameworks/editor/level_delete.html",
        {
            "version": version,
            "level": level,
            "descriptor_count": level.descriptors.count(),
        },
    )
