"""Case and its parts (competence areas, figures, images, attachments, the review log) and the two fixed
vocabularies a case is classified by (target groups, types of effort).

Competence areas are stored by their code in the national model ("A1", "C2"): codes are what the public model
pages show, what URLs and facets use, and they stay the same from one version of the model to the next.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from digikomp.lib.html import clean_html, html_to_text
from digikomp.lib.i18n import localized
from digikomp.tenancy.guard import TenantManager, TenantQuerySet
from digikomp.tenancy.models import Municipality


# Attachments and images of cases are read through views that check the case is published (or the reader may
# moderate or owns it), so they live outside MEDIA_ROOT, which a web server may serve as it is.
# A callable, so migrations name it instead of freezing this machine's path.
def private_storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.DIGIKOMP_PRIVATE_MEDIA_ROOT, base_url=None)


class Vocabulary(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_da = models.CharField(_("name (Danish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name_da

    @property
    def name(self) -> str:
        return localized(self, "name")


class TargetGroup(Vocabulary):
    class Kind(models.TextChoices):
        EMPLOYEES = "employees", _("Employees")
        LEADERS = "leaders", _("Leaders")
        CITIZENS = "citizens", _("Citizens")
        SPECIAL = "special", _("Special groups of citizens")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class EffortType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("type of effort")
        verbose_name_plural = _("types of effort")


class CaseQuerySet(TenantQuerySet):
    def published(self):
        """The published cases: every reader's (the tenancy guard's `shared` rows)."""
        return self.shared()


class Case(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600,
                               help_text=_("Two or three sentences: what you did, for whom, and what came of it."))
    body = models.TextField(_("description"), blank=True, help_text=_(
        "How you did it. Paragraphs separated by a blank line; simple HTML (headings, lists, links) is allowed."))
    # The body's text without markup, for search and excerpts; set on save.
    body_text = models.TextField(editable=False, blank=True)
    results = models.TextField(_("results and effect"), blank=True, help_text=_(
        "What changed, and how you know. Figures go in the table below."))
    period_start = models.DateField(_("started"), null=True, blank=True)
    period_end = models.DateField(_("ended"), null=True, blank=True, help_text=_("Empty if still running."))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    owner = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="owned_cases",
                              verbose_name=_("submitted by municipality"))
    municipalities = models.ManyToManyField(Municipality, related_name="cases", verbose_name=_("municipalities"))
    target_groups = models.ManyToManyField(TargetGroup, related_name="cases", verbose_name=_("target groups"))
    effort_types = models.ManyToManyField(EffortType, related_name="cases", verbose_name=_("types of effort"))

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    # A municipality's cases are its own until published; moderators see every case (tenancy/guard.py).
    objects = TenantManager.from_queryset(CaseQuerySet)(
        "owner", shared=Q(status="published"), shared_sql="status = 'published'", sees_all="catalogue.moderate")

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["status", "published_at"], name="case_status_published"),
            # Covers the search's "has the published catalogue changed?" query (selectors.facet_index).
            models.Index(fields=["status", "updated_at", "id"], name="case_status_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Rich text is stored clean, whoever writes it (form, API, import, shell); templates clean it again.
        self.body = clean_html(self.body)
        self.results = clean_html(self.results)
        self.body_text = html_to_text(self.body)
        super().save(*args, **kwargs)
        from digikomp.catalogue.search import index_case

        index_case(self)

    def delete(self, *args, **kwargs):
        from digikomp.catalogue.search import unindex_case

        pk = self.pk
        result = super().delete(*args, **kwargs)
        unindex_case(pk)
        return result

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable_by_municipality(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.REJECTED)

    @cached_property
    def area_codes(self) -> list[str]:
        return [a.code for a in self.areas.all()]


class CaseArea(models.Model):
    """A competence area of the national model that the case develops, by its code."""

    objects = TenantManager("case__owner", shared=Q(case__status="published"), sees_all="catalogue.moderate")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(_("code"), max_length=20, db_index=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="case_area_unique")]

    def __str__(self) -> str:
        return self.code


class CaseFigure(models.Model):
    """One figure of the results: "Borgere hjulpet: 1.240", "Føler sig tryggere: 78 %"."""

    objects = TenantManager("case__owner", shared=Q(case__status="published"), sees_all="catalogue.moderate")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("what"), max_length=200)
    value = models.CharField(_("figure"), max_length=40)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class CaseImage(models.Model):
    objects = TenantManager("case__owner", shared=Q(case__status="published"), sees_all="catalogue.moderate")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="catalogue/images/%Y/", storage=private_storage,
                              validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])])
    alt_text = models.CharField(_("alt text"), max_length=300, help_text=_(
        "What the image shows, for those who cannot see it. Required."))
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.alt_text


class CaseAttachment(models.Model):
    objects = TenantManager("case__owner", shared=Q(case__status="published"), sees_all="catalogue.moderate")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="catalogue/attachments/%Y/", storage=private_storage,
                            validators=[FileExtensionValidator(["pdf", "docx", "xlsx", "pptx", "odt", "ods",
                                                                "odp", "csv", "txt"])])
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""


class CaseEvent(models.Model):
    """The review log: every step of a case's moderation, with the comment that goes with it."""

    objects = TenantManager("case__owner", sees_all="catalogue.moderate")

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted for review")
        COMMENTED = "commented", _("Commented")
        SENT_BACK = "sent_back", _("Sent back for changes")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        UNPUBLISHED = "unpublished", _("Unpublished")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    actor_label = models.CharField(max_length=254, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"
