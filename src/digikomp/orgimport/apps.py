"""The organisation import app: OS2mo and template files in, units, people and managers out."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgimportConfig(AppConfig):
    name = "digikomp.orgimport"
    verbose_name = _("Organisation import")
