"""A national profile in the municipality: view it, adopt it, adapt it (levels, importance, notes, added and
removed competences, local name and note) and see every deviation from the norm.

The changes go through profiles.services.adaptation_set / adaptation_remove, which audit-log them and drop a
change that sets a competence back to exactly what the norm says.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from digikomp.lib.errors import add_to_form, error_summary
from digikomp.profiles import selectors as core
from digikomp.profiles import services
from digikomp.profiles.municipal import selectors
from digikomp.profiles.municipal.forms import (
    AdaptationDescribeForm,
    AdaptationForm,
    CompetenceAddForm,
    CompetenceCodeForm,
)
from digikomp.profiles.municipal.services import adaptation_describe as describe_adaptation
from digikomp.tenancy.decorators import permission_required


class Page:
    """Everything the profile page shows, computed once per request."""

    def __init__(self, request, slug: str):
        self.request = request
        self.profile = selectors.get_national_profile(request.access, slug)
        self.municipality = selectors.municipality_of(request.access)
        self.effective = core.effective_profile(self.profile, self.municipality)
        self.release = self.effective.release
        self.version = self.release.framework_version
        self.adaptation = self.effective.adaptation
        self.lines = selectors.lines(self.effective)
        self.levels = selectors.level_choices(self.version)
        self.competences = core.competences_of(self.version)

    def line(self, code: str):
        return next((line for line in self.lines if line.competence.code == code), None)

    def table_form(self, data=None) -> AdaptationForm:
        return AdaptationForm(data, lines=self.lines, levels=self.levels)

    def add_form(self, data=None) -> CompetenceAddForm:
        held = {item.identifier for item in self.effective.items}
        return CompetenceAddForm(data, competences=selectors.competence_choices(self.version, exclude=held),
                                 levels=self.levels)

    def describe_form(self, data=None) -> AdaptationDescribeForm:
        initial = {"local_name": self.adaptation.local_name, "local_note": self.adaptation.local_note}
        return AdaptationDescribeForm(data, initial=initial)

    def render(self, *, table_form=None, add_form=None, describe_form=None):
        can_adapt = self.request.access.has("profiles.adapt")
        editing = can_adapt and self.adaptation is not None
        if editing:
            table_form = table_form or self.table_form()
            add_form = add_form or self.add_form()
            describe_form = describe_form or self.describe_form()
        revision = self.effective.revision
        return render(self.request, "profiles/municipal/national.html", {
            "profile": self.profile,
            "effective": self.effective,
            "revision": revision,
            "extends": core.revision_in(revision.extends, self.release) if revision.extends_id else None,
            "release": self.release,
            "adaptation": self.adaptation,
            "lines": self.lines,
            "removed": [line for line in self.lines if line.effective.level is None],
            "deviation_count": len(self.effective.deviations),
            "can_adapt": can_adapt,
            "editing": editing,
            "table_form": table_form,
            "add_form": add_form,
            "describe_form": describe_form,
            "error_summary": error_summary(table_form, add_form, describe_form) if editing else [],
        })

    def back(self):
        return redirect("profiles:national", slug=self.profile.slug)


@permission_required("profiles.view")
def national(request, slug: str):
    return Page(request, slug).render()


@permission_required("profiles.view")
def diff(request, slug: str):
    page = Page(request, slug)
    return render(request, "profiles/municipal/diff.html", {
        "profile": page.profile,
        "effective": page.effective,
        "release": page.release,
        "adaptation": page.adaptation,
        "deviations": [line for line in page.lines if line.effective.deviation != "none"],
    })


@permission_required("profiles.adapt")
@require_POST
def adopt(request, slug: str):
    page = Page(request, slug)
    services.adaptation_get_or_create(municipality=page.municipality, profile=page.profile,
                                      actor=request.user)
    messages.success(request, _("Your municipality now has its own adaptation of %(profile)s. Change levels, "
                                "add or remove competences below.") % {"profile": page.effective.name})
    return page.back()


@permission_required("profiles.adapt")
@require_POST
def adaptation_save(request, slug: str):
    page = Page(request, slug)
    if page.adaptation is None:
        messages.error(request, _("Adopt the profile before you adapt it."))
        return page.back()
    form = page.table_form(request.POST)
    if not form.is_valid():
        return page.render(table_form=form)
    changed = [services.TableRow(
        field=line.competence.code, competence_identifier=line.effective.identifier, level=level,
        # Importance as the norm says is stored as "follow the norm", not pinned.
        importance="" if importance == line.effective.norm_importance else importance, note=note)
        for line, level, importance, note in form.changed_rows()]
    try:
        services.adaptation_table_save(adaptation=page.adaptation, rows=changed, actor=request.user)
    except services.ProfileError as error:
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
def adaptation_add(request, slug: str):
    page = Page(request, slug)
    if page.adaptation is None:
        messages.error(request, _("Adopt the profile before you adapt it."))
        return page.back()
    form = page.add_form(request.POST)
    if form.is_valid():
        competence = next(c for c in page.competences.values() if c.code == form.cleaned_data["competence"])
        try:
            services.adaptation_set(adaptation=page.adaptation, competence_identifier=competence.identifier,
                                    level=form.cleaned_data["level"],
                                    importance=form.cleaned_data["importance"],
                                    note=form.cleaned_data["note"].strip(), actor=request.user)
        except services.ProfileError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Added %(competence)s to the profile.")
                             % {"competence": f"{competence.code} {competence.title}"})
            return page.back()
    return page.render(add_form=form)


@permission_required("profiles.adapt")
@require_POST
def adaptation_remove(request, slug: str):
    page = Page(request, slug)
    line = _line_named(page, request)
    if line is None or line.effective.level is None or page.adaptation is None:
        messages.error(request, _("The profile holds no such competence."))
        return page.back()
    services.adaptation_remove(adaptation=page.adaptation, competence_identifier=line.effective.identifier,
                               actor=request.user)
    messages.success(request, _("Removed %(competence)s from the profile.")
                     % {"competence": f"{line.competence.code} {line.competence.title}"})
    return page.back()


@permission_required("profiles.adapt")
@require_POST
def adaptation_restore(request, slug: str):
    page = Page(request, slug)
    line = _line_named(page, request)
    if line is None or line.effective.level is not None or page.adaptation is None:
        messages.error(request, _("The profile has not removed such a competence."))
        return page.back()
    services.adaptation_set(adaptation=page.adaptation, competence_identifier=line.effective.identifier,
                            level=line.effective.norm_level, importance="", actor=request.user)
    messages.success(request, _("%(competence)s is required again, as the norm says.")
                     % {"competence": f"{line.competence.code} {line.competence.title}"})
    return page.back()


@permission_required("profiles.adapt")
@require_POST
def adaptation_describe(request, slug: str):
    page = Page(request, slug)
    if page.adaptation is None:
        messages.error(request, _("Adopt the profile before you adapt it."))
        return page.back()
    form = page.describe_form(request.POST)
    if form.is_valid():
        describe_adaptation(adaptation=page.adaptation, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Saved the local name and note."))
        return page.back()
    return page.render(describe_form=form)


def _line_named(page: Page, request):
    form = CompetenceCodeForm(request.POST)
    return page.line(form.cleaned_data["competence"]) if form.is_valid() else None
