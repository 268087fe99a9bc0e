"""Versions: the list of frameworks and versions, starting a draft, a version's page, its texts, the preview
and publishing."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from digikomp.frameworks.editor.forms import PublishForm, VersionCreateForm, VersionForm
from digikomp.frameworks.editor.selectors import editor_frameworks, editor_tree, next_label, publish_gaps
from digikomp.frameworks.editor.services import version_update
from digikomp.frameworks.editor.views.common import (
    EDIT,
    add_problems,
    draft_only,
    editor_render,
    version_redirect,
    with_version,
)
from digikomp.frameworks.models import Competence, Framework
from digikomp.frameworks.selectors import version_tree
from digikomp.frameworks.services import FrameworkError, version_draft_create, version_publish
from digikomp.tenancy.decorators import permission_required


def _create_form(framework: Framework, data=None) -> VersionCreateForm:
    # Prefixed with the slug: the list page holds one of these forms per framework, and ids must be unique.
    return VersionCreateForm(data, prefix=framework.slug, initial={"version_label": next_label(framework)})


@permission_required(EDIT)
def index(request):
    rows = []
    for framework in editor_frameworks():
        versions = list(framework.versions.all())
        draft = next((v for v in versions if not v.is_published), None)
        rows.append(
            {
                "framework": framework,
                "versions": versions,
                "draft": draft,
                "form": None if draft else _create_form(framework),
            }
        )
    return editor_render(request, "frameworks/editor/index.html", {"rows": rows})


@permission_required(EDIT)
def version_create(request, slug: str):
    framework = get_object_or_404(Framework, slug=slug)
    form = _create_form(framework, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = version_draft_create(
                framework=framework, version_label=form.cleaned_data["version_label"], actor=request.user
            )
        except FrameworkError as refused:
            add_problems(form, refused)
        else:
            messages.success(
                request, _("Version %(version)s was started as a draft.") % {"version": draft.version}
            )
            return version_redirect(draft)
    return editor_render(
        request,
        "frameworks/editor/version_create.html",
        {
            "framework": framework,
            "form": form,
            "error_forms": [form],
            "source": framework.latest_published(),
        },
    )


@with_version
def version_detail(request, version):
    tree = editor_tree(version)
    return editor_render(
        request,
        "frameworks/editor/version.html",
        {
            "version": version,
            "tree": tree,
            "gap_count": 0 if version.is_published else len(publish_gaps(version)),
            "replacements": _replacements(version),
        },
    )


def _replacements(version) -> list[dict]:
    """The competences this version removed, each with its successor, by code."""
    rows = list(version.replacements.all())
    if not rows:
        return []
    old = (
        {
            c.identifier: c
            for c in Competence.objects.filter(
                version_id=version.previous_id, identifier__in=[r.old_identifier for r in rows]
            )
        }
        if version.previous_id
        else {}
    )
    new = {
        c.identifier: c for c in version.competences.filter(identifier__in=[r.new_identifier for r in rows])
    }
    return [
        {
            "old": old.get(r.old_identifier),
            "old_identifier": r.old_identifier,
            "new": new.get(r.new_identifier),
            "new_identifier": r.new_identifier,
        }
        for r in rows
    ]


@draft_only
def version_edit(request, version):
    form = VersionForm(request.POST if request.method == "POST" else None, instance=version)
    if request.method == "POST" and form.is_valid():
        try:
            version_update(version=version, actor=request.user, **form.cleaned_data)
        except FrameworkError as refused:
            add_problems(form, refused)
        else:
            messages.success(request, _("The version's texts were saved."))
            return version_redirect(version)
    return editor_render(
        request,
        "frameworks/editor/version_form.html",
        {
            "version": version,
            "form": form,
            "error_forms": [form],
        },
    )


@with_version
def preview(request, version):
    tree = version_tree(version)
    for competence in tree.competences:
        competence.level_rows = list(zip(tree.levels, competence.descriptor_list, strict=True))
    return editor_render(request, "frameworks/editor/preview.html", {"version": version, "tree": tree})


@draft_only
def publish(request, version):
    gaps = publish_gaps(version)
    form = PublishForm(
        request.POST if request.method == "POST" else None,
        initial={"changelog_da": version.changelog_da, "changelog_en": version.changelog_en},
    )
    refused = False
    if request.method == "POST" and form.is_valid():
        try:
            version_publish(
                version=version,
                actor=request.user,
                changelog_da=form.cleaned_data["changelog_da"],
                changelog_en=form.cleaned_data["changelog_en"],
            )
        except FrameworkError as refusal:
            refused = True
            gaps = publish_gaps(version, problems=refusal.messages)
        else:
            messages.success(request, _("Version %(version)s is published.") % {"version": version.version})
            return version_redirect(version)
    return editor_render(
        request,
        "frameworks/editor/publish.html",
        {
            "version": version,
            "gaps": gaps,
            "form": form,
            "error_forms": [form],
            "refused": refused,
        },
    )
