"""CASE import through the upload page and `digikomp import-case`: a good package becomes a version, a bad one
is refused with its problems and leaves nothing behind."""

import copy
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.frameworks.case import export_package
from digikomp.frameworks.models import Competence, Framework, FrameworkVersion
from digikomp.frameworks.services import framework_load
from tests.editor.urls import v
from tests.frameworks.builders import framework_data
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db
URL = "/app/redaktion/case-import/"


@pytest.fixture
def package(db) -> dict:
    """An exported package of testmodel 1.0, and the framework deleted: an empty system to import into."""
    version = framework_load(data=framework_data())
    exported = json.loads(json.dumps(export_package(version, "https://digikomp.example/api/v1/case")))
    Framework.objects.all().delete()
    return exported


def cyclic(package: dict) -> dict:
    """Areas A and B each the child of the other."""
    broken = copy.deepcopy(package)
    areas = [i["identifier"] for i in broken["CFItems"] if i["CFItemType"] == "Area"][:2]
    for assoc in broken["CFAssociations"]:
        if assoc["associationType"] == "isChildOf" and assoc["originNodeURI"]["identifier"] in areas:
            other = areas[1] if assoc["originNodeURI"]["identifier"] == areas[0] else areas[0]
            assoc["destinationNodeURI"]["identifier"] = other
    return broken


def upload(client, content: bytes, slug: str = ""):
    return client.post(
        URL, {"package": SimpleUploadedFile("pakke.json", content, "application/json"), "slug": slug}
    )


def test_the_upload_page_has_a_labelled_file_field(editor):
    response = editor.get(reverse("editor:case_import"))
    assert response.status_code == 200
    assert find(response, "input", type="file", name="package", id="id_package")
    assert find(response, "label", **{"for": "id_package"})
    assert find(response, "input", name="package")[0]["aria-describedby"] == "id_package_helptext"


def test_a_good_package_is_imported_and_the_editor_is_taken_to_it(editor, package, world):
    response = upload(editor, json.dumps(package).encode())
    version = FrameworkVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == v("version", version)
    assert version.framework.slug == "testmodel" and version.is_published
    assert Competence.objects.filter(version=version).count() == 4
    assert AuditEntry.objects.get(action="framework.import_case").actor == world.user("national_editor")
    assert "testmodel" in text(editor.get(response["Location"])).lower()


def test_a_draft_package_becomes_an_editable_draft_under_a_new_slug(editor, package):
    package["CFDocument"]["adoptionStatus"] = "Draft"
    response = upload(editor, json.dumps(package).encode(), slug="kopi")
    version = FrameworkVersion.objects.get(framework__slug="kopi")
    assert response.status_code == 302 and version.status == "draft"
    assert editor.get(v("version_edit", version)).status_code == 200


def test_a_malformed_package_is_refused_with_every_problem_and_nothing_is_stored(editor, package):
    broken = cyclic(package)
    del broken["CFItems"][3]["identifier"]
    response = upload(editor, json.dumps(broken).encode())
    assert response.status_code == 200
    page = text(response)
    assert "The package was not imported" in page and "Nothing was stored." in page
    assert "isChildOf forms a cycle" in page and "CFItems[4]: the identifier is missing." in page
    assert find(response, "div", class_="error-summary", role="alert")
    assert not Framework.objects.exists() and not FrameworkVersion.objects.exists()
    assert not AuditEntry.objects.filter(action="framework.import_case").exists()


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"{not json", "The file is not valid JSON (line 1, column 2"),
        ("ø".encode("latin-1"), "The file is not UTF-8 text."),
        (b"[]", "The package is not a JSON object."),
        (b"[" * 3000 + b"]" * 3000, "The JSON is nested more than 64 levels deep."),  # was a RecursionError
    ],
)
def test_a_file_that_is_no_package_is_refused(editor, db, content, problem):
    response = upload(editor, content)
    assert response.status_code == 200 and problem in text(response)
    assert not FrameworkVersion.objects.exists()


def test_a_package_with_an_unreadable_rubric_is_refused_without_a_trace(editor, package):
    package["CFRubrics"][0]["extensions"]["digikomp"]["scale"][0]["value"] = "one"
    response = upload(editor, json.dumps(package).encode())
    assert response.status_code == 200
    assert "The package has a part DigiKomp cannot read" in text(response)
    assert not Framework.objects.exists() and not FrameworkVersion.objects.exists()


def test_importing_the_same_version_twice_is_refused(editor, package):
    upload(editor, json.dumps(package).encode())
    again = upload(editor, json.dumps(package).encode())
    assert again.status_code == 200 and "is already in the system" in text(again)
    assert FrameworkVersion.objects.count() == 1


def test_the_command_imports_a_good_package(package, tmp_path):
    path = tmp_path / "pakke.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    out = io.StringIO()
    call_command("import-case", str(path), "--slug", "fra-fil", "--language", "en", stdout=out)
    version = FrameworkVersion.objects.get()
    assert version.framework.slug == "fra-fil" and version.competences.count() == 4
    assert out.getvalue().strip() == "Imported Testmodel (fra-fil) version 1.0, status: published."


def test_the_command_prints_the_problems_and_exits_with_status_1(package, tmp_path):
    # call_command raises the CommandError that `digikomp` turns into the exit status (its returncode); the
    # command line's own wrapper closes the test database, so it is not used here.
    path = tmp_path / "pakke.json"
    path.write_text(json.dumps(cyclic(package)), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import-case", str(path), "--language", "en", stderr=err)
    assert refused.value.returncode == 1 and str(refused.value).endswith("problems.")
    assert "The package was not imported; nothing was stored." in err.getvalue()
    assert "- isChildOf forms a cycle" in err.getvalue()
    assert not FrameworkVersion.objects.exists() and not Framework.objects.exists()


def test_the_command_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="findes-ikke.json") as refused:
        call_command("import-case", str(tmp_path / "findes-ikke.json"))
    assert refused.value.returncode == 1
