"""The campaign's life after it is created: change (and extend) it, close it early, delete it, preview the
invitation e-mail, and send a reminder by hand. The rules are in assessments/lifecycle.py; these pages say them
before anyone presses a button.

Everything here needs "campaigns.manage", every campaign is fetched through campaigns.selectors (another
municipality's campaign is a 404), and every change is a POST with its CSRF token.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from digikomp.assessments import lifecycle
from digikomp.assessments.campaigns import selectors
from digikomp.assessments.campaigns.forms import initial_for
from digikomp.assessments.campaigns.views import _form, _form_context
from digikomp.assessments.mail import render_invitation
from digikomp.assessments.services import SurveyError
from digikomp.tenancy.decorators import permission_required

# Fields an answered campaign keeps as they are (lifecycle.py says why).
LOCKED_WHEN_ANSWERED = ["series", "new_series", "opens", "units", "profiles", "anonymity_k", "knowledge_checks"]
SAMPLE_NAME = gettext_lazy("Mette Jensen")


def _said(error: SurveyError) -> str:
    """The refusal's messages as one sentence (a ServiceError lists them per field)."""
    messages_ = getattr(error, "messages", None)
    if messages_ is None:
        messages_ = [str(m) for m in error.errors.values()]
    return " ".join(messages_)


def _edit_rule(answered: bool, closed: bool) -> str:
    if answered and closed:
        return _("The campaign has closed and people answered it, so only its name can change: its figures are "
                 "released and must not move. To ask again, create a new wave of the series.")
    if answered:
        return _("People have answered, so only the name, the closing date and the reminders can change: their "
                 "answers must keep meaning what they meant. Choose a later closing date to extend the campaign.")
    return _("Nobody has answered yet, so everything can change. If you change the units or profiles, the "
             "invitations of people who are no longer included are withdrawn and their links stop working; "
             "create the invitations again on the campaign's page to invite those who are new.")


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("campaigns.manage")
def campaign_edit(request, pk: int):
    access = request.access
    campaign = selectors.get_campaign(access, pk)
    answered, closed = lifecycle.has_answers(campaign), campaign.is_closed()
    form = _form(request, access, initial=initial_for(campaign))
    if answered:
        locked = LOCKED_WHEN_ANSWERED + sorted(form.QUESTION_FIELDS)
        if closed:
            locked += ["closes", "reminder_days"]
        form.lock(locked, _("It cannot change any more, because people have answered."))
    if form.is_bound and form.is_valid():
        try:
            updated = lifecycle.campaign_update(campaign=campaign, spec=form.spec(current=campaign),
                                                actor=request.user)
        except SurveyError as error:
            form.add_survey_errors(error)
        else:
            campaign.refresh_from_db()
            if not updated.changed:
                messages.info(request, _("Nothing was changed."))
            else:
                messages.success(request, _("The changes are saved. The campaign closes at the end of %(date)s.")
                                 % {"date": date_format(campaign.last_day, "DATE_FORMAT")})
            if updated.withdrawn:
                messages.warning(request, ngettext(
                    "%(n)d invitation was withdrawn: the person is no longer in the audience, and their link no "
                    "longer works.",
                    "%(n)d invitations were withdrawn: the people are no longer in the audience, and their links "
                    "no longer work.", updated.withdrawn) % {"n": updated.withdrawn})
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "assessments/campaigns/form.html", _form_context(
        access, form, editing=campaign, edit_rule=_edit_rule(answered, closed),
        questions_locked=_("People have answered, so the questions cannot change any more.") if answered else ""))


def _confirm(request, campaign, *, title, lead, points, button, action, refusal="", status=200):
    return render(request, "assessments/campaigns/confirm.html", {
        "campaign": campaign, "title": title, "lead": lead, "points": points, "button": button,
        "action": action, "refusal": refusal}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("campaigns.manage")
def campaign_close(request, pk: int):
    """GET: what closing now means. POST: close it now and release its figures."""
    campaign = selectors.get_campaign(request.access, pk)
    refusal = ""
    if request.method == "POST":
        try:
            lifecycle.campaign_close(campaign=campaign, actor=request.user)
        except SurveyError as error:
            refusal = _said(error)
        else:
            from digikomp.insights.release import current_release

            campaign.refresh_from_db()
            current_release(campaign)  # the figures, once, now rather than at the first reader
            messages.success(request, _("The campaign is closed and its results are ready."))
            return redirect("campaigns:detail", pk=campaign.pk)
    elif campaign.is_closed():
        refusal = _("The campaign has closed already.")
    elif not selectors.status_of(campaign).code == "open":
        refusal = _("The campaign has not opened yet, so there is nothing to close. Change its dates or delete it.")
    return _confirm(
        request, campaign, title=_("Close the campaign now"),
        lead=_("Closing ends the campaign today instead of on its last day. Only do it when you have enough "
               "answers or the campaign must stop."),
        points=[_("Nobody can answer from the moment you close it; saved answers that were not submitted are "
                  "not counted."),
                _("The results are computed once, right away, and shown under the anonymity threshold."),
                _("A campaign people have answered cannot be opened again: answers arriving after the results "
                  "could be compared with them. To ask again, create a new wave of the series.")],
        button=_("Close the campaign now"), action="close", refusal=refusal, status=400 if refusal and
        request.method == "POST" else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("campaigns.manage")
def campaign_delete(request, pk: int):
    """GET: what deleting means (or why it cannot be). POST: delete a campaign nobody has answered."""
    campaign = selectors.get_campaign(request.access, pk)
    refusal = ""
    if request.method == "POST":
        try:
            lifecycle.campaign_delete(campaign=campaign, actor=request.user)
        except SurveyError as error:
            refusal = _said(error)
        else:
            messages.success(request, _("The campaign “%(name)s” is deleted.") % {"name": campaign.name})
            return redirect("campaigns:list")
    elif lifecycle.has_answers(campaign):
        refusal = _("People have answered this campaign, so it cannot be deleted: their answers belong to it. "
                    "Close it instead.")
    invited = campaign.invitations.count()
    return _confirm(
        request, campaign, title=_("Delete the campaign"),
        lead=_("Deleting removes the campaign for good. It is possible only while nobody has answered."),
        points=[ngettext("Its %(n)d invitation is deleted too; the link in it stops working.",
                         "Its %(n)d invitations are deleted too; the links in them stop working.", invited)
                % {"n": invited} if invited else _("Nobody has been invited yet."),
                _("The deletion is recorded in the audit log with your name.")],
        button=_("Delete the campaign"), action="delete", refusal=refusal,
        status=400 if refusal and request.method == "POST" else 200)


@require_safe
@permission_required("campaigns.manage")
def campaign_preview(request, pk: int):
    """The invitation and the reminder e-mail exactly as a person gets them, with a sample name and a link
    that leads nowhere."""
    campaign = selectors.get_campaign(request.access, pk)
    from digikomp.tenancy.models import Person

    sample = Person(name=str(SAMPLE_NAME))
    link = settings.DIGIKOMP_BASE_URL.rstrip("/") + "/svar/" + _("EXAMPLE-personal-link-does-not-work") + "/"
    emails = []
    for kind, heading in (("invitation", _("The invitation")), ("reminder", _("The reminder"))):
        subject, body = render_invitation(campaign, sample, link, kind)
        emails.append({"kind": kind, "heading": heading, "subject": subject, "body": body})
    return render(request, "assessments/campaigns/preview.html", {
        "campaign": campaign, "emails": emails, "sample_name": sample.name,
        "sender": settings.DEFAULT_FROM_EMAIL})


@require_POST
@permission_required("campaigns.manage")
def campaign_remind(request, pk: int):
    """Send a reminder now to everyone invited who has not answered (never saying who, or how many)."""
    campaign = selectors.get_campaign(request.access, pk)
    try:
        lifecycle.reminder_send_now(campaign=campaign, actor=request.user)
    except SurveyError as error:
        messages.error(request, _said(error))
    else:
        messages.success(request, _("A reminder is on its way to everyone invited who has not answered yet."))
    return redirect(f"{campaign_url(campaign)}#paamindelse")


def campaign_url(campaign) -> str:
    from django.urls import reverse

    return reverse("campaigns:detail", kwargs={"pk": campaign.pk})
