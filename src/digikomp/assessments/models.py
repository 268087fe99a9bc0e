"""Campaign, Invitation, Draft, Response, Answer and the Tally rows that every dashboard reads.

A Response belongs to exactly one Invitation (a unique constraint, so two concurrent submissions cannot both
store one) and may carry the client's Idempotency-Key (unique too, so a retried request finds the first
result). What the person was asked — the competences and required levels of their effective profile when they
were invited — is recorded on the Invitation, so a later change of the norm does not rewrite a past survey.
"""

from __future__ import annotations

from datetime import time, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digikomp.frameworks.models import FrameworkVersion
from digikomp.lib.anonymity import MINIMUM_K
from digikomp.lib.i18n import localized
from digikomp.profiles.models import NormRelease, Profile
from digikomp.tenancy.guard import TenantManager
from digikomp.tenancy.models import Municipality, OrgUnit, Person

MAX_CUSTOM_QUESTIONS = 8
MAX_LEVELS = 8  # DigComp has the most levels of the frameworks we ship


class CampaignSeries(models.Model):
    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="campaign_series")
    name = models.CharField(_("name"), max_length=200)
    # Secret per series for pseudonymous panel keys: the same person gets the same key in every wave of the
    # series and an unrelated key in any other series.
    panel_secret = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="series_name_unique")]

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="campaigns")
    series = models.ForeignKey(CampaignSeries, on_delete=models.PROTECT, related_name="campaigns")
    wave = models.PositiveSmallIntegerField(_("wave"), default=1)
    name = models.CharField(_("name"), max_length=200)
    release = models.ForeignKey(NormRelease, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("norm release"))
    framework_version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="+",
                                          verbose_name=_("framework version"))
    audience_units = models.ManyToManyField(OrgUnit, blank=True, related_name="+", verbose_name=_("units"))
    audience_profiles = models.ManyToManyField(Profile, blank=True, related_name="+", verbose_name=_("profiles"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    anonymity_k = models.PositiveSmallIntegerField(
        _("anonymity threshold"), validators=[MinValueValidator(MINIMUM_K)],
        help_text=_("Smallest group any result may show. At least 3."),
    )
    knowledge_checks = models.BooleanField(_("knowledge checks"), default=False)
    reminder_days = models.JSONField(_("reminders (days after opening)"), default=list, blank=True)
    # When HR last sent a reminder by hand ("Send a reminder now"), so a second one is refused for a day.
    reminded_by_hand_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "wave"], name="one_campaign_per_wave"),
            models.CheckConstraint(condition=models.Q(anonymity_k__gte=MINIMUM_K), name="campaign_k_at_least_3"),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    @property
    def last_day(self):
        """The last day people can answer, in Danish time: the day HR chose as "closes". A campaign closes at the
        end of that day, so `closes_at` is the next midnight (exclusive); every page, e-mail, PDF and API
        answer shows this day, never the date of `closes_at`."""
        return timezone.localtime(self.closes_at - timedelta(microseconds=1)).date()

    @property
    def closing_time(self):
        """The local time of day the campaign closes, or None when it closes at the end of its last day (the
        usual case). Only a campaign closed early or made through the API with a time of day has one."""
        local = timezone.localtime(self.closes_at)
        return None if local.time() == time.min else local.time()

    @property
    def threshold(self) -> int:
        """The anonymity threshold in force for this campaign (lib/anonymity.threshold_for decides it)."""
        from digikomp.lib.anonymity import threshold_for

        return threshold_for(self)


class CustomQuestion(models.Model):
    objects = TenantManager("campaign__municipality")

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        SCALE = "scale", _("Scale 1–5")
        YES_NO = "yes_no", _("Yes / no")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="custom_questions")
    position = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_CUSTOM_QUESTIONS)])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_da = models.CharField(_("question (Danish)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)

    class Meta:
        ordering = ["campaign", "position"]
        constraints = [models.UniqueConstraint(fields=["campaign", "position"], name="custom_question_position")]

    @property
    def text(self) -> str:
        return localized(self, "text")


class Invitation(models.Model):
    objects = TenantManager("campaign__municipality")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="invitations")
    # The random half of the personal link; the other half is an HMAC of it (see tokens.py). This link goes
    # only to the person: by DigiKomp's own e-mail and on their "my surveys" page. It is never shown to staff.
    public_id = models.CharField(max_length=32, unique=True, editable=False)
    # The random half of the link a municipality exported to hand out itself (links.py): a different link that
    # only answers the questionnaire. Null until exported. Links exported before the two were separated equal
    # public_id (migration 0005), which makes the e-mailed link answer-only too.
    export_public_id = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    links_exported_at = models.DateTimeField(null=True, blank=True)
    # The person's address when invited: one-time codes go here, so a later change of the organisation data
    # cannot send them elsewhere.
    email = models.EmailField(blank=True)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="+")
    # {competence identifier: [required level, importance]} of the effective profile at invitation time.
    requirements = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="one_invitation_per_person")]


class Draft(models.Model):
    """Answers saved as the person goes, so the link resumes where they left off."""

    objects = TenantManager("invitation__campaign__municipality")

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="draft")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    # A random key of the save, kept in the saving browser's session: through an exported link a draft is
    # read back only by the browser that saved it last (or after a proof; see links.py). Every save renews it.
    writer = models.CharField(max_length=64, blank=True)


class VerificationCode(models.Model):
    """A one-time code e-mailed to the person, proving that whoever holds an exported link is the person.

    Only a keyed hash is stored (`digest`, empty until the task worker has made and mailed the code); a code
    lives minutes, is used once, and allows a few tries (verification.py).
    """

    objects = TenantManager("invitation__campaign__municipality")

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)


class Response(models.Model):
    objects = TenantManager("campaign__municipality")

    invitation = models.OneToOneField(Invitation, on_delete=models.PROTECT, related_name="response")
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="responses")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    panel_key = models.CharField(max_length=64, db_index=True)
    share_with_manager = models.BooleanField(_("share my result with my manager"), default=False)
    submitted_at = models.DateTimeField(default=timezone.now)


class Answer(models.Model):
    objects = TenantManager("response__campaign__municipality")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    competence_identifier = models.UUIDField()
    level = models.PositiveSmallIntegerField(null=True, blank=True)  # None: "ved ikke"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "competence_identifier"], name="one_answer")]


class KnowledgeItem(models.Model):
    """A multiple-choice check with one right answer, written for one competence at one level."""

    key = models.CharField(max_length=50, unique=True, help_text=_("Stable key of a shipped item, e.g. A3.1-2-1."))
    competence_identifier = models.UUIDField(db_index=True)
    level = models.PositiveSmallIntegerField()
    question_da = models.TextField()
    question_en = models.TextField(blank=True)
    options_da = models.JSONField(default=list)
    options_en = models.JSONField(default=list)
    correct = models.PositiveSmallIntegerField(help_text=_("Index of the right option, from 0."))
    explanation_da = models.TextField(blank=True)
    explanation_en = models.TextField(blank=True)

    @property
    def question(self) -> str:
        return localized(self, "question")

    @property
    def options(self) -> list[str]:
        return localized(self, "options") or self.options_da


class KnowledgeAnswer(models.Model):
    objects = TenantManager("response__campaign__municipality")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="knowledge_answers")
    item = models.ForeignKey(KnowledgeItem, on_delete=models.PROTECT, related_name="+")
    chosen = models.PositiveSmallIntegerField(null=True, blank=True)
    correct = models.BooleanField()


class CustomAnswer(models.Model):
    objects = TenantManager("response__campaign__municipality")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="custom_answers")
    question = models.ForeignKey(CustomQuestion, on_delete=models.CASCADE, related_name="+")
    value = models.TextField(blank=True)


class TallyCounts(models.Model):
    """The counts every tally row carries: "ved ikke", how many meet their requirement, and the level histogram
    as columns (one row answers n, mean, share meeting and the distribution)."""

    dont_know = models.PositiveIntegerField(default=0)
    meeting = models.PositiveIntegerField(default=0)  # respondents at or above their required level
    level_1 = models.PositiveIntegerField(default=0)
    level_2 = models.PositiveIntegerField(default=0)
    level_3 = models.PositiveIntegerField(default=0)
    level_4 = models.PositiveIntegerField(default=0)
    level_5 = models.PositiveIntegerField(default=0)
    level_6 = models.PositiveIntegerField(default=0)
    level_7 = models.PositiveIntegerField(default=0)
    level_8 = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class Tally(TallyCounts):
    """Counts for one (campaign, unit, profile, competence), the unit meaning "this unit and everything below".

    Written in the transaction that stores a response, for the response's unit and each of its ancestors.
    The level histogram is stored as columns (level_1 .. level_8) so one row answers n, mean, share meeting and
    the distribution. `shard` spreads the hot rows of the top units over several rows, so concurrent
    submissions do not queue on one row lock; readers sum over shards.
    """

    objects = TenantManager("campaign__municipality")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tallies")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    competence_identifier = models.UUIDField()
    shard = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "profile", "competence_identifier", "shard"],
                                    name="tally_key"),
        ]


class UnitTally(TallyCounts):
    """The same counts as Tally summed over profiles, kept beside it so the unfiltered views — the ones most
    pages show — read one row per (unit, competence, shard) instead of one per profile as well."""

    objects = TenantManager("campaign__municipality")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="unit_tallies")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    competence_identifier = models.UUIDField()
    shard = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "competence_identifier", "shard"],
                                    name="unit_tally_key"),
        ]


class ResponseCount(models.Model):
    """Invited and responded people per (campaign, unit subtree, profile), for response rates."""

    objects = TenantManager("campaign__municipality")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="response_counts")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    shard = models.PositiveSmallIntegerField(default=0)
    invited = models.PositiveIntegerField(default=0)
    responded = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "profile", "shard"], name="response_count_key"),
        ]


class KnowledgeTally(models.Model):
    """Knowledge checks against self-ratings per (campaign, unit subtree, competence), written with the response.

    Over-confident: rated themselves at or above the item's level but answered wrong; under-confident: rated
    themselves below it but answered right.
    """

    objects = TenantManager("campaign__municipality")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="knowledge_tallies")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    competence_identifier = models.UUIDField()
    shard = models.PositiveSmallIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    overconfident = models.PositiveIntegerField(default=0)
    underconfident = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "competence_identifier", "shard"],
                                    name="knowledge_tally_key"),
        ]
