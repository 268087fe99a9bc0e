"""`digikomp load-norm`: load the shipped national model, DigComp 2.2, the national profile library and the
starter bank of knowledge checks.

Idempotent: versions and the release that already exist are left as they are. It lives in assessments, the
highest of the three packages it loads, so that profiles need not import assessments (docs/architecture.md).
"""

from django.core.management.base import BaseCommand

from digikomp.assessments.knowledge import knowledge_bank_load
from digikomp.frameworks.services import load_shipped_frameworks
from digikomp.profiles.services import load_shipped_norm


class Command(BaseCommand):
    help = "Load the national competence model, DigComp 2.2 and the national role profiles (idempotent)."

    def handle(self, *args, **options):
        for version in load_shipped_frameworks():
            self.stdout.write(f"{version.framework.slug} {version.version}: {version.get_status_display()}")
        release = load_shipped_norm()
        self.stdout.write(f"Norm release {release.version}: {release.revisions.count()} national profiles")
        self.stdout.write(f"Knowledge checks: {knowledge_bank_load()} items")
