from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "digikomp.tenancy"
    verbose_name = _("Municipalities and organisation")

    def ready(self):
        from digikomp.tenancy.rls import apply_policies, note_role

        # After every migrate (once, when this app's turn comes): row security on every tenant table, including
        # tables added since; PostgreSQL only.
        post_migrate.connect(apply_policies, sender=self, dispatch_uid="digikomp.tenancy.rls")
        # Whether a new connection's role bypasses row security, asked once, so a request never pays for it.
        connection_created.connect(note_role, dispatch_uid="digikomp.tenancy.rls.role")
