"""The web app registers DigiKomp's own system checks (digikomp/checks.py) and the case-insensitive lookups
that fold every letter on SQLite too (digikomp/lib/caseless.py) once the apps are loaded."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "digikomp.web"
    verbose_name = _("Web")

    def ready(self) -> None:
        from django.core import checks

        from digikomp.checks import check_secret_key_from_environment
        from digikomp.lib import caseless

        checks.register(check_secret_key_from_environment, checks.Tags.security, deploy=True)
        caseless.install()
