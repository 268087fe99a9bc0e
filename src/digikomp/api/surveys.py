"""Endpoints of a municipality's surveys: its campaigns (create, list, read, invite, and export answer-only links
to hand out) and the anonymous heatmap. The respondent's side, reached by the token, is in respondent.py.
The links DigiKomp e-mails are never returned by any endpoint (see assessments/links.py).

Campaign endpoints need "campaigns.manage" (municipal admins and HR) in the municipality of the URL; the
heatmap needs "insights.view", so managers read it too, for the units they lead. Everything else is a 404.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import ListCreateAPIView, RetrieveAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from digikomp.api.errors import flat_errors, refused
from digikomp.api.permissions import MunicipalEndpoint
from digikomp.api.serializers import ErrorSerializer
from digikomp.api.serializers_surveys import (
    CampaignCreateSerializer,
    CampaignSerializer,
    CampaignUpdateSerializer,
    FieldErrorsSerializer,
    HeatmapFilter,
    HeatmapSerializer,
    InvitationsSerializer,
    LinksExportedSerializer,
    LinksExportSerializer,
    ReminderQueuedSerializer,
)
from digikomp.api.views import CODE_PARAMETER, NOT_AUTHENTICATED, Pagination
from digikomp.assessments import lifecycle
from digikomp.assessments.campaigns import selectors as campaigns
from digikomp.assessments.links import exported_link, exported_token, links_export
from digikomp.assessments.models import Campaign
from digikomp.assessments.services import (
    CampaignSpec,
    SurveyError,
    campaign_create,
    invitations_create,
)
from digikomp.insights import scope as scopes
from digikomp.insights.heatmap import build_heatmap
from digikomp.lib.i18n import to_dict

PK_PARAMETER = OpenApiParameter("id", int, OpenApiParameter.PATH, description=gettext_lazy("The campaign's id."))
NOT_VISIBLE = OpenApiResponse(ErrorSerializer, description=gettext_lazy(
    "Not found: the municipality or campaign does not exist, is not yours, or your role does not let you "
    "run campaigns. The cases are deliberately indistinguishable."))
FIELD_ERRORS = OpenApiResponse(FieldErrorsSerializer, description=gettext_lazy(
    "Refused; nothing is stored. One message per offending field."))


# --- Campaigns ----------------------------------------------------------------------------------------------


def _campaign_response(campaign: Campaign, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(CampaignSerializer(campaign).data, status=status_code)


@extend_schema_view(
    get=extend_schema(
        tags=["campaigns"], summary=gettext_lazy("List a municipality's campaigns"),
        description=gettext_lazy("Every mapping campaign of the municipality, newest first, with the number "
                                 "invited and the number who have answered (never who)."),
        parameters=[CODE_PARAMETER],
        responses={200: CampaignSerializer(many=True), 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
    ),
    post=extend_schema(
        tags=["campaigns"], summary=gettext_lazy("Create a campaign"),
        description=gettext_lazy(
            "A new wave in a series (a new series when the name is new), over the municipality's current norm "
            "release. The audience is the people of the given units and below whose job code maps to one of "
            "the given profiles. Invite them with the invitations endpoint."),
        parameters=[CODE_PARAMETER], request=CampaignCreateSerializer,
        responses={201: CampaignSerializer, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
    ),
)
class CampaignList(MunicipalEndpoint, ListCreateAPIView):
    required_permission = "campaigns.manage"
    serializer_class = CampaignSerializer
    pagination_class = Pagination

    def get_queryset(self):
        if self.is_schema_generation:
            return Campaign.objects.none()
        return (campaigns.campaigns_for(self.request.access)
                .select_related("framework_version__framework", "release")
                .prefetch_related("audience_units", "audience_profiles", "custom_questions")
                .order_by("-opens_at", "-id"))

    def create(self, request, *args, **kwargs):
        municipality = self.municipality
        body = CampaignCreateSerializer(data=request.data, context={"access": request.access})
        if not body.is_valid():
            return refused(flat_errors(body.errors))
        data = body.validated_data
        spec = CampaignSpec(
            name=data["name"], series=data["series"], opens_at=data["opens_at"], closes_at=data["closes_at"],
            unit_ids=data["units"], profile_ids=data["profiles"], anonymity_k=data["anonymity_k"],
            knowledge_checks=data["knowledge_checks"], reminder_days=data["reminder_days"],
            custom_questions=[dict(question) for question in data["custom_questions"]],
        )
        try:
            campaign = campaign_create(municipality=municipality, spec=spec, actor=request.user)
        except SurveyError as error:
            return refused(error)
        response = _campaign_response(campaigns.get_campaign(request.access, campaign.pk), status.HTTP_201_CREATED)
        response["Location"] = reverse("api:campaign", kwargs={"code": municipality.code, "pk": campaign.pk},
                                       request=request)
        return response


@extend_schema_view(
    get=extend_schema(
        tags=["campaigns"], summary=gettext_lazy("A campaign"),
        description=gettext_lazy("The campaign's settings with the number invited and the number who have "
                                 "answered (null while it would reveal a group below the anonymity threshold)."),
        parameters=[CODE_PARAMETER, PK_PARAMETER],
        responses={200: CampaignSerializer, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
    ),
    patch=extend_schema(
        tags=["campaigns"], summary=gettext_lazy("Change or extend a campaign"),
        description=gettext_lazy(
            "Send only the fields to change. While nobody has answered, everything may change; changing the "
            "units or profiles withdraws the invitations of people no longer in the audience. Once somebody has "
            "answered, only name, closes_at (to extend or shorten, never into the past) and reminder_days may "
            "change while the campaign is open, and only name once it has closed: a closed campaign with "
            "answers is never reopened, because late answers could be compared with its released figures. "
            "Every other change is refused with a 400 naming the field."),
        parameters=[CODE_PARAMETER, PK_PARAMETER], request=CampaignUpdateSerializer,
        responses={200: CampaignSerializer, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
    ),
    delete=extend_schema(
        tags=["campaigns"], summary=gettext_lazy("Delete a campaign nobody has answered"),
        description=gettext_lazy(
            "Deletes the campaign and its invitations (their links stop working). Refused with a 400 once "
            "somebody has answered: close it instead."),
        parameters=[CODE_PARAMETER, PK_PARAMETER],
        responses={204: None, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
    ),
)
class CampaignDetail(MunicipalEndpoint, RetrieveAPIView):
    required_permission = "campaigns.manage"
    serializer_class = CampaignSerializer

    def get_object(self) -> Campaign:
        return campaigns.get_campaign(self.request.access, self.kwargs["pk"])

    def patch(self, request, code: str, pk: int):
        campaign = self.get_object()
        body = CampaignUpdateSerializer(data=request.data, partial=True, context={"access": request.access})
        if not body.is_valid():
            return refused(flat_errors(body.errors))
        data = body.validated_data
        spec = lifecycle.spec_of(campaign)
        for field, attribute in (("name", "name"), ("series", "series"), ("opens_at", "opens_at"),
                                 ("closes_at", "closes_at"), ("units", "unit_ids"), ("profiles", "profile_ids"),
                                 ("anonymity_k", "anonymity_k"), ("knowledge_checks", "knowledge_checks"),
                                 ("reminder_days", "reminder_days")):
            if field in data:
                setattr(spec, attribute, data[field])
        if "custom_questions" in data:
            spec.custom_questions = [dict(question) for question in data["custom_questions"]]
        try:
            lifecycle.campaign_update(campaign=campaign, spec=spec, actor=request.user)
        except SurveyError as error:
            return refused(error)
        return _campaign_response(self.get_object())

    def delete(self, request, code: str, pk: int):
        campaign = self.get_object()
        try:
            lifecycle.campaign_delete(campaign=campaign, actor=request.user)
        except SurveyError as error:
            return refused(error)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    tags=["campaigns"], summary=gettext_lazy("Close a campaign now"),
    description=gettext_lazy(
        "Closes an open campaign at once (closes_at becomes now) and releases its figures, once, under the "
        "anonymity threshold. A campaign somebody answered cannot be opened again."),
    parameters=[CODE_PARAMETER, PK_PARAMETER], request=None,
    responses={200: CampaignSerializer, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class CampaignClose(MunicipalEndpoint, APIView):
    required_permission = "campaigns.manage"

    def post(self, request, code: str, pk: int):
        campaign = campaigns.get_campaign(request.access, pk)
        try:
            lifecycle.campaign_close(campaign=campaign, actor=request.user)
        except SurveyError as error:
            return refused(error)
        from digikomp.insights.release import current_release

        current_release(campaigns.get_campaign(request.access, pk))
        return _campaign_response(campaigns.get_campaign(request.access, pk))


@extend_schema(
    tags=["campaigns"], summary=gettext_lazy("Send a reminder now"),
    description=gettext_lazy(
        "Queues a reminder e-mail to everyone invited who has not answered, like the scheduled ones. Neither "
        "this answer nor any other says who they are or how many. Refused (400, field reminder) before the "
        "invitations have gone, outside the campaign's open period, and within 24 hours of the last reminder."),
    parameters=[CODE_PARAMETER, PK_PARAMETER], request=None,
    responses={202: ReminderQueuedSerializer, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class CampaignReminders(MunicipalEndpoint, APIView):
    required_permission = "campaigns.manage"

    def post(self, request, code: str, pk: int):
        campaign = campaigns.get_campaign(request.access, pk)
        try:
            lifecycle.reminder_send_now(campaign=campaign, actor=request.user)
        except SurveyError as error:
            return refused(error)
        return Response({"queued": True}, status=status.HTTP_202_ACCEPTED)


@extend_schema(
    tags=["campaigns"], summary=gettext_lazy("Invite the audience"),
    description=gettext_lazy(
        "Creates an invitation for everyone in the audience who has none yet, then returns every invitation of "
        "the campaign with when it was e-mailed and exported, but no link: DigiKomp's e-mails carry the links, "
        "and nobody else sees them. Never says who has answered (nor when a reminder went, which only those "
        "who have not answered get). Sends no e-mail. To hand out links yourself, export them with the links "
        "endpoint."),
    parameters=[CODE_PARAMETER, PK_PARAMETER], request=None,
    responses={201: InvitationsSerializer, 200: InvitationsSerializer, 400: FIELD_ERRORS,
               401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class CampaignInvitations(MunicipalEndpoint, APIView):
    required_permission = "campaigns.manage"

    def post(self, request, code: str, pk: int):
        campaign = campaigns.get_campaign(request.access, pk)
        try:
            new = invitations_create(campaign=campaign, actor=request.user)
        except SurveyError as error:
            return refused(error)
        invitations = campaign.invitations.select_related("person").order_by("person__external_id", "pk")
        # Nothing per person that follows from answering: reminders go only to those who have not answered, so
        # when someone was reminded would say who has.
        body = {"created": len(new), "invitations": [
            {"person": i.person.external_id, "emailed_at": i.sent_at if i.person.email else None,
             "links_exported_at": i.links_exported_at}
            for i in invitations]}
        return Response(body, status=status.HTTP_201_CREATED if new else status.HTTP_200_OK)


@extend_schema(
    tags=["campaigns"], summary=gettext_lazy("Export answer-only links to hand out yourself"),
    description=gettext_lazy(
        "For people the municipality must reach another way than DigiKomp's e-mail. Each chosen invitation gets "
        "a link of its own, different from the e-mailed link, which keeps working. Whoever holds an exported "
        "link can answer the questionnaire in the person's name and can see whether it has been answered, but "
        "cannot read the person's saved answers or result, nor share the result with the manager: that needs "
        "a proof only the person has (their own login, or a one-time code sent to their own e-mail address). "
        "Exporting again returns the same links. Every export is recorded in the audit log (who, when, how "
        "many) and marks each invitation exported."),
    parameters=[CODE_PARAMETER, PK_PARAMETER], request=LinksExportSerializer,
    responses={200: LinksExportedSerializer, 400: FIELD_ERRORS, 401: NOT_AUTHENTICATED, 404: NOT_VISIBLE},
)
class CampaignLinks(MunicipalEndpoint, APIView):
    required_permission = "campaigns.manage"

    def post(self, request, code: str, pk: int):
        campaign = campaigns.get_campaign(request.access, pk)
        body = LinksExportSerializer(data=request.data)
        if not body.is_valid():
            return refused(flat_errors(body.errors))
        scope = body.validated_data["scope"]
        try:
            invitations, new = links_export(campaign=campaign, scope=scope, actor=request.user)
        except SurveyError as error:
            return refused(error)
        response = Response({"scope": scope, "new": new, "links": [
            {"person": i.person.external_id, "name": i.person.name, "unit": i.unit.name, "email": i.person.email,
             "link": exported_link(i), "token": exported_token(i), "exported_at": i.links_exported_at}
            for i in invitations]})
        response["Cache-Control"] = "no-store"  # links: keep them out of every cache
        return response


@extend_schema(
    tags=["insights"], summary=gettext_lazy("The heatmap of a campaign"),
    description=gettext_lazy(
        "A unit (the first row) and its children x the competences of the campaign's framework. Each cell has "
        "the number of respondents with a level, the mean level and the share meeting the requirement, or "
        "only `\"suppressed\": true` when the anonymity rule hides it. The same numbers as the heatmap page. "
        "Municipal admins and HR see every unit; managers the units they lead and those below."),
    parameters=[CODE_PARAMETER, PK_PARAMETER, HeatmapFilter],
    responses={200: HeatmapSerializer, 400: OpenApiResponse(description=gettext_lazy(
        "A query parameter has an invalid value; the body names the parameter and the reason.")),
        401: NOT_AUTHENTICATED, 404: OpenApiResponse(ErrorSerializer, description=gettext_lazy(
            "Not found: the municipality, campaign or unit does not exist or is outside what you may see."))},
)
class CampaignHeatmap(MunicipalEndpoint, APIView):
    required_permission = "insights.view"

    def get(self, request, code: str, pk: int):
        access = request.access
        filters = HeatmapFilter(data=request.query_params)
        filters.is_valid(raise_exception=True)
        filters = filters.validated_data
        # The one scope resolver of the heatmap's pages (insights/scope.py): a ScopeError answers 400.
        scope = scopes.resolve(access, pk, unit=filters.get("unit"), profile=filters.get("profile"),
                               wave=filters.get("wave"))
        campaign, unit, profile_id = scope.campaign, scope.unit, scope.profile_id
        heatmap = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
        identifiers = [str(c.identifier) for c in heatmap.competences]
        return Response({
            "unit": unit.external_id,
            "campaign": {"id": campaign.pk, "name": campaign.name, "wave": campaign.wave},
            "profile": profile_id, "k": heatmap.k, "released": heatmap.released,
            "closes_at": campaign.closes_at,
            "competences": [{"identifier": identifier, "code": c.code, "title": to_dict(c, "title")}
                            for identifier, c in zip(identifiers, heatmap.competences)],
            "rows": [{"unit": row.external_id, "name": row.name,
                      "cells": {identifier: cell.as_dict() for identifier, cell in zip(identifiers, cells)}}
                     for row, cells in heatmap.table()],
        })
