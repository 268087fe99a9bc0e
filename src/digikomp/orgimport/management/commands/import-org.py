"""`digikomp import-org --municipality CODE PATH [--dry-run] [--language da|en]`.

PATH is a folder holding an OS2mo plan2learn export, or one file in the DigiKomp template (CSV or XLSX), or a
ZIP file. Every problem in the input is listed (file, line, column, reason) and nothing is stored; the exit
status is then 1. Otherwise the command prints what changes (with --dry-run: what would change).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from digikomp.orgimport.problems import Problems
from digikomp.orgimport.report import changes_text, problems_text
from digikomp.orgimport.services import org_import_apply, org_import_plan
from digikomp.orgimport.sources import read_path
from digikomp.tenancy.models import Municipality


class Command(BaseCommand):
    help = ("Import a municipality's organisation and people from an OS2mo plan2learn export (a folder) or a "
            "file in the DigiKomp template (CSV, XLSX or ZIP).")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path,
                            help="Folder with the five plan2learn_*.csv files, or one file.")
        parser.add_argument("--municipality", required=True, metavar="CODE",
                            help="Municipality number, e.g. 751.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Show what would change and store nothing.")
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES],
                            default=settings.LANGUAGE_CODE, help="Language of the report.")
        parser.add_argument("--show", type=int, default=20, metavar="N",
                            help="List at most N changes of each kind (-1: all, 0: counts only). Default 20.")

    def handle(self, *args, path: Path, municipality: str, dry_run: bool, language: str, show: int,
               **options):
        with translation.override(language):
            try:
                target = Municipality.objects.get(code=municipality)
            except Municipality.DoesNotExist:
                message = _("There is no municipality with the code %(code)s.") % {"code": municipality}
                raise CommandError(message) from None
            problems = Problems()
            snapshot = read_path(path, problems)
            if snapshot is None:
                self.stderr.write(problems_text(problems), ending="")
                raise CommandError(_("Nothing was imported."), returncode=1)
            with transaction.atomic():
                plan = org_import_plan(municipality=target, snapshot=snapshot,
                                       keep=None if show < 0 else show)
                if not dry_run:
                    org_import_apply(plan=plan, actor=None)
            if dry_run:
                heading = _("Dry run for %(municipality)s: this is what the import would change. Nothing was "
                            "stored.") % {"municipality": target}
            else:
                heading = _("Imported the organisation of %(municipality)s.") % {"municipality": target}
            self.stdout.write(changes_text(plan.changes, heading=heading, show=show), ending="")
