"""The norm and its local adaptation.

- NormRelease: one published edition of the national norm: a framework version plus every national profile's
  revision. Published releases never change; editors work in the single draft release.
- Profile: a role profile's identity (national when owner is empty, else the owning municipality's).
- ProfileRevision: what a profile says in one release (national) or now (local, release empty): names,
  description, the profile it extends, and its Requirements.
- MunicipalNorm: which release a municipality has taken in. Its adaptations are read against that release.
- Adaptation + AdaptationChange: a municipality's overlay on a national profile. The effective profile is
  resolved from the release plus the overlay (resolution.py); nothing from the norm is copied.
- JobProfile: a municipality's mapping of job codes (from the org import) to profiles.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from digikomp.frameworks.models import Framework, FrameworkVersion
from digikomp.lib.i18n import localized
from digikomp.tenancy.guard import TenantManager
from digikomp.tenancy.models import Municipality


class Importance(models.TextChoices):
    ESSENTIAL = "essential", _("Essential")
    USEFUL = "useful", _("Useful")


class NormRelease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    version = models.CharField(_("version"), max_length=20, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    framework_version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="releases")
    changelog_da = models.TextField(_("changelog (Danish)"), blank=True)
    changelog_en = models.TextField(_("changelog (English)"), blank=True)
    previous = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("norm release")
        verbose_name_plural = _("norm releases")
        constraints = [
            models.UniqueConstraint(fields=["status"], condition=models.Q(status="draft"), name="one_draft_release"),
        ]

    def __str__(self) -> str:
        return self.version

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @classmethod
    def latest(cls) -> NormRelease | None:
        return cls.objects.filter(status=cls.Status.PUBLISHED).order_by("-published_at", "-id").first()


class Profile(models.Model):
    objects = TenantManager("owner", shared=Q(owner__isnull=True), shared_sql="owner_id IS NULL")

    owner = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles",
        verbose_name=_("owner"), help_text=_("Empty for national profiles."),
    )
    slug = models.SlugField(_("slug"), max_length=100)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="profiles")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("role profile")
        verbose_name_plural = _("role profiles")
        constraints = [
            models.UniqueConstraint(fields=["owner", "slug"], name="profile_slug_unique_per_owner"),
            models.UniqueConstraint(fields=["slug"], condition=models.Q(owner__isnull=True),
                                    name="national_profile_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.slug

    @property
    def is_national(self) -> bool:
        return self.owner_id is None


class ProfileRevision(models.Model):
    objects = TenantManager("profile__owner", shared=Q(profile__owner__isnull=True))

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="revisions")
    release = models.ForeignKey(
        NormRelease, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions",
        help_text=_("The release this revision belongs to; empty for a local profile's living revision."),
    )
    extends = models.ForeignKey(
        Profile, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("extends")
    )
    name_da = models.CharField(_("name (Danish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    esco_uri = models.URLField(_("ESCO occupation"), max_length=300, blank=True)
    esco_title = models.CharField(_("ESCO occupation title"), max_length=300, blank=True)
    job_titles = models.JSONField(_("typical job titles"), default=list, blank=True)

    class Meta:
        ordering = ["name_da"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "release"], name="one_revision_per_release"),
            models.UniqueConstraint(fields=["profile"], condition=models.Q(release__isnull=True),
                                    name="one_living_revision"),
        ]

    def __str__(self) -> str:
        return self.name_da

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Requirement(models.Model):
    objects = TenantManager("revision__profile__owner", shared=Q(revision__profile__owner__isnull=True))

    revision = models.ForeignKey(ProfileRevision, on_delete=models.CASCADE, related_name="requirements")
    competence_identifier = models.UUIDField()
    level = models.PositiveSmallIntegerField(_("required level"))
    importance = models.CharField(_("importance"), max_length=10, choices=Importance.choices,
                                  default=Importance.ESSENTIAL)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "competence_identifier"], name="requirement_unique"),
        ]


class MunicipalNorm(models.Model):
    objects = TenantManager("municipality")

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE, related_name="norm")
    release = models.ForeignKey(NormRelease, on_delete=models.PROTECT, related_name="+")
    taken_in_at = models.DateTimeField(auto_now=True)


class Adaptation(models.Model):
    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="adaptations")
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="adaptations")
    local_name = models.CharField(_("local name"), max_length=200, blank=True)
    local_note = models.TextField(_("local note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("local adaptation")
        verbose_name_plural = _("local adaptations")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "profile"], name="one_adaptation_per_profile"),
        ]


class AdaptationChange(models.Model):
    objects = TenantManager("adaptation__municipality")

    class Action(models.TextChoices):
        SET = "set", _("Set level")  # raises, lowers, or adds a competence the norm does not hold
        REMOVE = "remove", _("Remove")

    adaptation = models.ForeignKey(Adaptation, on_delete=models.CASCADE, related_name="changes")
    competence_identifier = models.UUIDField()
    action = models.CharField(_("change"), max_length=10, choices=Action.choices)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    importance = models.CharField(_("importance"), max_length=10, choices=Importance.choices, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # The norm level this change was made against, so a later release can tell "you raised 2 to 3, the norm
    # now says 3" (redundant) or "the norm removed what you raised" (conflict) from an honest local addition.
    norm_level_then = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["adaptation", "competence_identifier"], name="one_change_per_competence"),
        ]


class JobProfile(models.Model):
    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="job_profiles")
    job_code = models.CharField(_("job code"), max_length=50)
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="job_codes")

    class Meta:
        ordering = ["job_code"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "job_code"], name="one_profile_per_job_code"),
        ]
