"""Campaign pages: the list, creating a campaign, and its page with invitations, e-mails, response rates and
the export of answer-only links (behind a page that says what exporting means).

Everything here needs "campaigns.manage" (municipal admins and HR), and every campaign is fetched through
campaigns.selectors, so another municipality's campaign is a 404.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from digikomp.assessments import lifecycle, tasks
from digikomp.assessments.campaigns import selectors
from digikomp.assessments.campaigns.forms import CampaignForm, LinksExportForm
from digikomp.assessments.links import exported_link, links_export
from digikomp.assessments.models import MAX_CUSTOM_QUESTIONS
from digikomp.assessments.services import SurveyError, audience, campaign_create, invitations_create
from digikomp.audit.models import log_action
from digikomp.insights.selectors import campaign_totals, response_rates
from digikomp.lib.anonymity import effective_k
from digikomp.lib.errors import error_summary
from digikomp.profiles.jobcodes import profiles_available
from digikomp.profiles.selectors import release_for
from digikomp.tenancy import selectors as tenancy
from digikomp.tenancy.decorators import permission_required
from digikomp.tenancy.orgtree import visible_ancestors

WITHOUT_EMAIL_SHOWN = 50  # the rest are in the links export
BOM = "\ufeff"  # so Excel opens the semicolon-separated file as UTF-8


@require_safe
@permission_required("campaigns.manage")
def campaign_list(request):
    rows = [{"campaign": c, "status": selectors.status_of(c), "totals": campaign_totals(campaign=c),
             "last_day": selectors.last_day(c)}
            for c in selectors.campaigns_for(request.access)]
    return render(request, "assessments/campaigns/list.html", {"rows": rows})


def _unit_tree(access, selected: set[str], disabled: bool = False) -> list[dict]:
    """The municipality's active units as nested nodes for the audience picker, in tree order. Each node
    carries its path ("Sundhed › Hjemmepleje › Område Nord"): shown where names repeat, and searched by the
    picker's filter."""
    units = list(tenancy.visible_units(access).filter(active=True).order_by("depth", "name", "pk"))
    names = Counter(u.name.strip().lower() for u in units)
    nodes = {u.pk: {"unit": u, "children": [], "checked": str(u.pk) in selected, "disabled": disabled,
                    "repeated": names[u.name.strip().lower()] > 1} for u in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        nodes[unit.pk]["where"] = parent["path"] if parent else ""
        nodes[unit.pk]["path"] = f"{parent['path']} › {unit.name}" if parent else unit.name
        (parent["children"] if parent else roots).append(nodes[unit.pk])
    return roots


def _form(request, access, **kwargs) -> CampaignForm:
    municipality = access.municipality
    release = release_for(municipality)
    profiles = sorted(((str(p.pk), selectors.profile_name(p, release))
                       for p in profiles_available(municipality)), key=lambda pair: pair[1].lower())
    units = tenancy.visible_units(access).filter(active=True).values_list("pk", "name")
    adding = request.method == "POST" and "add_question" in request.POST
    if adding:  # "Add a question" without JavaScript: the form again, one block more, and no errors yet
        kwargs["initial"] = CampaignForm.initial_from_post(request.POST)
    bound = request.method == "POST" and not adding
    form = CampaignForm(
        request.POST if bound else None,
        unit_choices=[(str(pk), name) for pk, name in units], profile_choices=profiles,
        series_choices=[(s.name, s.name) for s in selectors.series_for(access)],
        default_k=effective_k(municipality), **kwargs,
    )
    if adding:
        form.rows_shown = form.shown_rows() + 1
    return form


@permission_required("campaigns.manage")
def campaign_create_view(request):
    access = request.access
    if access.municipality is None:
        raise Http404
    form = _form(request, access)
    if form.is_bound and form.is_valid():
        try:
            campaign = campaign_create(municipality=access.municipality, spec=form.spec(), actor=request.user)
        except SurveyError as error:
            form.add_survey_errors(error)
        else:
            messages.success(request, _("The campaign was created. Create the invitations when the audience "
                                        "is right."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "assessments/campaigns/form.html", _form_context(access, form))


def _form_context(access, form: CampaignForm, **extra) -> dict:
    return {
        "form": form, "error_summary": error_summary(form),
        "unit_tree": _unit_tree(access, {str(v) for v in form["units"].value() or []},
                                disabled=form.fields["units"].disabled),
        "selected_profiles": {str(v) for v in form["profiles"].value() or []},
        "max_questions": MAX_CUSTOM_QUESTIONS, **extra,
    }


@require_safe
@permission_required("campaigns.manage")
def campaign_detail(request, pk: int):
    access = request.access
    campaign = selectors.get_campaign(access, pk)
    external_id = request.GET.get("enhed", "").strip()
    units = [tenancy.get_unit(access, external_id)] if external_id else list(
        tenancy.top_units(access).order_by("name", "pk"))
    invitations = campaign.invitations
    status = selectors.status_of(campaign)
    invited = invitations.count()
    return render(request, "assessments/campaigns/detail.html", {
        "campaign": campaign,
        "status": status,
        "last_day": selectors.last_day(campaign),
        "audience_size": len(audience(campaign)),
        "invited": invited,
        "sent": invitations.filter(sent_at__isnull=False).exclude(person__email="").count(),
        "unsent": invitations.filter(sent_at__isnull=True).count(),
        "without_email": invitations.filter(person__email="").count(),
        "totals": campaign_totals(campaign=campaign),
        "audience_units": campaign.audience_units.order_by("name"),
        "audience_profiles": [selectors.profile_name(p, campaign.release)
                              for p in campaign.audience_profiles.all()],
        "questions": campaign.custom_questions.all(),
        "rate_tables": [{"unit": unit, "ancestors": visible_ancestors(access, unit),
                         "rows": response_rates(campaign=campaign, unit=unit)} for unit in units],
        "drilled": bool(external_id),
        "can_invite": status.code != "closed",
        # The campaign's life (assessments/lifecycle.py): what can be done now, and the people DigiKomp cannot
        # e-mail (names and units only: nothing here says who has answered).
        "answered": lifecycle.has_answers(campaign),
        "without_email_people": list(lifecycle.invited_without_email(campaign)[:WITHOUT_EMAIL_SHOWN]),
        "last_reminder": lifecycle.last_reminder(campaign),
        "reminder_refusal": lifecycle.reminder_refusal(campaign),
    })


@require_POST
@permission_required("campaigns.manage")
def campaign_invite(request, pk: int):
    campaign = selectors.get_campaign(request.access, pk)
    try:
        new = invitations_create(campaign=campaign, actor=request.user)
    except SurveyError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if new:
            messages.success(request, ngettext("%(n)d person was invited.", "%(n)d people were invited.",
                                               len(new)) % {"n": len(new)})
        else:
            messages.info(request, _("Everyone in the audience is invited already."))
    return redirect("campaigns:detail", pk=campaign.pk)


@require_POST
@permission_required("campaigns.manage")
def campaign_send(request, pk: int):
    campaign = selectors.get_campaign(request.access, pk)
    unsent = campaign.invitations.filter(sent_at__isnull=True).count()
    if campaign.is_closed():
        messages.error(request, _("The campaign has closed; no e-mails were sent."))
    elif not unsent:
        messages.info(request, _("There is nobody to send to: create the invitations first, or everyone "
                                 "invited has had their e-mail."))
    else:
        # Say how many get an e-mail, and who cannot (no address): they are listed on the campaign's page.
        no_address = campaign.invitations.filter(sent_at__isnull=True, person__email="").count()
        first_send = not campaign.invitations.filter(sent_at__isnull=False).exists()
        if first_send:
            tasks.schedule_mail(campaign)  # the invitations and the reminder schedule
        else:
            # People invited later: their e-mails only, or everyone would be queued a second set of reminders.
            tasks.send_invitations.enqueue(campaign.pk)
        log_action("campaign.mail", actor=request.user, municipality=campaign.municipality, obj=campaign,
                   data={"pending": unsent, "reminders": first_send})
        mailed = unsent - no_address
        if mailed:
            messages.success(request, ngettext(
                "The invitation e-mail to %(n)d person is on its way.",
                "The invitation e-mails to %(n)d people are on their way.", mailed) % {"n": mailed})
        if no_address:
            messages.warning(request, ngettext(
                "%(n)d invited person has no e-mail address and gets no e-mail. They are listed under "
                "“Invited without an e-mail address” on this page: hand them their link yourself with “Hand "
                "out links yourself”.",
                "%(n)d invited people have no e-mail address and get no e-mail. They are listed under "
                "“Invited without an e-mail address” on this page: hand them their links yourself with “Hand "
                "out links yourself”.", no_address) % {"n": no_address})
    return redirect("campaigns:detail", pk=campaign.pk)


def _cell(value: str) -> str:
    # A name starting with = + - @ would run as a formula when the file is opened in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _links_page(request, campaign, form: LinksExportForm, status: int = 200):
    invitations = campaign.invitations
    return render(request, "assessments/campaigns/links.html", {
        "campaign": campaign, "form": form, "closed": campaign.is_closed(),
        "invited": invitations.count(), "without_email": invitations.filter(person__email="").count(),
        "exported": invitations.filter(links_exported_at__isnull=False).count(),
        "error_summary": error_summary(form),
    }, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("campaigns.manage")
def campaign_links(request, pk: int):
    """GET: what exporting the links means, and whose to export. POST: the answer-only links as CSV (logged,
    and each invitation marked), for municipalities that hand them out through their own channels."""
    campaign = selectors.get_campaign(request.access, pk)
    if request.method != "POST":
        return _links_page(request, campaign, LinksExportForm())
    form = LinksExportForm(request.POST)
    if not form.is_valid():
        return _links_page(request, campaign, form, status=400)
    try:
        invitations, _new = links_export(campaign=campaign, scope=form.cleaned_data["scope"], actor=request.user)
    except SurveyError as error:
        for message in error.messages:
            form.add_error("scope", message)
        return _links_page(request, campaign, form, status=400)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("External id"), _("Name"), _("Unit"), _("E-mail"), _("Link (answers only)")])
    for invitation in invitations:
        person = invitation.person
        writer.writerow([_cell(person.external_id), _cell(person.name), _cell(invitation.unit.name),
                         _cell(person.email), exported_link(invitation)])
    filename = f"kortlaegning-{campaign.pk}-links.csv"
    return HttpResponse(BOM + out.getvalue(), content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": content_disposition_header(True, filename),
                                 "Cache-Control": "no-store"})
