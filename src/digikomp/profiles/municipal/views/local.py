"""The municipality's own profiles: create, edit, their requirements, delete."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from digikomp.frameworks.models import Competence
from digikomp.lib.errors import add_to_form, error_summary
from digikomp.profiles import selectors as core
from digikomp.profiles.models import Profile, Requirement
from digikomp.profiles.municipal import selectors, words
from digikomp.profiles.municipal import services as local_services
from digikomp.profiles.municipal.forms import (
    CompetenceAddForm,
    CompetenceCodeForm,
    LocalProfileForm,
    LocalRequirementsForm,
)
from digikomp.profiles.services import TableRow
from digikomp.tenancy.decorators import permission_required


@dataclass
class OwnRow:
    competence: Competence
    requirement: Requirement


def _national_choices(access) -> list[tuple[str, str]]:
    revisions = selectors.national_revisions(selectors.current_release(access))
    return sorted(((r.profile.slug, r.name) for r in revisions.values()), key=lambda item: item[1].casefold())


def _extends(access, slug: str) -> Profile | None:
    return Profile.objects.shared().filter(slug=slug).first() if slug else None


def _profile_fields(form) -> dict:
    data = {key: form.cleaned_data[key] for key in ("name_da", "name_en", "description_da", "description_en",
                                                     "slug")}
    return data


@permission_required("profiles.adapt")
def local_create(request):
    municipality = selectors.municipality_of(request.access)
    form = LocalProfileForm(request.POST if request.method == "POST" else None,
                            national=_national_choices(request.access))
    if request.method == "POST" and form.is_valid():
        try:
            profile = local_services.local_profile_create(
                municipality=municipality, extends=_extends(request.access, form.cleaned_data["extends"]),
                actor=request.user, **_profile_fields(form))
        except local_services.LocalProfileError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Created the local profile %(name)s. Add its requirements below.")
                             % {"name": form.cleaned_data["name_da"]})
            return redirect("profiles:local", slug=profile.slug)
    return render(request, "profiles/municipal/local_form.html", {
        "form": form, "profile": None, "error_summary": error_summary(form)})


@permission_required("profiles.adapt")
def local_edit(request, slug: str):
    profile = selectors.get_local_profile(request.access, slug)
    revision = selectors.local_revision(profile)
    initial = {"name_da": revision.name_da, "name_en": revision.name_en, "slug": profile.slug,
               "description_da": revision.description_da, "description_en": revision.description_en,
               "extends": revision.extends.slug if revision.extends_id else ""}
    form = LocalProfileForm(request.POST if request.method == "POST" else None, initial=initial,
                            national=_national_choices(request.access))
    if request.method == "POST" and form.is_valid():
        try:
            local_services.local_profile_update(
                profile=profile, extends=_extends(request.access, form.cleaned_data["extends"]),
                actor=request.user, **_profile_fields(form))
        except local_services.LocalProfileError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Saved the profile."))
            return redirect("profiles:local", slug=profile.slug)
    return render(request, "profiles/municipal/local_form.html", {
        "form": form, "profile": profile, "revision": revision, "error_summary": error_summary(form)})


class LocalPage:
    def __init__(self, request, slug: str):
        self.request = request
        self.profile = selectors.get_local_profile(request.access, slug)
        self.revision = selectors.local_revision(self.profile)
        self.municipality = selectors.municipality_of(request.access)
        self.effective = core.effective_profile(self.profile, self.municipality)
        self.release = self.effective.release
        self.version = self.release.framework_version
        self.competences = core.competences_of(self.version)
        self.levels = selectors.level_choices(self.version)
        self.lines = selectors.lines(self.effective)
        order = {c.identifier: (c.position, c.code) for c in self.competences.values()}
        requirements = [r for r in self.revision.requirements.all()
                        if r.competence_identifier in self.competences]
        requirements.sort(key=lambda r: order[r.competence_identifier])
        self.own = [OwnRow(self.competences[r.competence_identifier], r) for r in requirements]

    def row(self, code: str) -> OwnRow | None:
        return next((row for row in self.own if row.competence.code == code), None)

    def table_form(self, data=None):
        return LocalRequirementsForm(data, rows=self.own, levels=self.levels)

    def add_form(self, data=None):
        names = selectors.level_names(self.version)
        own = {row.competence.identifier for row in self.own}
        inherited = {line.effective.identifier: _("inherited at %(level)s")
                     % {"level": words.level(line.effective.norm_level, names)}
                     for line in self.lines if line.effective.identifier not in own}
        return CompetenceAddForm(data, competences=selectors.competence_choices(self.version, own, inherited),
                                 levels=self.levels, with_note=False)

    def render(self, *, table_form=None, add_form=None):
        can_adapt = self.request.access.has("profiles.adapt")
        if can_adapt:
            table_form = table_form or self.table_form()
            add_form = add_form or self.add_form()
        return render(self.request, "profiles/municipal/local.html", {
            "profile": self.profile,
            "revision": self.revision,
            "extends": (core.revision_in(self.revision.extends, self.release) if self.revision.extends_id
                        else None),
            "effective": self.effective,
            "release": self.release,
            "lines": self.lines,
            "own": self.own,
            "can_adapt": can_adapt,
            "table_form": table_form,
            "add_form": add_form,
            "error_summary": error_summary(table_form, add_form) if can_adapt else [],
        })

    def back(self):
        return redirect("profiles:local", slug=self.profile.slug)


@permission_required("profiles.view")
def local(request, slug: str):
    return LocalPage(request, slug).render()


@permission_required("profiles.adapt")
@require_POST
def local_requirements(request, slug: str):
    page = LocalPage(request, slug)
    form = page.table_form(request.POST)
    if not form.is_valid():
        return page.render(table_form=form)
    changed = [TableRow(field=row.competence.code, competence_identifier=row.competence.identifier, level=level,
                        importance=importance) for row, level, importance in form.changed_rows()]
    try:
        local_services.local_profile_requirements_save(profile=page.profile, rows=changed, actor=request.user)
    except local_services.LocalProfileError as error:
        add_to_form(form, error)
        return page.render(table_form=form)
    if changed:
        messages.success(request, ngettext("Saved the change to %(count)s competence.",
                                           "Saved the changes to %(count)s competences.", len(changed))
                         % {"count": len(changed)})
    else:
        messages.info(request, _("Nothing was changed."))
    return page.back()


@permission_required("profiles.adapt")
@require_POST
def local_requirement_add(request, slug: str):
    page = LocalPage(request, slug)
    form = page.add_form(request.POST)
    if form.is_valid():
        competence = next(c for c in page.competences.values() if c.code == form.cleaned_data["competence"])
        try:
            local_services.local_profile_requirement_set(
                profile=page.profile, competence_identifier=competence.identifier,
                level=form.cleaned_data["level"], importance=form.cleaned_data["importance"],
                actor=request.user)
        except local_services.LocalProfileError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Added %(competence)s to the profile.")
                             % {"competence": f"{competence.code} {competence.title}"})
            return page.back()
    return page.render(add_form=form)


@permission_required("profiles.adapt")
@require_POST
def local_requirement_remove(request, slug: str):
    page = LocalPage(request, slug)
    form = CompetenceCodeForm(request.POST)
    row = page.row(form.cleaned_data["competence"]) if form.is_valid() else None
    if row is None:
        messages.error(request, _("The profile has no requirement for this competence."))
        return page.back()
    local_services.local_profile_requirement_remove(profile=page.profile,
                                                    competence_identifier=row.competence.identifier,
                                                    actor=request.user)
    messages.success(request, _("Removed %(competence)s from the profile.")
                     % {"competence": f"{row.competence.code} {row.competence.title}"})
    return page.back()


@permission_required("profiles.adapt")
def local_delete(request, slug: str):
    profile = selectors.get_local_profile(request.access, slug)
    revision = selectors.local_revision(profile)
    problems = local_services.local_profile_delete_problems(profile)
    if request.method == "POST" and not problems:
        local_services.local_profile_delete(profile=profile, actor=request.user)
        messages.success(request, _("Deleted the local profile %(name)s.") % {"name": revision.name})
        return redirect("profiles:library")
    return render(request, "profiles/municipal/local_delete.html", {
        "profile": profile, "revision": revision, "problems": problems,
    })
