"""Undoing an applied import puts the organisation back as it was, row by row and column by column; only the
latest import, within seven days, while nothing it wrote has been touched since; all or nothing, in the audit
log, from a button on the import's page."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from digikomp.audit.models import AuditEntry
from digikomp.orgimport.generate import generate_export, mutate_export, write_export
from digikomp.orgimport.models import OrgImport
from digikomp.profiles.models import JobProfile, Profile
from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport.test_confirmation import organisation
from tests.orgimport.test_views import UPLOAD


def undo_url(org_import) -> str:
    return reverse("orgimport:undo", args=[org_import.pk])


def destructive_export(folder):
    """A month's changes to the generated export of imported(), a third of the people dropped on top: units
    renamed and moved, people moved, new and gone, job codes changed, managers changed."""
    first = generate_export(people=120, units=15, seed=11)
    later = mutate_export(first, seed=12, fraction=0.3)
    dropped = {user["BrugerId"] for user in later.users[::3]}
    later.users = [u for u in later.users if u["BrugerId"] not in dropped]
    later.engagements = [e for e in later.engagements if e["BrugerId"] not in dropped]
    later.managers = [m for m in later.managers if m["BrugerId"] not in dropped]
    # Two new units, one below the other, with a person moved there as the manager of the upper one.
    top = next(unit["AfdelingsID"] for unit in later.units if not unit["Parentid"])
    blank = dict.fromkeys(later.units[0], "")
    later.units += [{**blank, "AfdelingsID": "NY1", "Afdelingsnavn": "Ny enhed", "Parentid": top},
                    {**blank, "AfdelingsID": "NY2", "Afdelingsnavn": "Ny underenhed", "Parentid": "NY1"}]
    moved = next(e for e in later.engagements if e["AktivStatus"] == "1" and e["Primær"] == "1")
    moved["AfdelingsId"] = "NY2"
    later.managers.append({"BrugerId": moved["BrugerId"], "AfdelingsID": "NY1", "AktivStatus": "1",
                           "Titel": "Ny leder"})
    write_export(later, folder)
    return folder


def imported(run_import, tmp_path) -> OrgImport:
    """The generated organisation, imported from the command line over the personas' (all deactivated)."""
    write_export(generate_export(people=120, units=15, seed=11), tmp_path / "first")
    assert run_import(tmp_path / "first", "--allow-mass-deactivation").error is None
    return OrgImport.objects.get()


def uploaded_and_confirmed(client, folder) -> OrgImport:
    files = [SimpleUploadedFile(path.name, path.read_bytes()) for path in sorted(folder.iterdir())]
    assert client.post(UPLOAD, {"upload": files}).status_code == 302
    org_import = OrgImport.objects.get(status=OrgImport.Status.PREVIEWED)
    numbers = org_import.summary["deactivation"]
    token = f"{numbers['people']}-{numbers['people_active']}-{numbers['units']}-{numbers['units_active']}"
    assert client.post(reverse("orgimport:confirm", args=[org_import.pk]), {"deactivation": token}) \
        .status_code == 302
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.APPLIED
    return org_import


def test_a_destructive_import_undone_leaves_the_organisation_as_it_was(client_for, world, shipped_norm, run_import,
                                                                       tmp_path):
    original = organisation(world.aarhus)
    first = imported(run_import, tmp_path)
    before = organisation(world.aarhus)
    client = client_for("municipal_admin")
    # A mapping of job codes made after the import is the admin's, not the import's: undoing leaves it.
    job_code = Person.objects.filter(municipality=world.aarhus, active=True).exclude(job_code="").first().job_code
    JobProfile.objects.create(municipality=world.aarhus, job_code=job_code,
                              profile=Profile.objects.filter(owner__isnull=True).first())

    second = uploaded_and_confirmed(client, destructive_export(tmp_path / "later"))

    counts = second.summary["counts"]
    for kind in ("units_renamed", "units_moved", "units_created", "people_created", "people_moved",
                 "people_changed", "people_deactivated", "managers_added", "managers_ended"):
        assert counts[kind] > 0, kind
    assert organisation(world.aarhus) != before
    page = client.get(reverse("orgimport:preview", args=[second.pk])).content.decode()
    assert "Fortryd import</button>" in page and "Kun den seneste import kan fortrydes." in page

    response = client.post(undo_url(second), follow=True)

    assert "Importen er fortrudt: organisationen er, som den var før den." in response.content.decode()
    assert organisation(world.aarhus) == before
    second.refresh_from_db()
    assert second.status == OrgImport.Status.UNDONE and second.undone_by == world.user("municipal_admin")
    assert second.undo == {} and second.snapshot == {}
    entry = AuditEntry.objects.get(action="org.import.undo")
    assert entry.actor == world.user("municipal_admin") and entry.object_id == str(second.pk)
    assert entry.data["people_deleted"] == counts["people_created"]
    assert JobProfile.objects.filter(municipality=world.aarhus, job_code=job_code).exists()

    # The import before it is now the latest, and undoing it brings back the personas' organisation.
    client.post(undo_url(first))
    assert organisation(world.aarhus) == original


def test_only_the_latest_import_can_be_undone(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    write_export(mutate_export(generate_export(people=120, units=15, seed=11), seed=12), tmp_path / "later")
    assert run_import(tmp_path / "later").error is None
    state = organisation(world.aarhus)
    client = client_for("municipal_admin")
    page = client.get(reverse("orgimport:preview", args=[first.pk])).content.decode()
    assert "en senere import er gennemført" in page and "Fortryd import</button>" not in page

    response = client.post(undo_url(first), follow=True)

    assert "Importen kan ikke længere fortrydes: en senere import er gennemført." in response.content.decode()
    assert organisation(world.aarhus) == state
    first.refresh_from_db()
    assert first.status == OrgImport.Status.APPLIED


def test_an_import_applied_more_than_seven_days_ago_cannot_be_undone(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    OrgImport.objects.filter(pk=first.pk).update(applied_at=timezone.now() - timedelta(days=7, minutes=1))
    state = organisation(world.aarhus)
    client = client_for("municipal_admin")
    response = client.post(undo_url(first), follow=True)
    assert "den blev gennemført for mere end 7 dage siden" in response.content.decode()
    assert organisation(world.aarhus) == state


def test_a_row_written_since_stops_the_undo(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    unit = OrgUnit.objects.filter(municipality=world.aarhus, active=True).first()
    unit.name = "Omdøbt i administrationen"
    unit.save()  # as the Django admin would: updated_at moves on
    state = organisation(world.aarhus)
    response = client_for("municipal_admin").post(undo_url(first), follow=True)
    assert "Importen kan ikke længere fortrydes: 1 enhed eller person, som den skrev, er ændret siden." \
        in response.content.decode()
    assert organisation(world.aarhus) == state


def test_a_person_it_created_who_has_a_login_since_stops_the_undo(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    created = Person.objects.filter(municipality=world.aarhus).exclude(
        pk__in=[p.pk for p in world.people.values()]).first()
    employee = world.user("employee")
    employee.person = created
    employee.save()
    state = organisation(world.aarhus)
    response = client_for("municipal_admin").post(undo_url(first), follow=True)
    assert "Importen kan ikke længere fortrydes: personer, som den oprettede, bruges nu af brugere." \
        in response.content.decode()
    assert organisation(world.aarhus) == state
    first.refresh_from_db()
    assert first.status == OrgImport.Status.APPLIED and first.undo


def test_an_import_is_undone_once(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    client = client_for("municipal_admin")
    client.post(undo_url(first))
    state = organisation(world.aarhus)
    response = client.post(undo_url(first), follow=True)
    assert "Kun en gennemført import kan fortrydes." in response.content.decode()
    assert organisation(world.aarhus) == state
    assert AuditEntry.objects.filter(action="org.import.undo").count() == 1


def test_an_admin_of_another_municipality_cannot_undo(client_for, world, run_import, tmp_path):
    first = imported(run_import, tmp_path)
    state = organisation(world.aarhus)
    assert client_for("other_admin").post(undo_url(first)).status_code == 404
    assert client_for("hr").post(undo_url(first)).status_code == 403
    assert organisation(world.aarhus) == state


def test_units_it_created_below_units_it_created_go_with_them(world, client_for, run_import, tmp_path):
    # The generated tree is several levels deep and all of it new: deleting it must not trip over its parents.
    first = imported(run_import, tmp_path)
    assert OrgUnit.objects.filter(municipality=world.aarhus, depth__gte=2).count() > 5
    client_for("municipal_admin").post(undo_url(first))
    assert set(OrgUnit.objects.filter(municipality=world.aarhus).values_list("external_id", flat=True)) == {
        "AAR", "SOC", "HJP", "BOU", "SKO"}
    assert not UnitManager.objects.filter(unit__municipality=world.aarhus).exclude(
        person__external_id="P3").exists()
