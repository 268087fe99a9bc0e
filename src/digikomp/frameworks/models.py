"""Framework -> FrameworkVersion -> (ProficiencyLevel, Area tree, Competence, Descriptor).

A version is a draft until published; a published version never changes (services refuse, and the model's
save() guards it too). Items carry a UUID `identifier` that stays the same across versions, which is what
CASE, local profile overlays and survey answers refer to; a removed or merged item points to its successor
through Replacement rows on the version that removed it.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from digikomp.lib.i18n import localized


class Localized:
    def tr(self, name: str) -> str:
        return localized(self, name)

    @property
    def title(self) -> str:
        return localized(self, "title")


class Framework(Localized, models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title_da = models.CharField(_("title (Danish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")

    def __str__(self) -> str:
        return self.title_da

    def latest_published(self) -> FrameworkVersion | None:
        return self.versions.filter(status=FrameworkVersion.Status.PUBLISHED).order_by("-published_at").first()

    def draft(self) -> FrameworkVersion | None:
        return self.versions.filter(status=FrameworkVersion.Status.DRAFT).first()


class FrameworkVersion(Localized, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=20)
    identifier = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    title_da = models.CharField(_("title (Danish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    changelog_da = models.TextField(_("changelog (Danish)"), blank=True)
    changelog_en = models.TextField(_("changelog (English)"), blank=True)
    attribution_da = models.TextField(_("attribution (Danish)"), blank=True)
    attribution_en = models.TextField(_("attribution (English)"), blank=True)
    license = models.CharField(_("licence"), max_length=100, blank=True)
    previous = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["framework", "-published_at", "-id"]
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        constraints = [
            models.UniqueConstraint(fields=["framework", "version"], name="framework_version_unique"),
            # At most one draft per framework: editors work on "the next version", never on two at once.
            models.UniqueConstraint(
                fields=["framework"], condition=models.Q(status="draft"), name="one_draft_per_framework"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework.slug} {self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ProficiencyLevel(Localized, models.Model):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(_("level"))
    identifier = models.UUIDField(default=uuid.uuid4, editable=False)
    name_da = models.CharField(_("name (Danish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    band_da = models.CharField(_("band (Danish)"), max_length=100, blank=True)
    band_en = models.CharField(_("band (English)"), max_length=100, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["version", "value"]
        constraints = [models.UniqueConstraint(fields=["version", "value"], name="level_value_unique")]

    def __str__(self) -> str:
        return f"{self.value} {self.name_da}"

    @property
    def name(self) -> str:
        return localized(self, "name")


class Area(Localized, models.Model):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="areas")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    identifier = models.UUIDField(default=uuid.uuid4, editable=False)
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveIntegerField(default=0)
    title_da = models.CharField(_("title (Danish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="area_code_unique"),
            models.UniqueConstraint(fields=["version", "identifier"], name="area_identifier_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_da}"


class Competence(Localized, models.Model):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="competences")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="competences")
    identifier = models.UUIDField(default=uuid.uuid4, editable=False)
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveIntegerField(default=0)
    title_da = models.CharField(_("title (Danish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    generic = models.BooleanField(
        _("generic"), default=False, help_text=_("Needed by every employee, e.g. information security.")
    )
    digcomp_codes = models.JSONField(_("DigComp 2.2 codes"), default=list, blank=True)
    esco_uris = models.JSONField(_("ESCO URIs"), default=list, blank=True)

    class Meta:
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="competence_code_unique"),
            models.UniqueConstraint(fields=["version", "identifier"], name="competence_identifier_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_da}"


class Descriptor(models.Model):
    """What a person at one level of one competence can do, with knowledge, skill and attitude examples."""

    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="descriptors")
    level = models.ForeignKey(ProficiencyLevel, on_delete=models.CASCADE, related_name="descriptors")
    identifier = models.UUIDField(default=uuid.uuid4, editable=False)
    text_da = models.TextField(_("description (Danish)"))
    text_en = models.TextField(_("description (English)"), blank=True)
    knowledge_da = models.TextField(_("knowledge (Danish)"), blank=True)
    knowledge_en = models.TextField(_("knowledge (English)"), blank=True)
    skill_da = models.TextField(_("skill (Danish)"), blank=True)
    skill_en = models.TextField(_("skill (English)"), blank=True)
    attitude_da = models.TextField(_("attitude (Danish)"), blank=True)
    attitude_en = models.TextField(_("attitude (English)"), blank=True)

    class Meta:
        ordering = ["competence", "level__value"]
        constraints = [models.UniqueConstraint(fields=["competence", "level"], name="descriptor_unique")]

    def tr(self, name: str) -> str:
        return localized(self, name)

    @property
    def text(self) -> str:
        return localized(self, "text")


class Replacement(models.Model):
    """An item of the previous version that this version removed or merged, and the item that replaces it."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="replacements")
    old_identifier = models.UUIDField()
    new_identifier = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "old_identifier"], name="replacement_unique"),
        ]
