"""OrgImport: one import of a municipality's organisation, from upload to preview, confirmation and undo.

In the web flow it holds the parsed organisation (never a CPR number: the readers drop that column while
parsing; compressed, see fields.py) and the summary the admin saw, so confirming applies exactly the file that
was previewed, recomputed against the database as it is at that moment. An applied import keeps what undoing
it takes (undo.py) for a week; the command line's imports are recorded here too, already applied, so that the
latest import of a municipality is always known. The big data goes when it is no longer needed: the parsed
organisation becomes `{}` once discarded or undone, and after a week (uploads.org_imports_expire) a preview
nobody confirmed is deleted and an applied import keeps only its record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from digikomp.orgimport.fields import CompressedJSONField
from digikomp.tenancy.guard import TenantManager


class OrgImport(models.Model):
    objects = TenantManager("municipality")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Awaiting confirmation")
        APPLIED = "applied", _("Imported")
        DISCARDED = "discarded", _("Discarded")
        UNDONE = "undone", _("Undone")

    class Source(models.TextChoices):
        OS2MO = "os2mo", _("OS2mo export")
        TEMPLATE = "template", _("DigiKomp template")

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="org_imports",
        verbose_name=_("municipality"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("uploaded by"),
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    source = models.CharField(_("format"), max_length=20, choices=Source.choices)
    file_names = models.JSONField(_("files"), default=list, blank=True)
    snapshot = CompressedJSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    applied_at = models.DateTimeField(_("imported"), null=True, blank=True)
    # The previous state of every row the import wrote (services.Applied.undo), while it can be undone.
    undo = CompressedJSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("undone by"),
    )

    # Fields of megabytes, read only by the code that needs them.
    BIG = ("snapshot", "undo")

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("organisation import")
        verbose_name_plural = _("organisation imports")

    def __str__(self) -> str:
        return f"{self.municipality} {self.created:%Y-%m-%d %H:%M} ({self.status})"
