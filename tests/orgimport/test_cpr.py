"""CPR numbers are never stored, logged or echoed: not in the database, not in output, not in a page."""

import csv
import io
import json

from django.core.management import call_command
from django.db import models

from digikomp.audit.models import AuditEntry
from digikomp.orgimport.fields import CompressedJSONField
from digikomp.orgimport.models import OrgImport
from digikomp.tenancy.models import OrgUnit, Person
from tests.orgimport import exports
from tests.orgimport.exports import where


def stored_text() -> str:
    """Every text and JSON column of every row that an import can write (the compressed ones decompressed)."""
    chunks = []
    for model in (Person, OrgUnit, OrgImport, AuditEntry):
        columns = [f.attname for f in model._meta.concrete_fields
                   if isinstance(f, (models.CharField, models.TextField, models.JSONField, CompressedJSONField))]
        for row in model.objects.values_list(*columns):
            chunks.extend(json.dumps(value, ensure_ascii=False) for value in row)
    return "\n".join(chunks)


def generated_cprs(folder) -> list[str]:
    with open(folder / "plan2learn_bruger.csv", encoding="utf-8", newline="") as handle:
        return [row["CPR"] for row in csv.DictReader(handle, delimiter=";")]


def test_cpr_numbers_of_a_generated_export_go_nowhere(run_import, client_for, world, tmp_path):
    call_command("generate-org", str(tmp_path / "x"), "--people", "80", "--units", "12", "--seed", "7",
                 stdout=io.StringIO())
    cprs = generated_cprs(tmp_path / "x")
    assert len(cprs) == 80 and all(len(c) == 10 and c.isdigit() for c in cprs)

    dry = run_import(tmp_path / "x", "--dry-run", "--show", "-1")
    # The personas' organisation is not in the file: all of it is deactivated.
    real = run_import(tmp_path / "x", "--show", "-1", "--allow-mass-deactivation")
    client = client_for("municipal_admin")
    uploads = [open(path, "rb") for path in sorted((tmp_path / "x").iterdir())]
    try:
        response = client.post("/app/organisation/import/", {"upload": uploads})
    finally:
        for handle in uploads:
            handle.close()
    preview = client.get(response["Location"])
    org_import = OrgImport.objects.get(status=OrgImport.Status.PREVIEWED)  # the command's is applied already
    confirmed = client.post(f"/app/organisation/import/{org_import.pk}/bekraeft/", follow=True)

    assert Person.objects.filter(municipality__code="751").count() == 80 + 3  # plus the personas' people
    everything = "\n".join([stored_text(), dry.stdout, dry.stderr, real.stdout, real.stderr,
                            preview.content.decode(), confirmed.content.decode()])
    leaked = [cpr for cpr in cprs if cpr in everything or f"{cpr[:6]}-{cpr[6:]}" in everything]
    assert leaked == []


def test_cpr_numbers_of_the_hand_written_export_go_nowhere(run_import, tmp_path):
    result = run_import(exports.write(tmp_path), "--show", "-1")
    text = "\n".join([stored_text(), result.stdout, result.stderr])
    assert not [cpr for cpr in exports.FAKE_CPRS if cpr in text]


def test_a_cpr_number_in_the_wrong_column_is_refused_without_being_echoed(rejected, run_import, tmp_path):
    cpr = exports.FAKE_CPRS[3]
    files = exports.edited({exports.PEOPLE: [("Ali Hassan;ali.hassan@soebjerg.example",
                                              f"{cpr[:6]}-{cpr[6:]};{cpr}@soebjerg.example")]})
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(exports.PEOPLE, 5, "Navn"), (exports.PEOPLE, 5, "E-mail")}
    output = run_import(tmp_path).stderr
    assert cpr not in output and cpr[:6] not in output
    assert not [p for p in problems if cpr[:6] in p.text]


def test_a_cpr_number_as_person_id_is_refused(rejected, tmp_path):
    cpr = exports.FAKE_CPRS[0]
    files = exports.edited(
        {
            exports.PEOPLE: [("P1;", f"{cpr};")],
            exports.ENGAGEMENTS: [("E1;P1;", f"E1;{cpr};")],
            exports.MANAGERS: [("P1;BU", f"{cpr};BU")],
        }
    )
    problems = rejected(exports.write(tmp_path, files))
    assert (exports.PEOPLE, 2, "BrugerId") in where(problems)
    assert not [p for p in problems if cpr in p.text]
