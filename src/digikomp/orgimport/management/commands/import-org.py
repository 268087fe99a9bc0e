"""`digikomp import-org --municipality CODE PATH [--dry-run] [--allow-mass-deactivation] [--language da|en]`.

PATH is a folder holding an OS2mo plan2learn export, or one file in the DigiKomp template (CSV or XLSX), or a
ZIP file. Every problem in the input is listed (file, line, column, reason) and nothing is stored; the exit
status is then 1. Otherwise the command prints what changes (with --dry-run: what would change). An import
that would deactivate more than DIGIKOMP_MASS_DEACTIVATION_PERCENT of the active people or units stores
nothing without --allow-mass-deactivation (exit status 1, and the numbers). An import is recorded like the
web page's, so that an admin can undo it on the import's page for a week.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from digikomp.lib.problems import Problems
from digikomp.orgimport import os2mo
from digikomp.orgimport.deactivation import MassDeactivationError, threshold
from digikomp.orgimport.report import changes_text, problems_text
from digikomp.orgimport.services import org_import_plan
from digikomp.orgimport.sources import read_path
from digikomp.orgimport.uploads import org_import_run
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
        parser.add_argument("--allow-mass-deactivation", action="store_true",
                            help="Import even if more than DIGIKOMP_MASS_DEACTIVATION_PERCENT (20) per cent of the "
                                 "active people or units would be deactivated. Check with --dry-run first.")

    def handle(self, *args, path: Path, municipality: str, dry_run: bool, language: str, show: int,
               allow_mass_deactivation: bool, **options):
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
            keep = None if show < 0 else show
            if dry_run:
                plan = org_import_plan(municipality=target, snapshot=snapshot, keep=keep)
                heading = _("Dry run for %(municipality)s: this is what the import would change. Nothing was "
                            "stored.") % {"municipality": target}
                self.stdout.write(changes_text(plan.changes, heading=heading, show=show), ending="")
                if plan.deactivation.exceeds():
                    self.stdout.write("\n" + _("A real run needs --allow-mass-deactivation: the import deactivates "
                                               "%(what)s, more than %(percent)s%% of the active people or "
                                               "units.") % {"what": plan.deactivation.describe(),
                                                            "percent": threshold()})
                return
            try:
                plan = org_import_run(municipality=target, snapshot=snapshot, file_names=_names(path),
                                      allow_mass_deactivation=allow_mass_deactivation, keep=keep)
            except MassDeactivationError as refused:
                plan = org_import_plan(municipality=target, snapshot=snapshot, keep=keep)
                heading = _("This is what the import would change. Nothing was stored.")
                self.stdout.write(changes_text(plan.changes, heading=heading, show=show), ending="")
                self.stderr.write(_("The import would deactivate %(what)s, more than %(percent)s%% of the active "
                                    "people or units. Nothing was stored. If that is right, run the command "
                                    "again with --allow-mass-deactivation.")
                                  % {"what": refused.deactivation.describe(), "percent": threshold()})
                raise CommandError(_("Nothing was imported."), returncode=1) from None
            heading = _("Imported the organisation of %(municipality)s.") % {"municipality": target}
            self.stdout.write(changes_text(plan.changes, heading=heading, show=show), ending="")


def _names(path: Path) -> list[str]:
    """The files of the import, as its record lists them."""
    if path.is_dir():
        return sorted(child.name for child in path.iterdir() if os2mo.is_os2mo_file(child.name))
    return [path.name]
