"""DigiKomp's own system checks, run by `digikomp check`; those tagged deploy only with `--deploy`.

Registered in web/apps.py. Settings themselves fail loudly on malformed values (lib/env.py); these checks
catch values that are well-formed but unsafe for production.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import CheckMessage, Error


def check_secret_key_from_environment(app_configs=None, **kwargs) -> list[CheckMessage]:
    """Production must take SECRET_KEY from the environment.

    Without it settings.py falls back to a key generated into DIGIKOMP_DATA_DIR: fine on a laptop, but on a
    server it differs between hosts (sessions and signed links break behind a load balancer) and it sits on
    disk beside the data it protects.
    """
    if getattr(settings, "SECRET_KEY_FROM_ENV", False):
        return []
    return [
        Error(
            "SECRET_KEY is not set in the environment; DigiKomp is using a key generated into "
            "DIGIKOMP_DATA_DIR.",
            hint="Set SECRET_KEY to a long random value (at least 50 characters), the same on every server.",
            id="digikomp.E001",
        )
    ]
