"""Municipality, OrgUnit, Person and UnitManager.

OrgUnit is a tree stored with a materialised path of zero-padded primary keys ("/0000000012/0000000045/"), so
"this unit and everything below it" is one indexed prefix query on both SQLite and PostgreSQL, which is what
manager scoping and the roll-up of survey tallies need.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from digikomp.tenancy.guard import TenantManager

PATH_SEGMENT_WIDTH = 10


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True, help_text=_("The municipality number, e.g. 751"))
    name = models.CharField(_("name"), max_length=100)
    region_code = models.CharField(_("region code"), max_length=4)
    region = models.CharField(_("region"), max_length=100)
    anonymity_k = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        null=True,
        blank=True,
        help_text=_("Smallest group an aggregate may show; empty means the national default. Never below 3."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class OrgUnit(models.Model):
    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="units")
    external_id = models.CharField(_("external id"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    unit_type = models.CharField(_("type"), max_length=100, blank=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    path = models.CharField(max_length=400, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "external_id"], name="unit_external_id_unique"),
        ]
        indexes = [models.Index(fields=["municipality", "path"], name="unit_municipality_path")]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def path_segment(pk: int) -> str:
        return f"{pk:0{PATH_SEGMENT_WIDTH}d}/"

    def computed_path(self) -> str:
        prefix = self.parent.path if self.parent_id else "/"
        return prefix + self.path_segment(self.pk)

    def save(self, *args, **kwargs):
        # The path embeds the primary key, so a new unit is saved once to get one and then again with its path.
        creating = self.pk is None
        if creating:
            self.path = "/"
            super().save(*args, **kwargs)
            kwargs = {}
        self.path = self.computed_path()
        self.depth = self.path.count("/") - 2
        super().save(*args, **kwargs)

    def is_within(self, other: OrgUnit) -> bool:
        return self.path.startswith(other.path)


class Person(models.Model):
    """An employee as the payroll/org system knows them. Never holds a CPR number."""

    objects = TenantManager("municipality")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="people")
    external_id = models.CharField(_("external id"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    job_code = models.CharField(_("job code"), max_length=50, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    primary_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("unit")
    )
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "external_id"], name="person_external_id_unique"),
        ]
        indexes = [models.Index(fields=["municipality", "job_code"], name="person_municipality_job")]

    def __str__(self) -> str:
        return self.name


class UnitManager(models.Model):
    """A person who leads a unit (and so, by the tree, everything below it)."""

    objects = TenantManager("unit__municipality")

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="managers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="managed_units")
    title = models.CharField(_("title"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit manager")
        verbose_name_plural = _("unit managers")
        constraints = [models.UniqueConstraint(fields=["unit", "person"], name="unit_manager_unique")]

    def __str__(self) -> str:
        return f"{self.person} → {self.unit}"
