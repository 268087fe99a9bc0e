"""Job codes -> profiles: the codes in use with their head counts and profiles, editing the mapping, and the
CSV export and import (checked first and shown as a preview, then imported all or nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from digikomp.lib.errors import error_summary
from digikomp.lib.problems import Problems
from digikomp.lib.tables import read_csv
from digikomp.profiles import jobcodes
from digikomp.profiles.municipal import selectors
from digikomp.profiles.municipal.forms import JobCodesForm, JobCodesImportForm
from digikomp.tenancy.decorators import permission_required
from digikomp.tenancy.models import Person


def _form(request, rows, data=None) -> JobCodesForm:
    national, local = selectors.profile_choices(request.access)
    return JobCodesForm(data, rows=rows, national=national, local=local)


def _rows(municipality) -> list[dict]:
    rows = jobcodes.job_codes_in_use(municipality)
    names: dict[int, str] = {}
    for row in rows:
        profile = row["profile"]
        if profile is not None:
            if profile.pk not in names:
                names[profile.pk] = selectors.profile_name(profile, municipality)
            row["profile_name"] = names[profile.pk]
    return rows


def _render(request, rows, form):
    municipality = selectors.municipality_of(request.access)
    without_code = Person.objects.of_municipality(municipality).filter(active=True, job_code="").count()
    return render(request, "profiles/municipal/job_codes.html", {
        "rows": rows,
        "form": form,
        "error_summary": error_summary(form) if form is not None else [],
        "unmapped_people": sum(row["people"] for row in rows if row["profile"] is None),
        "mapped_people": sum(row["people"] for row in rows if row["profile"] is not None),
        "without_code": without_code,
        "can_adapt": request.access.has("profiles.adapt"),
    })


@permission_required("profiles.view")
def job_codes(request):
    municipality = selectors.municipality_of(request.access)
    rows = _rows(municipality)
    form = _form(request, rows) if request.access.has("profiles.adapt") else None
    return _render(request, rows, form)


@permission_required("profiles.adapt")
@require_POST
def job_codes_save(request):
    municipality = selectors.municipality_of(request.access)
    rows = _rows(municipality)
    form = _form(request, rows, request.POST)
    if not form.is_valid():
        return _render(request, rows, form)
    changed = list(form.changed_rows())
    available = {p.pk: p for p in jobcodes.profiles_available(municipality)}
    for row, profile_pk in changed:
        jobcodes.job_profile_set(municipality=municipality, job_code=row["job_code"],
                                 profile=available[profile_pk] if profile_pk else None, actor=request.user)
    if changed:
        messages.success(request, ngettext("Saved the profile of %(count)s job code.",
                                           "Saved the profiles of %(count)s job codes.", len(changed))
                         % {"count": len(changed)})
    else:
        messages.info(request, _("Nothing was changed."))
    return redirect("profiles:job_codes")


@permission_required("profiles.view")
def job_codes_csv(request):
    municipality = selectors.municipality_of(request.access)
    content = "\ufeff" + jobcodes.job_profiles_csv(municipality)  # the BOM makes Excel read UTF-8
    return HttpResponse(content.encode("utf-8"), content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="stillingskoder-{municipality.code}.csv"'})


@permission_required("profiles.adapt")
def job_codes_import(request):
    """GET: the upload form. POST with a file: check it and show what it would store. POST with `confirm` and
    the checked content: import it (checked again, all or nothing)."""
    municipality = selectors.municipality_of(request.access)
    posted = request.method == "POST"
    form = JobCodesImportForm(request.POST if posted else None, request.FILES if posted else None)
    context = {"form": form, "problems": [], "preview": None}
    if posted and form.is_valid():
        content = form.cleaned_data["content"]
        confirm = "confirm" in request.POST and not request.FILES
        problems, count = jobcodes.job_profiles_import(municipality=municipality, data=content,
                                                       actor=request.user, dry_run=not confirm)
        if problems:
            context["problems"] = list(problems)
        elif confirm:
            messages.success(request, ngettext("Imported the profile of %(count)s job code.",
                                               "Imported the profiles of %(count)s job codes.", count)
                             % {"count": count})
            return redirect("profiles:job_codes")
        else:
            context["preview"] = _preview(municipality, content)
            context["data"] = form.encode(content)
    context["error_summary"] = error_summary(form)
    return render(request, "profiles/municipal/job_codes_import.html", context)


def _preview(municipality, content: bytes) -> dict:
    """What a checked file would store, and the codes in use it leaves without a profile."""
    table = read_csv(file=jobcodes.CSV_FILE, data=content, columns=jobcodes.COLUMNS, problems=Problems())
    profiles = {p.slug: p for p in jobcodes.profiles_available(municipality).order_by("owner_id")}
    in_use = {row["job_code"]: row for row in jobcodes.job_codes_in_use(municipality)}
    names: dict[int, str] = {}
    rows = []
    for row in table.rows if table else []:
        code, profile = row["stillingskode"].strip(), profiles[row["profil"].strip()]
        if profile.pk not in names:
            names[profile.pk] = selectors.profile_name(profile, municipality)
        rows.append({"job_code": code, "profile": profile, "profile_name": names[profile.pk],
                     "people": in_use[code]["people"] if code in in_use else 0})
    mapped = {row["job_code"] for row in rows}
    left_out = [row for code, row in in_use.items() if code not in mapped]
    return {"rows": rows, "left_out": left_out, "left_out_people": sum(row["people"] for row in left_out)}
