"""`digikomp import-case FILE [--slug S] [--language da|en]`.

FILE is a 1EdTech CASE CFPackage (JSON). Every problem with it is printed and nothing is stored; the exit
status is then 1. Otherwise the command prints the imported framework version.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.frameworks.editor.case_import import package_import


class Command(BaseCommand):
    help = "Import a competence framework version from a 1EdTech CASE CFPackage (JSON file)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CFPackage as a JSON file.")
        parser.add_argument(
            "--slug", default="", help="Framework slug; default: the one named in the package."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages.",
        )

    def handle(self, *args, file: Path, slug: str, language: str, **options):
        with translation.override(language):
            try:
                content = file.read_bytes()
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
                ) from None
            version, problems = package_import(content=content, slug=slug or None)
            if version is None:
                self.stderr.write(_("The package was not imported; nothing was stored. Problems:"))
                for problem in problems:
                    self.stderr.write(f"- {problem}")
                raise CommandError(
                    ngettext("%(count)s problem.", "%(count)s problems.", len(problems))
                    % {"count": len(problems)},
                    returncode=1,
                )
            self.stdout.write(
                _("Imported %(framework)s (%(slug)s) version %(version)s, status: %(status)s.")
                % {
                    "framework": version.framework.title_da,
                    "slug": version.framework.slug,
                    "version": version.version,
                    "status": version.get_status_display().lower(),
                }
            )
