"""Norm releases and national profiles: the list of releases, starting a draft, a release's profiles, editing
a profile and its requirements, adding a profile, and publishing. Editors only ("national.edit")."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from digikomp.frameworks.editor.views.common import EDIT, add_problems, editor_render, refuse
from digikomp.profiles.editor import selectors
from digikomp.profiles.editor.forms import (
    ProfileCreateForm,
    ReleaseCreateForm,
    ReleasePublishForm,
    RequirementFormSet,
    RevisionForm,
)
from digikomp.profiles.editor.services import (
    ensure_draft,
    national_profile_create,
    requirements_replace,
    revision_update,
)
from digikomp.profiles.models import NormRelease
from digikomp.profiles.services import ProfileError, release_draft_create, release_problems, release_publish
from digikomp.tenancy.decorators import permission_required


def _data(request):
    return request.POST if request.method == "POST" else None


def release_redirect(release: NormRelease):
    return redirect("editor:release", version=release.version)


def draft_release_only(view):
    """Resolve <version> to the release (404 if unknown); a published release is refused for GET and POST,
    with the reason on the release's page, and nothing changes."""

    @wraps(view)
    @permission_required(EDIT)
    def wrapper(request, version: str, **kwargs):
        release = selectors.get_release(version)
        try:
            ensure_draft(release)
        except ProfileError as refused:
            refuse(request, refused)
            messages.info(request, _("Start a new release to make changes."))
            return release_redirect(release)
        return view(request, release, **kwargs)

    return wrapper


@permission_required(EDIT)
def releases(request):
    all_releases = list(selectors.editor_releases())
    has_draft = any(not r.is_published for r in all_releases)
    choices = selectors.framework_version_choices()
    form = None if has_draft or not choices.exists() else ReleaseCreateForm(framework_versions=choices)
    return editor_render(
        request,
        "profiles/editor/releases.html",
        {
            "releases": all_releases,
            "form": form,
            "has_draft": has_draft,
            "framework": selectors.national_framework(),
        },
    )


@permission_required(EDIT)
def release_create(request):
    form = ReleaseCreateForm(_data(request), framework_versions=selectors.framework_version_choices())
    if request.method == "POST" and form.is_valid():
        try:
            release = release_draft_create(
                version=form.cleaned_data["version"],
                actor=request.user,
                framework_version=form.cleaned_data["framework_version"],
            )
        except ProfileError as refused:
            add_problems(form, refused)
        else:
            messages.success(
                request, _("Release %(version)s was started as a draft.") % {"version": release.version}
            )
            return release_redirect(release)
    return editor_render(
        request, "profiles/editor/release_create.html", {"form": form, "error_forms": [form]}
    )


@permission_required(EDIT)
def release_detail(request, version: str):
    release = selectors.get_release(version)
    problems = [] if release.is_published else _blocking(release)
    return editor_render(
        request,
        "profiles/editor/release.html",
        {
            "release": release,
            "revisions": selectors.release_revisions(release),
            "problems": problems,
        },
    )


def _blocking(release: NormRelease) -> list[str]:
    """release_problems() without the missing changelog, which the publish form itself asks for."""
    changelog = _("A new release needs a changelog.")
    return [p for p in release_problems(release) if p != changelog]


@draft_release_only
def release_publish_view(request, release):
    form = ReleasePublishForm(
        _data(request), initial={"changelog_da": release.changelog_da, "changelog_en": release.changelog_en}
    )
    problems = _blocking(release)
    if request.method == "POST" and form.is_valid():
        try:
            release_publish(
                release=release,
                actor=request.user,
                changelog_da=form.cleaned_data["changelog_da"],
                changelog_en=form.cleaned_data["changelog_en"],
            )
        except ProfileError as refused:
            problems = refused.messages
        else:
            messages.success(
                request,
                _("Release %(version)s is published. Municipalities see it and can take it in.")
                % {"version": release.version},
            )
            return release_redirect(release)
    return editor_render(
        request,
        "profiles/editor/release_publish.html",
        {
            "release": release,
            "form": form,
            "error_forms": [form],
            "problems": problems,
        },
    )


@draft_release_only
def profile_create(request, release):
    candidates = selectors.extends_candidates(release)
    form = ProfileCreateForm(
        _data(request),
        release=release,
        candidates=candidates,
        initial={"extends": candidates.filter(slug="alle-medarbejdere").first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            revision = national_profile_create(release=release, actor=request.user, **form.cleaned_data)
        except ProfileError as refused:
            add_problems(form, refused)
        else:
            messages.success(
                request,
                _("The profile %(name)s was added to release %(version)s. Now give it its requirements.")
                % {"name": revision.name_da, "version": release.version},
            )
            return redirect("editor:requirements", version=release.version, slug=revision.profile.slug)
    return editor_render(
        request,
        "profiles/editor/profile_create.html",
        {
            "release": release,
            "form": form,
            "error_forms": [form],
        },
    )


@draft_release_only
def revision_edit(request, release, slug: str):
    revision = selectors.get_revision(release, slug)
    form = RevisionForm(
        _data(request), instance=revision, candidates=selectors.extends_candidates(release, revision.profile)
    )
    if request.method == "POST" and form.is_valid():
        try:
            revision_update(
                revision=revision,
                actor=request.user,
                job_titles=form.cleaned_data["job_titles"],
                **{name: form.cleaned_data[name] for name in RevisionForm.Meta.fields},
            )
        except ProfileError as refused:
            add_problems(form, refused)
        else:
            messages.success(request, _("The profile %(name)s was saved.") % {"name": revision.name_da})
            return release_redirect(release)
    return editor_render(
        request,
        "profiles/editor/revision_form.html",
        {
            "release": release,
            "revision": revision,
            "form": form,
            "error_forms": [form],
        },
    )


@draft_release_only
def requirements(request, release, slug: str):
    revision = selectors.get_revision(release, slug)
    framework_version = release.framework_version
    competences = list(framework_version.competences.select_related("area").order_by("position", "code"))
    by_identifier = {c.identifier: c for c in competences}
    own = list(revision.requirements.all())
    # Requirements whose competence the release's model version no longer has cannot be shown in a select;
    # the page lists them, and saving the table drops them.
    unknown = [r for r in own if r.competence_identifier not in by_identifier]
    existing = sorted(
        (r for r in own if r.competence_identifier in by_identifier),
        key=lambda r: (
            by_identifier[r.competence_identifier].position,
            by_identifier[r.competence_identifier].code,
        ),
    )
    formset = RequirementFormSet(
        _data(request),
        prefix="req",
        initial=[
            {"competence": str(r.competence_identifier), "level": r.level, "importance": r.importance}
            for r in existing
        ],
        form_kwargs={
            "competences": [(str(c.identifier), f"{c.code} {c.title}") for c in competences],
            "levels": [
                (level.value, f"{level.value} {level.name}") for level in framework_version.levels.all()
            ],
        },
    )
    problems: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            requirements_replace(revision=revision, rows=formset.rows(), actor=request.user)
        except ProfileError as refused:
            problems = refused.messages
        else:
            messages.success(
                request, _("The requirements of %(name)s were saved.") % {"name": revision.name_da}
            )
            return redirect("editor:requirements", version=release.version, slug=slug)
    extends_name, inherited = selectors.inherited(revision)
    return editor_render(
        request,
        "profiles/editor/requirements.html",
        {
            "release": release,
            "revision": revision,
            "formset": formset,
            "problems": problems,
            "inherited": inherited,
            "extends_name": extends_name,
            "unknown": unknown,
        },
    )
