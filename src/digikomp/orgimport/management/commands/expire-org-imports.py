"""`digikomp expire-org-imports [--days N] [--dry-run] [--language da|en]`.

Run it daily (cron: `30 3 * * * digikomp expire-org-imports`). It deletes the import previews nobody
confirmed within N days (default 7) and drops the uploaded organisation (the snapshot) of imports applied more
than N days ago, keeping their record: who uploaded it, when, the files and the summary of changes. It prints
what it did.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.orgimport.uploads import EXPIRY_DAYS, org_imports_expire


class Command(BaseCommand):
    help = ("Delete organisation import previews not confirmed within N days and drop the uploaded data of "
            "imports applied more than N days ago (their record stays).")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=EXPIRY_DAYS, metavar="N",
                            help=f"How many days a preview waits and an applied import keeps its data. "
                                 f"Default {EXPIRY_DAYS}.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would go and change nothing.")
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES],
                            default=settings.LANGUAGE_CODE, help="Language of the report.")

    def handle(self, *args, days: int, dry_run: bool, language: str, **options):
        with translation.override(language):
            if days < 1:
                # 0 would delete the preview an admin is looking at this very minute.
                raise CommandError(_("--days must be at least 1."))
            before = timezone.now() - timedelta(days=days)
            expired = org_imports_expire(before=before, dry_run=dry_run)
            when = formats.date_format(timezone.localtime(before), "SHORT_DATETIME_FORMAT")
            if dry_run:
                deleted = ngettext(
                    "Would delete %(count)d import preview uploaded before %(when)s and never confirmed.",
                    "Would delete %(count)d import previews uploaded before %(when)s and never confirmed.",
                    expired.deleted)
                cleared = ngettext(
                    "Would drop the uploaded data of %(count)d import applied before %(when)s.",
                    "Would drop the uploaded data of %(count)d imports applied before %(when)s.",
                    expired.cleared)
            else:
                deleted = ngettext(
                    "Deleted %(count)d import preview uploaded before %(when)s and never confirmed.",
                    "Deleted %(count)d import previews uploaded before %(when)s and never confirmed.",
                    expired.deleted)
                cleared = ngettext(
                    "Dropped the uploaded data of %(count)d import applied before %(when)s; its record "
                    "stays.",
                    "Dropped the uploaded data of %(count)d imports applied before %(when)s; their records "
                    "stay.", expired.cleared)
            self.stdout.write(deleted % {"count": expired.deleted, "when": when})
            self.stdout.write(cleared % {"count": expired.cleared, "when": when})
            if dry_run:
                self.stdout.write(_("Dry run: nothing was changed."))
