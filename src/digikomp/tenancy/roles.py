"""The roles of DigiKomp (DESIGN.md section 2) and which of them need a municipality."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_EDITOR = "national_editor", _("National editor")
    MUNICIPAL_ADMIN = "municipal_admin", _("Municipal administrator")
    HR = "hr", _("HR")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Employee")
    PROVIDER = "provider", _("Learning provider")


# Roles that act inside one municipality; the others are national (editor) or outside any (provider).
MUNICIPAL_ROLES = frozenset({Role.MUNICIPAL_ADMIN, Role.HR, Role.MANAGER, Role.EMPLOYEE})
