"""The import pages: upload, preview, confirm, discard, template downloads; who may use them."""

import io
import zipfile

from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.orgimport.models import OrgImport
from digikomp.tenancy.models import OrgUnit, Person
from tests.orgimport import exports

UPLOAD = "/app/organisation/import/"


def files_for_upload(files=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return [
        SimpleUploadedFile(name, data, content_type="text/csv") for name, data in exports.as_uploads(files)
    ]


def zipped(files=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in exports.as_uploads(files):
            archive.writestr(f"eksport/{name}", data)
    return buffer.getvalue()


def test_the_upload_page_offers_the_form_and_the_templates(client_for):
    response = client_for("municipal_admin").get(UPLOAD)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file" name="upload" id="id_upload" multiple' in html
    assert 'aria-describedby="id_upload_helptext"' in html
    assert reverse("orgimport:template_csv") in html and reverse("orgimport:template_xlsx") in html


def test_upload_preview_and_confirm(client_for, world):
    client = client_for("municipal_admin")
    response = client.post(UPLOAD, {"upload": files_for_upload()})
    org_import = OrgImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "orgimport:preview", args=[org_import.pk]
    )
    assert org_import.status == "previewed" and org_import.uploaded_by == world.user("municipal_admin")
    assert not Person.objects.filter(external_id="P6").exists()  # nothing stored before confirmation

    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Skovvangskolen" in html and "Mette Holm" in html
    assert reverse("orgimport:confirm", args=[org_import.pk]) in html
    # The personas' world has units HJP, SKO and people P1-P3 with the file's ids: those are updated, the rest
    # of the personas' units (AAR, SOC, BOU) are not in the file and will be deactivated.
    counts = org_import.summary["counts"]
    assert (counts["units_created"], counts["units_deactivated"], counts["units_moved"]) == (4, 3, 2)
    assert (counts["people_created"], counts["people_moved"]) == (3, 2)  # P2 works in SKO already
    # 3 of the 5 active units are deactivated: more than 20 %, so the page asks for a second confirmation
    # (test_confirmation.py has the whole of it).
    assert org_import.summary["deactivation"] == {"people": 0, "people_active": 3, "units": 3, "units_active": 5}
    assert "Ja, deaktivér 3 af 5 enheder" in html

    confirmed = client.post(reverse("orgimport:confirm", args=[org_import.pk]), {"deactivation": "0-3-3-5"})
    assert confirmed.status_code == 302
    org_import.refresh_from_db()
    assert org_import.status == "applied" and org_import.applied_at is not None
    assert Person.objects.get(municipality=world.aarhus, external_id="P3").primary_unit.external_id == "SFO"
    assert not OrgUnit.objects.get(municipality=world.aarhus, external_id="SOC").active
    entry = AuditEntry.objects.get(action="org.import")
    assert entry.actor == world.user("municipal_admin") and entry.municipality == world.aarhus

    again = client.post(reverse("orgimport:confirm", args=[org_import.pk]), follow=True)
    assert "allerede" in again.content.decode()  # applied once only
    assert AuditEntry.objects.filter(action="org.import").count() == 1


def test_the_upload_still_needs_the_csrf_token(client_for, world):
    from django.test import Client

    # The view sets its own upload handlers, so it checks the token itself rather than the middleware.
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("municipal_admin"))
    assert client.post(UPLOAD, {"upload": files_for_upload()}).status_code == 403
    assert not OrgImport.objects.exists()
    page = client.get(UPLOAD)
    token = page.cookies["csrftoken"].value
    response = client.post(UPLOAD, {"upload": files_for_upload(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and OrgImport.objects.count() == 1


def test_a_zip_file_works_like_the_five_files(client_for, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for("municipal_admin")
    response = client.post(UPLOAD, {"upload": [SimpleUploadedFile("eksport.zip", zipped())]})
    assert response.status_code == 302
    assert OrgImport.objects.get().summary["counts"]["units_created"] == 4


def test_a_template_file_can_be_uploaded(client_for, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from digikomp.orgimport.template import template_xlsx

    response = client_for("municipal_admin").post(
        UPLOAD, {"upload": [SimpleUploadedFile("org.xlsx", template_xlsx())]}
    )
    assert response.status_code == 302
    assert OrgImport.objects.get().source == "template"


def test_problems_are_shown_in_a_table_and_nothing_is_stored(client_for, world):
    files = exports.edited({exports.ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ")],
                            exports.PEOPLE: [("ali.hassan@soebjerg.example", "ali@@x")]})
    response = client_for("municipal_admin").post(UPLOAD, {"upload": files_for_upload(files)})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "<th scope=\"col\">Fil</th>" in html
    assert (
        "<td>plan2learn_engagement.csv</td>\n            <td>10</td>\n            <td>AfdelingsId</td>"
        in html
    )
    assert "Enheden “XYZ” findes ikke i plan2learn_organisation.csv." in html
    assert "<td>plan2learn_bruger.csv</td>\n            <td>5</td>\n            <td>E-mail</td>" in html
    assert not OrgImport.objects.exists()
    assert not Person.objects.filter(external_id="P6").exists()


def test_problems_follow_the_language_of_the_page(client_for, world, settings):
    files = exports.edited({exports.ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ")]})
    client = client_for("municipal_admin")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.post(UPLOAD, {"upload": files_for_upload(files)}).content.decode()
    assert "The unit “XYZ” is not in plan2learn_organisation.csv." in html


def test_an_upload_that_is_not_an_export_is_explained(client_for, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for("municipal_admin").post(
        UPLOAD, {"upload": [SimpleUploadedFile("notes.txt", b"hej")]}
    )
    assert response.status_code == 200 and "notes.txt" in response.content.decode()
    assert not OrgImport.objects.exists()


def test_an_empty_form_says_what_is_missing(client_for, world):
    response = client_for("municipal_admin").post(UPLOAD, {})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_upload_error"' in html and 'aria-invalid="true"' in html


def test_discarding_stores_nothing(client_for, world):
    client = client_for("municipal_admin")
    client.post(UPLOAD, {"upload": files_for_upload()})
    org_import = OrgImport.objects.get()
    response = client.post(reverse("orgimport:discard", args=[org_import.pk]))
    assert response.status_code == 302
    org_import.refresh_from_db()
    assert org_import.status == "discarded" and org_import.snapshot == {}
    assert not Person.objects.filter(external_id="P6").exists()
    assert client.post(reverse("orgimport:confirm", args=[org_import.pk])).status_code == 302
    assert not Person.objects.filter(external_id="P6").exists()


def test_an_admin_of_another_municipality_gets_404(client_for, world):
    client_for("municipal_admin").post(UPLOAD, {"upload": files_for_upload()})
    org_import = OrgImport.objects.get()
    other = client_for("other_admin")
    assert other.get(reverse("orgimport:preview", args=[org_import.pk])).status_code == 404
    assert other.post(reverse("orgimport:confirm", args=[org_import.pk])).status_code == 404
    assert other.post(reverse("orgimport:discard", args=[org_import.pk])).status_code == 404
    org_import.refresh_from_db()
    assert org_import.status == "previewed"
    assert "Søbjerg" not in other.get(UPLOAD).content.decode()  # not in their list of recent imports


def test_template_downloads(client_for):
    client = client_for("municipal_admin")
    csv_response = client.get(reverse("orgimport:template_csv"))
    assert csv_response["Content-Type"].startswith("text/csv")
    assert 'filename="digikomp-organisation.csv"' in csv_response["Content-Disposition"]
    xlsx_response = client.get(reverse("orgimport:template_xlsx"))
    assert xlsx_response.content.startswith(b"PK")
