"""`digikomp reindex-catalogue`: rebuild the SQLite full-text index of the cases (after a bulk load or a restore
that bypassed Case.save()). On PostgreSQL the index is a generated column and needs nothing."""

from django.core.management.base import BaseCommand

from digikomp.catalogue.search import reindex_all


class Command(BaseCommand):
    help = "Rebuild the catalogue's full-text index on SQLite (PostgreSQL keeps its own up to date)."

    def handle(self, *args, **options):
        self.stdout.write(f"{reindex_all()} cases indexed.")
