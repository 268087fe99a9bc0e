"""Serializers of the survey API: campaigns as a municipality runs them, the anonymous heatmap, and the
respondent's questionnaire, draft, submission and personal result.

Campaigns are read and written through these serializers. The heatmap, the questionnaire and the personal
result are built as plain data by their own modules (insights.heatmap, assessments.results) and are only
described here, for the schema: the numbers of a heatmap come from build_heatmap and nowhere else.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from digikomp.api.serializers import FieldErrorsSerializer, IdField  # noqa: F401 (FieldErrors: re-exported)
from digikomp.api.serializers_norm import LocalizedTextSerializer
from digikomp.assessments.campaigns.selectors import status_of
from digikomp.assessments.models import MAX_CUSTOM_QUESTIONS, Campaign, CustomQuestion
from digikomp.insights.selectors import campaign_totals
from digikomp.profiles.jobcodes import profiles_available
from digikomp.tenancy.selectors import visible_units

# --- Campaigns ----------------------------------------------------------------------------------------------


class CustomQuestionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(CustomQuestion.Kind.choices, help_text=_("text, scale (1–5) or yes_no."))
    text_da = serializers.CharField(max_length=500, help_text=_("The question in Danish."))
    text_en = serializers.CharField(max_length=500, required=False, allow_blank=True, default="",
                                    help_text=_("The question in English; may be left out."))


class CampaignCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, help_text=_("The campaign's name, e.g. Kortlægning 2026."))
    series = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="",
        help_text=_("The series the campaign is a wave of; a new name starts a series. Defaults to the name."),
    )
    opens_at = serializers.DateTimeField(help_text=_("When the personal links start to work."))
    closes_at = serializers.DateTimeField(help_text=_(
        "The moment answering stops (exclusive), after opens_at. To close at the end of a day, as the campaign "
        "page does, send the next midnight in Danish time: a campaign whose last day is 18 December 2026 has "
        "closes_at 2026-12-19T00:00:00+01:00 and last_day 2026-12-18."))
    units = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list,
        help_text=_("External ids of the units whose people (and everyone below them) are asked; leave out "
                    "for the whole municipality."),
    )
    profiles = serializers.ListField(
        child=IdField(), required=False, default=list,
        help_text=_("Ids of the profiles whose people are asked; leave out for every profile."),
    )
    anonymity_k = serializers.IntegerField(
        required=False, allow_null=True, default=None, max_value=1000,
        help_text=_("Smallest group any result may show; at least 3. Leave out for the municipality's "
                    "default."),
    )
    knowledge_checks = serializers.BooleanField(required=False, default=False,
                                                help_text=_("Add multiple-choice knowledge checks."))
    reminder_days = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=366), required=False, default=list,
        help_text=_("Days after opening on which a reminder goes to those who have not answered."),
    )
    custom_questions = CustomQuestionInputSerializer(
        many=True, required=False, default=list, max_length=MAX_CUSTOM_QUESTIONS,
        help_text=_("Up to 8 optional questions of the municipality's own."),
    )

    # Units and profiles arrive as the keys a client knows and leave as primary keys, checked against the
    # requester's municipality (context["access"]) so another municipality's unit or profile is refused.

    def validate_units(self, external_ids: list[str]) -> list[int]:
        found = dict(visible_units(self.context["access"]).filter(external_id__in=external_ids)
                     .values_list("external_id", "pk"))
        unknown = [external_id for external_id in external_ids if external_id not in found]
        if unknown:
            raise serializers.ValidationError(
                _("No unit with the external id %(ids)s.") % {"ids": ", ".join(unknown)})
        return [found[external_id] for external_id in external_ids]

    def validate_profiles(self, ids: list[int]) -> list[int]:
        available = set(profiles_available(self.context["access"].municipality).filter(pk__in=ids)
                        .values_list("pk", flat=True))
        unknown = [str(pk) for pk in ids if pk not in available]
        if unknown:
            raise serializers.ValidationError(
                _("No profile with the id %(ids)s is available to the municipality.") % {"ids": ", ".join(unknown)})
        return ids


class CampaignUpdateSerializer(CampaignCreateSerializer):
    """PATCH: the fields to change, each as in creating (sent partially, so what is left out stays)."""


class ReminderQueuedSerializer(serializers.Serializer):
    queued = serializers.BooleanField(help_text=_(
        "True: a reminder is queued to everyone invited who has not answered (who, and how many, is never "
        "said)."))


class CustomQuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustomQuestion
        fields = ["id", "position", "kind", "text_da", "text_en"]
        read_only_fields = fields


class CampaignCountsSerializer(serializers.Serializer):
    invited = serializers.IntegerField(help_text=_("People invited."))
    responded = serializers.IntegerField(
        allow_null=True, help_text=_(
            "People who have answered. While the campaign is open: rounded down to a multiple of the anonymity "
            "threshold k, so it moves only after k more answers. Once closed: the released count, which leaves "
            "out groups below k that nothing could be pooled with. Null while fewer than k have answered."),
    )


class CampaignSerializer(serializers.ModelSerializer):
    series = serializers.CharField(source="series.name", read_only=True)
    status = serializers.SerializerMethodField(help_text=_("upcoming, open or closed."))
    framework = serializers.CharField(source="framework_version.framework.slug", read_only=True)
    framework_version = serializers.CharField(source="framework_version.version", read_only=True)
    release = serializers.CharField(source="release.version", read_only=True,
                                    help_text=_("The norm release the profiles are read in."))
    units = serializers.SlugRelatedField(source="audience_units", slug_field="external_id", many=True,
                                         read_only=True, help_text=_("External ids of the audience's units."))
    profiles = serializers.PrimaryKeyRelatedField(source="audience_profiles", many=True, read_only=True,
                                                  help_text=_("Ids of the audience's profiles."))
    custom_questions = CustomQuestionSerializer(many=True, read_only=True)
    counts = serializers.SerializerMethodField()
    closes_at = serializers.DateTimeField(read_only=True, help_text=_(
        "The moment answering stops (exclusive). A campaign set to close on a day closes at the end of it: "
        "closes_at is the next midnight in Danish time, and last_day is the day chosen."))
    last_day = serializers.DateField(read_only=True, help_text=_(
        "The last day people can answer, in Danish time: the day to show as the campaign's closing date."))

    class Meta:
        model = Campaign
        fields = ["id", "name", "series", "wave", "status", "opens_at", "closes_at", "last_day", "anonymity_k",
                  "knowledge_checks", "reminder_days", "framework", "framework_version", "release", "units",
                  "profiles", "custom_questions", "counts"]
        read_only_fields = fields

    def get_status(self, campaign: Campaign) -> str:
        return status_of(campaign).code

    @extend_schema_field(CampaignCountsSerializer)
    def get_counts(self, campaign: Campaign) -> dict:
        totals = campaign_totals(campaign=campaign)
        return {"invited": totals.invited, "responded": totals.responded}


class InvitationStatusSerializer(serializers.Serializer):
    person = serializers.CharField(help_text=_("The person's external id."))
    emailed_at = serializers.DateTimeField(allow_null=True, help_text=_(
        "When DigiKomp e-mailed the person their link; null while not, or without an e-mail address."))
    links_exported_at = serializers.DateTimeField(allow_null=True, help_text=_(
        "When the municipality first exported an answer-only link for the person, if it did."))


class InvitationsSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text=_("Invitations created by this request."))
    invitations = InvitationStatusSerializer(many=True, help_text=_(
        "Every invitation of the campaign, without links and without whether the person has answered."))


class LinksExportSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(["without_email", "all"], help_text=_(
        "without_email: only people without an e-mail address (DigiKomp cannot reach them); all: everyone "
        "invited."))


class ExportedLinkSerializer(serializers.Serializer):
    person = serializers.CharField(help_text=_("The person's external id."))
    name = serializers.CharField()
    unit = serializers.CharField(help_text=_("The name of the person's unit when invited."))
    email = serializers.CharField(help_text=_("The person's e-mail address; empty when there is none."))
    link = serializers.URLField(help_text=_("The answer-only link to the questionnaire."))
    token = serializers.CharField(help_text=_("The token of the link, for the /api/v1/survey/{token} "
                                              "endpoints."))
    exported_at = serializers.DateTimeField(help_text=_("When this person's link was first exported."))


class LinksExportedSerializer(serializers.Serializer):
    scope = serializers.CharField()
    new = serializers.IntegerField(help_text=_("Links exported for the first time by this request."))
    links = ExportedLinkSerializer(many=True)


# --- Heatmap ------------------------------------------------------------------------------------------------


class HeatmapFilter(serializers.Serializer):
    unit = serializers.CharField(required=False, max_length=100, help_text=_(
        "External id of the unit whose row and children's rows to show. May be left out when you see from "
        "exactly one top unit."))
    profile = IdField(required=False, help_text=_("Only the people invited with this profile."))
    wave = IdField(required=False, help_text=_("Another wave of the campaign's series, by its number."))


class HeatmapCellSerializer(serializers.Serializer):
    n = serializers.IntegerField(required=False, help_text=_("Respondents with a level (not “don't know”)."))
    mean = serializers.FloatField(required=False, allow_null=True, help_text=_("Mean level."))
    share_meeting = serializers.FloatField(required=False, allow_null=True,
                                           help_text=_("Share at or above the required level, 0 to 1."))
    mean_bound = serializers.ChoiceField(
        choices=["at_most", "at_least"], required=False, allow_null=True, help_text=_(
            "Null when `mean` is exact. In a group of fewer than 2k respondents whose levels are (almost) all "
            "the lowest or the highest, `mean` is a bound: the mean is at most (or at least) this value."))
    share_meeting_bound = serializers.ChoiceField(
        choices=["at_most", "at_least"], required=False, allow_null=True, help_text=_(
            "Null when `share_meeting` is exact. In a group of fewer than 2k respondents where at most one or "
            "all but at most one meet the requirement, `share_meeting` is a bound (at most 1/n, at least "
            "(n-1)/n), so that nobody's status follows from the figure."))
    suppressed = serializers.BooleanField(required=False, help_text=_(
        "Present and true when the cell is hidden: nobody answered in a group of at least k here, or the "
        "campaign is still open. Such a cell carries no numbers."))


class HeatmapCompetenceSerializer(serializers.Serializer):
    identifier = serializers.UUIDField()
    code = serializers.CharField()
    title = LocalizedTextSerializer()


class HeatmapRowSerializer(serializers.Serializer):
    unit = serializers.CharField(help_text=_("The unit's external id."))
    name = serializers.CharField()
    cells = serializers.DictField(child=HeatmapCellSerializer(),
                                  help_text=_("One cell per competence, keyed by its identifier."))


class HeatmapCampaignSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    wave = serializers.IntegerField()


class HeatmapSerializer(serializers.Serializer):
    unit = serializers.CharField(help_text=_("External id of the unit shown (the first row)."))
    campaign = HeatmapCampaignSerializer(help_text=_("The wave shown."))
    profile = serializers.IntegerField(allow_null=True)
    k = serializers.IntegerField(help_text=_(
        "The anonymity threshold in force: the largest of the national floor, the municipality's and the "
        "campaign's."))
    released = serializers.BooleanField(help_text=_(
        "False while the campaign is open: its figures are released when it closes, and until then every "
        "cell is suppressed."))
    closes_at = serializers.DateTimeField(help_text=_("When the campaign closes and its figures are released."))
    competences = HeatmapCompetenceSerializer(many=True, help_text=_("The columns, in framework order."))
    rows = HeatmapRowSerializer(many=True, help_text=_("The unit itself, then its children."))


# --- The respondent's side ----------------------------------------------------------------------------------


class AnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.IntegerField(allow_null=True), required=False,
        help_text=_("Competence identifier to the chosen level, or null for “don't know”. A submission "
                    "answers every competence of the questionnaire."),
    )
    knowledge = serializers.DictField(
        child=serializers.IntegerField(allow_null=True), required=False,
        help_text=_("Knowledge item id to the chosen option (from 0), or null for “don't know”."),
    )
    custom = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False,
        help_text=_("Custom question id to the answer: free text, 1–5, or yes/no."),
    )
    share_with_manager = serializers.BooleanField(
        required=False, help_text=_("Share the personal result with the manager (default false)."))


class SurveyCampaignSerializer(serializers.Serializer):
    name = serializers.CharField()
    municipality = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField(help_text=_("The moment answering stops (exclusive)."))
    last_day = serializers.DateField(help_text=_(
        "The last day the person can answer, in Danish time: the date to show as when the survey closes."))


class SurveyLevelSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    name = serializers.CharField()
    descriptor = serializers.CharField(help_text=_("What a person at this level can do."))


class SurveyCompetenceSerializer(serializers.Serializer):
    identifier = serializers.UUIDField(help_text=_("The key of the answer in `answers`."))
    code = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    area = serializers.CharField(help_text=_("The top area the competence belongs to."))
    section = serializers.CharField(help_text=_("The sub-area, when there is one; else the area."))
    levels = SurveyLevelSerializer(many=True, help_text=_("The choices, lowest level first."))


class SurveyKnowledgeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The key of the answer in `knowledge`."))
    competence = serializers.UUIDField()
    level = serializers.IntegerField(help_text=_("The level the item is written for."))
    question = serializers.CharField()
    options = serializers.ListField(child=serializers.CharField(),
                                    help_text=_("The choices; answer with the position, from 0."))


class SurveyCustomQuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The key of the answer in `custom`."))
    kind = serializers.CharField()
    text = serializers.CharField()
    values = serializers.ListField(child=serializers.CharField(), allow_null=True,
                                   help_text=_("The allowed answers; null for free text."))


class SurveyScaleSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    name = serializers.CharField()


class QuestionnaireSerializer(serializers.Serializer):
    status = serializers.ChoiceField(["not_started", "in_progress", "submitted"])
    campaign = SurveyCampaignSerializer()
    scale = SurveyScaleSerializer(many=True)
    competences = SurveyCompetenceSerializer(many=True)
    knowledge = SurveyKnowledgeSerializer(many=True)
    custom_questions = SurveyCustomQuestionSerializer(many=True)
    draft = AnswersSerializer(help_text=_(
        "The answers saved so far; empty when nothing is saved, or when they may not be read through this link "
        "(answer_only without a proof)."))
    answer_only = serializers.BooleanField(help_text=_(
        "True for a link the municipality handed out: it answers the questionnaire, but the saved answers, the "
        "result and the consent need a proof that the caller is the person."))
    result = serializers.URLField(allow_null=True, help_text=_("The personal result, once submitted."))


class DraftSavedSerializer(serializers.Serializer):
    draft = AnswersSerializer()
    saved_at = serializers.DateTimeField()


class SubmittedSerializer(serializers.Serializer):
    status = serializers.CharField(help_text=_("Always “submitted”."))
    submitted_at = serializers.DateTimeField()
    result = serializers.URLField(help_text=_("The personal result."))


class SurveyStateSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Why the questionnaire cannot be answered now."))
    opens_at = serializers.DateTimeField(required=False)
    closes_at = serializers.DateTimeField(required=False)
    submitted_at = serializers.DateTimeField(required=False)
    result = serializers.URLField(required=False)


class ResultCompetenceSerializer(serializers.Serializer):
    identifier = serializers.UUIDField()
    code = serializers.CharField()
    title = serializers.CharField()
    area = serializers.CharField()
    level = serializers.IntegerField(allow_null=True, help_text=_("The chosen level; null for “don't know”."))
    level_name = serializers.CharField()
    required = serializers.IntegerField(help_text=_("The level the profile required."))
    required_name = serializers.CharField()
    importance = serializers.CharField()
    importance_label = serializers.CharField()
    status = serializers.ChoiceField(["met", "gap", "unknown"])
    gap = serializers.IntegerField(help_text=_("Levels below the requirement."))
    next_level = serializers.IntegerField(allow_null=True)
    next_level_name = serializers.CharField()
    next_step = serializers.CharField(help_text=_("The descriptor of the next level: what to work on."))


class ResultKnowledgeSerializer(serializers.Serializer):
    identifier = serializers.UUIDField()
    code = serializers.CharField()
    title = serializers.CharField()
    level = serializers.IntegerField(allow_null=True)
    level_name = serializers.CharField()
    item_level = serializers.IntegerField()
    item_level_name = serializers.CharField()
    question = serializers.CharField()
    outcome = serializers.ChoiceField(["right", "wrong", "dont_know"])
    outcome_label = serializers.CharField()
    agrees = serializers.BooleanField(allow_null=True)
    agreement_label = serializers.CharField()


class PersonalResultSerializer(serializers.Serializer):
    campaign = serializers.CharField()
    municipality = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    shared_with_manager = serializers.BooleanField()
    levels = SurveyScaleSerializer(many=True)
    competences = ResultCompetenceSerializer(many=True)
    gaps = serializers.ListField(child=serializers.UUIDField(), help_text=_(
        "Identifiers of the competences below the requirement or unknown, the most important first."))
    strengths = serializers.ListField(child=serializers.UUIDField(),
                                      help_text=_("Identifiers of the competences that meet the requirement."))
    knowledge = ResultKnowledgeSerializer(many=True)


class ConsentSerializer(serializers.Serializer):
    share_with_manager = serializers.BooleanField(help_text=_(
        "True: the manager of the person's unit (and the managers above) may see the personal result."))


class CodeSentSerializer(serializers.Serializer):
    detail = serializers.CharField()
    expires_in = serializers.IntegerField(help_text=_("Seconds the code works."))
    verify = serializers.URLField(help_text=_("Where to check the code."))


class CodeCheckSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20, help_text=_("The 6 digits from the e-mail."))


class VerificationSerializer(serializers.Serializer):
    verification = serializers.CharField(help_text=_("Send it in the header named by `header`."))
    expires_at = serializers.DateTimeField()
    header = serializers.CharField(help_text=_("Always “X-Survey-Verification”."))
