"""`digikomp expire-org-imports`: previews nobody confirmed within N days are deleted; imports applied more
than N days ago lose their snapshot (the parsed organisation, megabytes for a large municipality) but keep
their record for the audit trail. The imports here go through the web flow's own services."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from digikomp.lib.problems import Problems
from digikomp.orgimport.deactivation import Deactivation
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.sources import read_files
from digikomp.orgimport.uploads import (
    Confirmation,
    org_import_confirm,
    org_import_discard,
    org_import_preview,
)
from digikomp.tenancy.models import Person
from tests.orgimport import exports

RECORD = ("status", "uploaded_by_id", "created", "source", "file_names", "summary", "applied_at")


def ago(days: float):
    return timezone.now() - timedelta(days=days)


def uploaded(world, *, days_ago: float) -> OrgImport:
    """A preview of the small OS2mo export, as the upload page makes it, dated `days_ago` days back."""
    files = exports.as_uploads()
    problems = Problems()
    snapshot = read_files(files, problems)
    assert snapshot is not None, [p.text for p in problems]
    org_import = org_import_preview(municipality=world.aarhus, snapshot=snapshot,
                                    uploaded_by=world.user("municipal_admin"),
                                    file_names=[name for name, _data in files])
    OrgImport.objects.filter(pk=org_import.pk).update(created=ago(days_ago))
    return OrgImport.objects.get(pk=org_import.pk)


def applied(world, *, days_ago: float, uploaded_days_ago: float | None = None) -> OrgImport:
    """An import confirmed `days_ago` days back (uploaded then too, unless said otherwise)."""
    org_import = uploaded(world, days_ago=days_ago if uploaded_days_ago is None else uploaded_days_ago)
    # The first import deactivates the personas' units: confirmed with its numbers, as the page does.
    confirmed = Deactivation.from_json(org_import.summary["deactivation"])
    outcome = org_import_confirm(org_import=org_import, actor=world.user("municipal_admin"), confirmed=confirmed)
    assert outcome is Confirmation.APPLIED
    OrgImport.objects.filter(pk=org_import.pk).update(applied_at=ago(days_ago))
    return OrgImport.objects.get(pk=org_import.pk)


def expire(*args, language: str = "en") -> str:
    out = io.StringIO()
    call_command("expire-org-imports", "--language", language, *args, stdout=out)
    return out.getvalue()


def record(org_import: OrgImport) -> tuple:
    return tuple(getattr(org_import, name) for name in RECORD)


def test_previews_not_confirmed_within_seven_days_are_deleted(world):
    abandoned, pending = uploaded(world, days_ago=8), uploaded(world, days_ago=6)
    report = expire()
    assert "Deleted 1 import preview uploaded before" in report and "never confirmed" in report
    assert list(OrgImport.objects.values_list("pk", flat=True)) == [pending.pk]
    assert not OrgImport.objects.filter(pk=abandoned.pk).exists()
    # A preview never touched the organisation, and deleting it does not either.
    assert not Person.objects.filter(municipality=world.aarhus, external_id="P6").exists()


def test_an_old_applied_import_keeps_its_record_and_loses_its_snapshot(world, client_for):
    old = applied(world, days_ago=8)
    # Uploaded long ago but confirmed two days ago: the clock starts when it was applied.
    late = applied(world, days_ago=2, uploaded_days_ago=10)
    assert old.snapshot and late.snapshot
    assert old.undo["units"] and late.undo["stamp"]

    report = expire()

    assert "Dropped the uploaded data of 1 import applied before" in report and "its record stays" in report
    cleared = OrgImport.objects.get(pk=old.pk)
    assert cleared.snapshot == {} and cleared.undo == {}  # and so it can no longer be undone
    assert record(cleared) == record(old)  # who, when, which files, the counts and listed changes
    assert cleared.summary["counts"]["people_created"] == 3
    assert OrgImport.objects.get(pk=late.pk).snapshot == late.snapshot
    assert OrgImport.objects.get(pk=late.pk).undo == late.undo
    # The organisation it imported is untouched.
    assert Person.objects.get(municipality=world.aarhus, external_id="P6").name == "Karen Bach"
    # Its page still shows what the import did.
    page = client_for("municipal_admin").get(reverse("orgimport:preview", args=[old.pk]))
    assert page.status_code == 200 and "Karen Bach" in page.content.decode()


def test_discarded_imports_stay_and_a_second_run_finds_nothing(world):
    discarded = uploaded(world, days_ago=30)
    assert org_import_discard(org_import=discarded)
    applied(world, days_ago=30)
    uploaded(world, days_ago=30)
    first = expire()
    assert "Deleted 1 import preview" in first and "data of 1 import" in first
    second = expire()
    assert "Deleted 0 import previews" in second and "data of 0 imports" in second
    assert OrgImport.objects.get(pk=discarded.pk).status == OrgImport.Status.DISCARDED
    assert OrgImport.objects.count() == 2


def test_days_sets_how_long_they_are_kept(world):
    preview = uploaded(world, days_ago=3)
    done = applied(world, days_ago=3)
    expire()
    assert OrgImport.objects.filter(pk=preview.pk).exists()
    assert OrgImport.objects.get(pk=done.pk).snapshot
    report = expire("--days", "2")
    assert "Deleted 1 import preview" in report and "data of 1 import" in report
    assert not OrgImport.objects.filter(pk=preview.pk).exists()
    assert OrgImport.objects.get(pk=done.pk).snapshot == {}


def test_a_dry_run_reports_the_same_and_changes_nothing(world):
    preview = uploaded(world, days_ago=9)
    done = applied(world, days_ago=9)
    report = expire("--dry-run")
    assert "Would delete 1 import preview uploaded before" in report
    assert "Would drop the uploaded data of 1 import applied before" in report
    assert "Dry run: nothing was changed." in report
    assert OrgImport.objects.filter(pk=preview.pk).exists()
    assert OrgImport.objects.get(pk=done.pk).snapshot == done.snapshot


def test_the_report_is_danish_by_default(world):
    uploaded(world, days_ago=8)
    out = io.StringIO()
    call_command("expire-org-imports", stdout=out)
    assert "Slettede 1 forhåndsvisning af en import" in out.getvalue()


@pytest.mark.parametrize("days", ["0", "-1"])
def test_days_below_one_are_refused(world, days):
    preview = uploaded(world, days_ago=0.01)
    with pytest.raises(CommandError, match="--days must be at least 1"):
        expire("--days", days)
    assert OrgImport.objects.filter(pk=preview.pk).exists()
