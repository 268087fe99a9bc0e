from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "digikomp.site"
    label = "site"
    verbose_name = _("Website")

    def ready(self):
        # The cached menu and footer links forget themselves when a page changes: connect that at start-up,
        # not when a template first loads the module.
        # And an editor who adds places to a full event moves the first on the waiting list up on publishing.
        from digikomp.site import menu, registrations  # noqa: F401
