"""Endpoints of the respondent's side of a survey, reached by the token of the personal link: the
questionnaire, the draft, the exactly-once submission, the personal result and the consent to share it, and the
one-time code that proves, for a link the municipality handed out, that the caller is the person.

They need no login: the token is the key. A link the municipality exported only answers (assessments/links.py):
its result, consent and saved answers need the person's own API token or the `X-Survey-Verification` value
that a right one-time code gives. They use no session authentication (so no CSRF either), and a guessed,
mangled or unknown token is refused with the same 404 that names nothing. Submit is the hot path (hundreds per
second at peak): one lookup of the invitation with what the service needs, then response_submit, which stores
the answers exactly once (Idempotency-Key) in one transaction.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from digikomp.api.parsers import JSONParser
from digikomp.api.serializers import ErrorSerializer
from digikomp.api.serializers_surveys import (
    AnswersSerializer,
    CodeCheckSerializer,
    CodeSentSerializer,
    ConsentSerializer,
    DraftSavedSerializer,
    FieldErrorsSerializer,
    PersonalResultSerializer,
    QuestionnaireSerializer,
    SubmittedSerializer,
    SurveyStateSerializer,
    VerificationSerializer,
)
from digikomp.api.surveys import FIELD_ERRORS, flat_errors, refused
from digikomp.assessments import links
from digikomp.assessments.links import LinkAccess
from digikomp.assessments.models import Draft, Invitation
from digikomp.assessments.models import Response as SurveyResponse
from digikomp.assessments.results import personal_result
from digikomp.assessments.services import (
    AlreadySubmitted,
    SurveyError,
    check_open,
    draft_save,
    knowledge_items,
    response_submit,
)
from digikomp.assessments.survey.questionnaire import DONT_KNOW, questionnaire_for
from digikomp.assessments.survey.services import response_consent_set
from digikomp.assessments.tokens import RESPONDENT
from digikomp.assessments.verification import CODE_LIFETIME, TooManyCodes, code_check, code_request
from digikomp.lib.i18n import CONTENT_LANGUAGES

TOKEN_PARAMETER = OpenApiParameter("token", str, OpenApiParameter.PATH, description=gettext_lazy(
    "The token of the personal link (the part after /svar/)."))
LANG_PARAMETER = OpenApiParameter("lang", str, enum=list(CONTENT_LANGUAGES), description=gettext_lazy(
    "The language of texts and messages: da (the default) or en."))
INVALID_LINK = OpenApiResponse(ErrorSerializer, description=gettext_lazy(
    "The link is not valid: a guessed, mangled or unknown token. Names nothing."))
NOT_OPEN = OpenApiResponse(SurveyStateSerializer, description=gettext_lazy("The survey has not opened yet."))
CLOSED = OpenApiResponse(SurveyStateSerializer, description=gettext_lazy("The survey has closed."))
VERIFICATION_PARAMETER = OpenApiParameter(
    links.VERIFICATION_HEADER, str, OpenApiParameter.HEADER, required=False, description=gettext_lazy(
        "For a link the municipality handed out: the value the verify endpoint returned after a right one-time "
        "code. Not needed with the link DigiKomp e-mailed, nor with the person's own API token."))
NOT_THE_PERSON = OpenApiResponse(ErrorSerializer, description=gettext_lazy(
    "The link was handed out by the municipality, so it only answers the questionnaire: prove that you are "
    "the person with your own API token or a one-time code (the code and verify endpoints)."))
NEEDS_NO_CODE = OpenApiResponse(ErrorSerializer, description=gettext_lazy(
    "This link was e-mailed to the person by DigiKomp and needs no code."))
CUSTOM_VALUES = {"scale": ["1", "2", "3", "4", "5"], "yes_no": ["yes", "no"]}


# What every token endpoint documents alike, because TokenEndpoint does it alike: the token in the path, the
# language read in dispatch(), no login. The endpoints' own @extend_schema add to this (drf-spectacular builds
# a subclass's schema on its base class's).
@extend_schema(tags=["survey"], parameters=[TOKEN_PARAMETER, LANG_PARAMETER], auth=[])
class TokenEndpoint(APIView):
    """Resolve the token of a personal link to its invitation; nothing else identifies the caller, except on
    the endpoints that take a login (PersonLogin) as the proof, for an exported link, that it is the person."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    # What the view reads of the invitation, fetched in the same query.
    related: tuple[str, ...] = ("campaign",)

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang")
        if language not in CONTENT_LANGUAGES:
            return super().dispatch(request, *args, **kwargs)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # The token is a password: never cached, never sent on as a Referer, never indexed.
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def invitation(self, token: str) -> Invitation:
        """The invitation of the token (404 otherwise); `self.link` is what the caller may do through it."""
        found = links.resolve(token, self.related)  # a forged token stops before any query
        if found is None:
            raise NotFound(_("This link is not valid. Check that the whole link was copied."))
        invitation, answer_only = found
        self.link: LinkAccess = links.api_access(self.request, invitation, answer_only)
        return invitation

    def not_the_person(self, token: str) -> Response:
        """403 for what an exported link alone may not do, with where a code is asked for."""
        return Response({"detail": _("This link was handed out by the municipality, so it only answers the "
                                     "questionnaire. Prove that you are the person: log in with your own API "
                                     "token, or ask for a one-time code by e-mail."),
                         "code": reverse("api:survey_code", kwargs={"token": token}, request=self.request)},
                        status=status.HTTP_403_FORBIDDEN)

    def sharing_refused(self) -> Response:
        return Response({"errors": {"share_with_manager": _(
            "Only the person may share their result. Through a link the municipality handed out, send the "
            "verification a one-time code gives, or share later with the consent endpoint.")}},
            status=status.HTTP_403_FORBIDDEN)

    def shares(self, body) -> bool:
        return isinstance(body, dict) and body.get("share_with_manager") is True

    def result_url(self, token: str) -> str:
        return reverse("api:survey_result", kwargs={"token": token}, request=self.request)

    def already_submitted(self, token: str, **details) -> Response:
        """409 for a second draft or submission: the answers are in, and here is where their result is."""
        return Response({"detail": _("Your answers have already been submitted."), **details,
                         "result": self.result_url(token)}, status=status.HTTP_409_CONFLICT)

    def body(self):
        try:
            return self.request.data
        except ParseError:
            raise SurveyError({"body": _("The body must be a JSON object.")}) from None


# The saved answers, the result and the consent: a token login is optional, and counts only as the person's
# proof for an exported link (links.api_access). It costs one query when sent, none otherwise; no session, so no
# CSRF.
PERSON_LOGIN = {"auth": [{"tokenAuth": []}, {}]}


class PersonLogin:
    authentication_classes = (TokenAuthentication,)


def _unavailable(invitation: Invitation) -> Response | None:
    """410 for a closed survey, 403 for one not open yet (with the service's own message); None when open."""
    try:
        check_open(invitation)
    except SurveyError as error:
        campaign = invitation.campaign
        body = {"detail": error.errors["campaign"][0], "opens_at": campaign.opens_at, "closes_at": campaign.closes_at}
        return Response(body, status=status.HTTP_410_GONE if campaign.is_closed() else status.HTTP_403_FORBIDDEN)
    return None


def _questionnaire(invitation: Invitation) -> dict:
    """The questionnaire the person answers, as built for the pages (questionnaire_for); never the right
    answers of the knowledge checks."""
    campaign = invitation.campaign
    questionnaire = questionnaire_for(invitation)
    competences = []
    for step in questionnaire.steps:
        if step.kind != "area":
            continue
        for section in step.sections:
            for question in section.questions:
                competences.append({
                    "identifier": question.key, "code": question.code, "title": question.legend,
                    "description": question.hint, "area": step.title, "section": section.heading or step.title,
                    "levels": [{"value": int(option.value), "name": option.label, "descriptor": option.text}
                               for option in question.options if option.value != DONT_KNOW],
                })
    knowledge = [{"id": item.pk, "competence": str(item.competence_identifier), "level": item.level,
                  "question": item.question, "options": item.options} for item in knowledge_items(invitation)]
    custom = [{"id": q.pk, "kind": q.kind, "text": q.text, "values": CUSTOM_VALUES.get(q.kind)}
              for q in campaign.custom_questions.all()]
    return {
        "campaign": {"name": campaign.name, "municipality": campaign.municipality.name,
                     "opens_at": campaign.opens_at, "closes_at": campaign.closes_at, "last_day": campaign.last_day},
        "scale": [{"value": level.value, "name": level.name} for level in campaign.framework_version.levels.all()],
        "competences": competences, "knowledge": knowledge, "custom_questions": custom,
    }


@extend_schema(
    tags=["survey"], summary=gettext_lazy("The questionnaire of a personal link"),
    description=gettext_lazy(
        "The competences of the person's profile with the descriptor of every level, the knowledge checks "
        "(without their answers), the campaign's own questions, the answers saved so far and the status. No "
        "login: the token is the key. Through a link the municipality handed out (`answer_only`), the saved "
        "answers come only with a proof that the caller is the person; without one, `draft` is empty and a "
        "save replaces what was saved."),
    parameters=[VERIFICATION_PARAMETER], **PERSON_LOGIN,
    responses={200: QuestionnaireSerializer, 403: NOT_OPEN, 404: INVALID_LINK, 410: CLOSED},
)
class Survey(PersonLogin, TokenEndpoint):
    related = ("campaign__municipality", "campaign__framework_version")

    def get(self, request, token: str):
        invitation = self.invitation(token)
        submitted = SurveyResponse.objects.unscoped(RESPONDENT).filter(invitation=invitation).exists()
        if (unavailable := _unavailable(invitation)) is not None:
            if submitted:  # the result stays the person's to read after the survey closes
                unavailable.data["result"] = self.result_url(token)
            return unavailable
        draft = Draft.objects.unscoped(RESPONDENT).filter(invitation=invitation).first()
        state = "submitted" if submitted else "in_progress" if draft else "not_started"
        readable = draft.data if draft is not None and self.link.can_read_draft(draft) else {}
        return Response({"status": state, **_questionnaire(invitation), "draft": readable,
                         "answer_only": self.link.answer_only,
                         "result": self.result_url(token) if submitted else None})


@extend_schema(
    tags=["survey"], summary=gettext_lazy("Save the answers so far"),
    description=gettext_lazy(
        "Replaces the saved draft, so the person can resume later. Every answer given is checked as on submit, "
        "but unanswered competences are allowed."),
    request=AnswersSerializer, parameters=[VERIFICATION_PARAMETER],
    responses={200: DraftSavedSerializer, 400: FIELD_ERRORS, 403: NOT_OPEN, 404: INVALID_LINK,
               409: OpenApiResponse(SurveyStateSerializer, description=gettext_lazy("Already submitted.")),
               410: CLOSED},
)
class SurveyDraft(TokenEndpoint):
    def put(self, request, token: str):
        invitation = self.invitation(token)
        if (unavailable := _unavailable(invitation)) is not None:
            return unavailable
        if SurveyResponse.objects.unscoped(RESPONDENT).filter(invitation=invitation).exists():
            return self.already_submitted(token)
        try:
            body = self.body()
            if self.shares(body) and not self.link.can_change_consent:
                return self.sharing_refused()
            draft = draft_save(invitation=invitation, body=body)
        except SurveyError as error:
            return refused(error)
        return Response({"draft": draft.data, "saved_at": draft.updated_at})


@extend_schema(
    tags=["survey"], summary=gettext_lazy("Submit the answers"),
    description=gettext_lazy(
        "Stores the answers exactly once, with every competence answered (null for “don't know”). Send an "
        "`Idempotency-Key` header (any unique string up to 100 characters): a retry with the same key answers "
        "200 with the same body and stores nothing again; another submission answers 409. A refused body "
        "stores nothing. Through a link the municipality handed out, `share_with_manager` may be true only "
        "with a proof that the caller is the person (403 otherwise)."),
    parameters=[OpenApiParameter(
        "Idempotency-Key", str, OpenApiParameter.HEADER,
        description=gettext_lazy("A unique key per submission, reused on retries.")), VERIFICATION_PARAMETER],
    request=AnswersSerializer,
    responses={201: SubmittedSerializer, 200: SubmittedSerializer, 400: FIELD_ERRORS, 403: NOT_OPEN,
               404: INVALID_LINK, 409: OpenApiResponse(SurveyStateSerializer, description=gettext_lazy(
                   "Already submitted (with another key, or none).")), 410: CLOSED},
)
class SurveySubmit(TokenEndpoint):
    # Everything response_submit reads, in the one query: the series' panel secret and the unit's path.
    related = ("campaign__series", "unit")

    def post(self, request, token: str):
        invitation = self.invitation(token)
        try:
            body = self.body()
            if self.shares(body) and not self.link.can_change_consent:
                return self.sharing_refused()
            submitted = response_submit(invitation=invitation, body=body,
                                        idempotency_key=request.headers.get("Idempotency-Key"))
        except AlreadySubmitted as already:
            return self.already_submitted(token, submitted_at=already.response.submitted_at)
        except SurveyError as error:
            if "campaign" in error.errors:
                return _unavailable(invitation) or refused(error)
            return refused(error)
        return Response({"status": "submitted", "submitted_at": submitted.response.submitted_at,
                         "result": self.result_url(token)},
                        status=status.HTTP_201_CREATED if submitted.created else status.HTTP_200_OK)


@extend_schema(
    tags=["survey"], summary=gettext_lazy("The personal result"),
    description=gettext_lazy(
        "After submission: per competence the chosen level against the required level, the gaps (the most "
        "important first), the strengths, the next step for each gap and the knowledge checks. For the person "
        "alone: through the link DigiKomp e-mailed, or through a link the municipality handed out with the "
        "person's own API token or a verification from a one-time code."),
    parameters=[VERIFICATION_PARAMETER], **PERSON_LOGIN,
    responses={200: PersonalResultSerializer, 403: NOT_THE_PERSON,
               404: OpenApiResponse(ErrorSerializer, description=gettext_lazy(
                   "The link is not valid, or nothing has been submitted yet."))},
)
class SurveyResult(PersonLogin, TokenEndpoint):
    def get(self, request, token: str):
        invitation = self.invitation(token)
        response = (SurveyResponse.objects.unscoped(RESPONDENT).select_related("invitation", "campaign__municipality",
                                                          "campaign__framework_version")
                    .filter(invitation=invitation).first())
        if response is None:
            raise NotFound(_("There is no result yet: the answers have not been submitted."))
        if not self.link.can_read_result:
            return self.not_the_person(token)
        return Response(personal_result(response).as_dict())


@extend_schema(
    tags=["survey"], summary=gettext_lazy("Share the personal result with the manager, or stop sharing"),
    description=gettext_lazy(
        "After submission: whether the manager of the person's unit (and the managers above) may see the "
        "personal result. Only the person decides: through the link DigiKomp e-mailed, or through a link the "
        "municipality handed out with the person's own API token or a verification from a one-time code. "
        "Every change is recorded in the audit log with how the person proved it was them."),
    request=ConsentSerializer, parameters=[VERIFICATION_PARAMETER], **PERSON_LOGIN,
    responses={200: ConsentSerializer, 400: FIELD_ERRORS, 403: NOT_THE_PERSON,
               404: OpenApiResponse(ErrorSerializer, description=gettext_lazy(
                   "The link is not valid, or nothing has been submitted yet."))},
)
class SurveyConsent(PersonLogin, TokenEndpoint):
    related = ("campaign__municipality",)

    def put(self, request, token: str):
        invitation = self.invitation(token)
        response = SurveyResponse.objects.unscoped(RESPONDENT).select_related("campaign__municipality").filter(
            invitation=invitation).first()
        if response is None:
            raise NotFound(_("There is no result yet: the answers have not been submitted."))
        if not self.link.can_change_consent:
            return self.not_the_person(token)
        try:
            body = ConsentSerializer(data=self.body())
        except SurveyError as error:
            return refused(error)
        if not body.is_valid():
            return refused(flat_errors(body.errors))
        user = request.user if self.link.proof == links.LOGIN else None
        response_consent_set(response=response, share=body.validated_data["share_with_manager"],
                             proof=self.link.proof, actor=user)
        return Response({"share_with_manager": response.share_with_manager})


@extend_schema(
    tags=["survey"], summary=gettext_lazy("Send a one-time code to the person"),
    description=gettext_lazy(
        "For a link the municipality handed out: e-mails a one-time code to the address the person had when "
        "invited (nobody else gets it). The code works for 15 minutes, once, with 5 tries; a new code voids "
        "the earlier one; at most 5 codes an hour. Check it with the verify endpoint."),
    request=None,
    responses={202: CodeSentSerializer, 400: FIELD_ERRORS, 404: INVALID_LINK, 409: NEEDS_NO_CODE,
               429: OpenApiResponse(FieldErrorsSerializer, description=gettext_lazy(
                   "Too many codes were asked for in the last hour."))},
)
class SurveyCode(TokenEndpoint):
    related = ("campaign__municipality",)

    def post(self, request, token: str):
        invitation = self.invitation(token)
        if not self.link.answer_only:
            return needs_no_code()
        try:
            code_request(invitation=invitation)
        except TooManyCodes as error:
            return Response({"errors": error.first_by_field()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        except SurveyError as error:
            return refused(error)
        return Response({"detail": _("A code is on its way to the person's e-mail address."),
                         "expires_in": int(CODE_LIFETIME.total_seconds()),
                         "verify": reverse("api:survey_verify", kwargs={"token": token}, request=request)},
                        status=status.HTTP_202_ACCEPTED)


@extend_schema(
    tags=["survey"], summary=gettext_lazy("Check a one-time code"),
    description=gettext_lazy(
        "A right code gives a verification value, valid for 30 minutes: send it in the "
        "`X-Survey-Verification` header to read the saved answers and the result, and to change the consent, "
        "through this link. A wrong code uses up one of the code's tries."),
    request=CodeCheckSerializer,
    responses={200: VerificationSerializer, 400: FIELD_ERRORS, 404: INVALID_LINK, 409: NEEDS_NO_CODE},
)
class SurveyVerify(TokenEndpoint):
    def post(self, request, token: str):
        invitation = self.invitation(token)
        if not self.link.answer_only:
            return needs_no_code()
        try:
            body = CodeCheckSerializer(data=self.body())
        except SurveyError as error:
            return refused(error)
        if not body.is_valid():
            return refused(flat_errors(body.errors))
        try:
            code_check(invitation=invitation, code=body.validated_data["code"])
        except SurveyError as error:
            return refused(error)
        value, expires_at = links.verification_for(invitation)
        return Response({"verification": value, "expires_at": expires_at, "header": links.VERIFICATION_HEADER})


def needs_no_code() -> Response:
    return Response({"detail": _("This link was e-mailed to the person by DigiKomp and needs no code.")},
                    status=status.HTTP_409_CONFLICT)

