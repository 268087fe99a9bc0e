"""Pages of the personal survey link: welcome, one step per area, review and submit, the personal result, and
the one-time code that proves, for a link the municipality handed out, that its holder is the person.

The token is the key: a guessed or mangled token is refused before any lookup (tokens.public_id_from), and an
unknown one gets the same 404 page, which names no campaign. An exported link only answers: what else it opens
is decided by links.page_access. Every page is private to the person: never cached, not indexed, and no Referer
carries the token elsewhere.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from digikomp.assessments import links
from digikomp.assessments.links import LinkAccess
from digikomp.assessments.models import Draft, Invitation, Response
from digikomp.assessments.results import personal_result
from digikomp.assessments.services import AlreadySubmitted, SurveyError, draft_save, response_submit
from digikomp.assessments.survey.forms import CodeForm, ConsentForm, StepForm, SubmitForm
from digikomp.assessments.survey.questionnaire import merged, questionnaire_for, submission_body
from digikomp.assessments.survey.services import response_consent_set
from digikomp.assessments.tokens import RESPONDENT
from digikomp.assessments.verification import CODE_LIFETIME, code_check, code_request
from digikomp.lib.errors import error_summary
from digikomp.lib.pdf import PdfUnavailable, render_pdf

PDF_LANGUAGES = ("da", "en")
T = "assessments/survey/"


def personal_link(view):
    """Resolve the token to its invitation (the invalid-link page otherwise), decide what this request may do
    through it (`access`), and keep the page private."""

    @wraps(view)
    @never_cache
    def wrapper(request, token: str, **kwargs):
        found = links.resolve(token, ("campaign__municipality", "campaign__framework_version"))
        if found is None:
            response = render(request, T + "invalid.html", status=404)
        else:
            invitation, answer_only = found
            access = links.page_access(request, invitation, answer_only)
            response = view(request, invitation, token=token, access=access, **kwargs)
        # same-origin, not no-referrer: the token never leaves in a Referer to another site, but under
        # no-referrer browsers send "Origin: null" with the page's own forms and Django's CSRF check refuses them.
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _response_of(invitation: Invitation) -> Response | None:
    return Response.objects.unscoped(RESPONDENT).filter(invitation=invitation).first()


def _draft(access: LinkAccess) -> tuple[dict, bool]:
    """The saved answers this request may read, and whether answers are saved that it may not (an exported link
    opened in another browser than the one that saved them: whoever holds it starts over)."""
    draft = Draft.objects.unscoped(RESPONDENT).filter(invitation=access.invitation).first()
    if draft is None:
        return {}, False
    if access.can_read_draft(draft):
        return draft.data, False
    return {}, True


def _draft_data(access: LinkAccess) -> dict:
    return _draft(access)[0]


def _verify(token: str) -> HttpResponseRedirectBase:
    return redirect("survey:verify", token=token)


def _closed_or_waiting(request, invitation: Invitation, token: str, submitted: bool):
    """The page for a survey that cannot be answered now: closed (410) or not open yet; None when open."""
    campaign = invitation.campaign
    context = {"campaign": campaign, "token": token, "submitted": submitted}
    if campaign.is_closed():
        return render(request, T + "closed.html", context, status=410)
    if timezone.now() < campaign.opens_at:
        return render(request, T + "not_open.html", context)
    return None


def _answering(request, invitation: Invitation, token: str):
    """None when the questionnaire may be answered; else the page to show instead."""
    submitted = _response_of(invitation) is not None
    unavailable = _closed_or_waiting(request, invitation, token, submitted)
    if unavailable is not None:
        return unavailable
    if submitted:
        return redirect("survey:start", token=token)
    return None


@require_http_methods(["GET", "HEAD"])
@personal_link
def start(request, invitation: Invitation, token: str, access: LinkAccess):
    response = _response_of(invitation)
    unavailable = _closed_or_waiting(request, invitation, token, response is not None)
    if unavailable is not None:
        return unavailable
    campaign = invitation.campaign
    context = {"campaign": campaign, "token": token, "submitted": response is not None}
    if response is None:
        questionnaire = questionnaire_for(invitation)
        data, hidden = _draft(access)
        resume = questionnaire.resume_step(data)
        context.update({
            "questionnaire": questionnaire, "started": bool(data), "draft_hidden": hidden,
            "next_url": reverse("survey:step", kwargs={"token": token, "number": resume}) if resume
            else reverse("survey:review", kwargs={"token": token}),
        })
    return render(request, T + "start.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@personal_link
def step(request, invitation: Invitation, token: str, number: int, access: LinkAccess):
    unavailable = _answering(request, invitation, token)
    if unavailable is not None:
        return unavailable
    questionnaire = questionnaire_for(invitation)
    current = questionnaire.step(number)
    if current is None:
        raise Http404
    data = _draft_data(access)
    if request.method == "POST":
        going_back = request.POST.get("action") == "back"
        form = StepForm(current, request.POST, enforce_required=not going_back)
        if form.is_valid():
            # Through an exported link each save is keyed to this browser, so only it reads the draft back.
            writer = links.new_draft_key() if access.answer_only else ""
            try:
                draft_save(invitation=invitation, body=merged(data, current, form.cleaned_data), writer=writer)
            except SurveyError as refused:
                # Only reachable by a hand-made request (the form offers valid values) or a closing survey.
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                if writer:
                    links.remember_draft(request, invitation, writer)
                if going_back:
                    if number > 1:
                        return redirect("survey:step", token=token, number=number - 1)
                    return redirect("survey:start", token=token)
                if number < questionnaire.total:
                    return redirect("survey:step", token=token, number=number + 1)
                return redirect("survey:review", token=token)
    else:
        form = StepForm(current, initial={q.name: q.to_field(data) for q in current.questions})
    return render(request, T + "step.html", {
        "campaign": invitation.campaign, "token": token, "questionnaire": questionnaire, "step": current,
        "form": form, "sections": form.sections(), "error_summary": form.error_summary() + [
            {"href": "#survey-form", "text": message} for message in form.non_field_errors()],
    })


def _review_context(invitation: Invitation, token: str, data: dict, errors=()) -> dict:
    questionnaire = questionnaire_for(invitation)
    steps, links = [], {}
    for current in questionnaire.steps:
        url = reverse("survey:step", kwargs={"token": token, "number": current.number})
        for question in current.questions:
            links[question.name] = f"{url}#{question.input_id}"
        steps.append((current, [(q, q.answer_label(data), links[q.name]) for q in current.questions]))
    return {
        "campaign": invitation.campaign, "token": token, "questionnaire": questionnaire, "steps": steps,
        "missing": [(q, links[q.name]) for q in questionnaire.missing(data)],
        "form": SubmitForm(initial={"idempotency_key": uuid.uuid4().hex}),
        "error_summary": list(errors),
    }


def _submission_errors(invitation: Invitation, token: str, refused: SurveyError) -> list[dict[str, str]]:
    """SurveyError fields ("answers.<id>", ...) as error-summary links to the question's step."""
    questionnaire = questionnaire_for(invitation)
    prefix = {"answers": "c", "knowledge": "k", "custom": "q"}
    found = []
    for where, message in refused.first_by_field().items():
        section, _dot, key = where.partition(".")
        name = f"{prefix.get(section, '')}-{key}"
        current = questionnaire.step_of(name)
        question = next((q for q in questionnaire.questions if q.name == name), None)
        if current is not None and question is not None:
            url = reverse("survey:step", kwargs={"token": token, "number": current.number})
            found.append({"href": f"{url}#{question.input_id}", "text": f"{question.legend}: {message}"})
        else:
            found.append({"href": "#submit", "text": message})
    return found


@require_http_methods(["GET", "HEAD", "POST"])
@personal_link
def review(request, invitation: Invitation, token: str, access: LinkAccess):
    result_url = reverse("survey:result", kwargs={"token": token})
    if request.method == "POST":
        form = SubmitForm(request.POST)
        if not form.is_valid():
            if _response_of(invitation) is not None:
                return redirect(result_url)
            unavailable = _answering(request, invitation, token)
            if unavailable is not None:
                return unavailable
            errors = [{"href": "#submit", "text": e} for e in form.errors.get("idempotency_key", [])]
            return render(request, T + "review.html",
                          _review_context(invitation, token, _draft_data(access), errors))
        body = submission_body(_draft_data(access))
        if not access.can_change_consent:
            body.pop("share_with_manager", None)  # sharing is the person's to switch on, after a proof
        try:
            submitted = response_submit(invitation=invitation, body=body,
                                        idempotency_key=form.cleaned_data["idempotency_key"])
        except AlreadySubmitted:
            messages.info(request, _("Your answers had already been submitted. Here is your result."))
            return redirect(result_url)
        except SurveyError as refused:
            unavailable = _answering(request, invitation, token)
            if unavailable is not None:
                return unavailable
            return render(request, T + "review.html", _review_context(
                invitation, token, _draft_data(access), _submission_errors(invitation, token, refused)))
        if submitted.created:
            if access.answer_only:
                links.remember_submission(request, invitation)  # so the person sees the result they just gave
            messages.success(request, _("Thank you. Your answers are stored."))
        return redirect(result_url)
    unavailable = _answering(request, invitation, token)
    if unavailable is not None:
        return unavailable
    return render(request, T + "review.html", _review_context(invitation, token, _draft_data(access)))


@require_http_methods(["GET", "HEAD"])
@personal_link
def result(request, invitation: Invitation, token: str, access: LinkAccess):
    response = _response_of(invitation)
    if response is None:
        return redirect("survey:start", token=token)
    if not access.can_read_result:
        return _verify(token)
    return render(request, T + "result.html", {
        "campaign": invitation.campaign, "token": token, "result": personal_result(response),
        "consent_form": ConsentForm(initial={"share_with_manager": response.share_with_manager}),
        "can_change_consent": access.can_change_consent,
        "pdf_links": [(code, label, reverse("survey:result_pdf", kwargs={"token": token, "language": code}))
                      for code, label in (("da", "Dansk"), ("en", "English"))],
    })


@require_POST
@personal_link
def consent(request, invitation: Invitation, token: str, access: LinkAccess):
    response = _response_of(invitation)
    if response is None:
        return redirect("survey:start", token=token)
    if not access.can_change_consent:
        messages.info(request, _("Confirm that it is you before you change who sees your result."))
        return _verify(token)
    form = ConsentForm(request.POST)
    form.is_valid()  # a checkbox: absent or anything truthy, never invalid
    share = bool(form.cleaned_data.get("share_with_manager"))
    response_consent_set(response=response, share=share, proof=access.proof,
                         actor=request.user if access.proof == links.LOGIN else None)
    messages.success(request, _("Your result is now shared with your manager.") if share
                     else _("Your result is not shared with anyone."))
    return redirect(reverse("survey:result", kwargs={"token": token}) + "#consent")


@require_http_methods(["GET", "HEAD"])
@personal_link
def result_pdf(request, invitation: Invitation, token: str, language: str, access: LinkAccess):
    if language not in PDF_LANGUAGES:
        raise Http404
    response = _response_of(invitation)
    if response is None:
        return redirect("survey:start", token=token)
    if not access.can_read_result:
        return _verify(token)
    with translation.override(language):
        data = personal_result(response)
    context = {"campaign": invitation.campaign, "result": data, "language": language, "pdf": True}
    try:
        pdf = render_pdf(T + "result_pdf.html", context, language=language)
    except PdfUnavailable:
        return render(request, T + "pdf_unavailable.html", {"token": token}, status=503)
    filename = f"digikomp-resultat-{language}.pdf" if language == "da" else f"digikomp-result-{language}.pdf"
    return HttpResponse(pdf, content_type="application/pdf",
                        headers={"Content-Disposition": content_disposition_header(True, filename)})


def _after_proof(invitation: Invitation, token: str) -> HttpResponseRedirectBase:
    """Where a proven person goes: their result, or the questionnaire with their saved answers."""
    return redirect("survey:result" if _response_of(invitation) is not None else "survey:start", token=token)


@require_http_methods(["GET", "HEAD", "POST"])
@personal_link
def verify(request, invitation: Invitation, token: str, access: LinkAccess):
    """Confirm, for an exported link, that its holder is the person: log in, or the code sent by e-mail."""
    if access.can_change_consent:  # an e-mailed link, a login or a code already proves it
        return _after_proof(invitation, token)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            code_check(invitation=invitation, code=form.cleaned_data["code"])
        except SurveyError as refused:
            for message in refused.messages:
                form.add_error("code", message)
        else:
            links.remember_code(request, invitation)
            minutes = int(links.PROOF_LIFETIME.total_seconds() // 60)
            messages.success(request, ngettext(
                "Thank you. For the next %(n)d minute this browser shows your result and saved answers.",
                "Thank you. For the next %(n)d minutes this browser shows your result and saved answers.",
                minutes) % {"n": minutes})
            return _after_proof(invitation, token)
    user = request.user if request.user.is_authenticated else None
    return render(request, T + "verify.html", {
        "campaign": invitation.campaign, "token": token, "form": form, "can_send": bool(invitation.email),
        "submitted": _response_of(invitation) is not None, "logged_in_as": user,
        "login_url": reverse("accounts:login") + "?next=" + reverse("mine:surveys"),
        "error_summary": error_summary(form),
    }, status=400 if form.errors else 200)


@require_POST
@personal_link
def send_code(request, invitation: Invitation, token: str, access: LinkAccess):
    if access.can_change_consent:
        return _after_proof(invitation, token)
    try:
        code_request(invitation=invitation)
    except SurveyError as refused:
        for message in refused.errors.values():
            messages.error(request, message)
    else:
        minutes = int(CODE_LIFETIME.total_seconds() // 60)
        messages.success(request, ngettext(
            "We have sent a code to the e-mail address the municipality had for you when you were invited. It "
            "works for %(n)d minute.",
            "We have sent a code to the e-mail address the municipality had for you when you were invited. It "
            "works for %(n)d minutes.", minutes) % {"n": minutes})
    return redirect(reverse("survey:verify", kwargs={"token": token}) + "#id_code")
