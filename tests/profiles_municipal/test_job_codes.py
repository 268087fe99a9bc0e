"""Job codes -> profiles through the pages: the list with head counts, the mapping form, CSV export and
import."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.profiles.models import JobProfile, Profile
from digikomp.profiles.municipal import services as local_services
from digikomp.profiles.selectors import profile_for_person
from digikomp.profiles.services import adaptation_get_or_create
from digikomp.tenancy.models import Person
from tests.profiles_municipal.conftest import html

pytestmark = pytest.mark.usefixtures("shipped_norm")

PAGE = reverse("profiles:job_codes")
SAVE = reverse("profiles:job_codes_save")
IMPORT = reverse("profiles:job_codes_import")
CSV = reverse("profiles:job_codes_csv")
SSA = "social-og-sundhedsassistent"


def pk(slug: str) -> str:
    return str(Profile.objects.get(slug=slug).pk)


def map_code(world, code: str, slug: str) -> JobProfile:
    return JobProfile.objects.create(municipality=world.aarhus, job_code=code,
                                     profile=Profile.objects.get(slug=slug))


def upload(text: str):
    return SimpleUploadedFile("stillingskoder.csv", text.encode("utf-8"), content_type="text/csv")


def test_the_page_lists_codes_in_use_with_head_counts_and_profiles(en, world):
    Person.objects.create(municipality=world.aarhus, external_id="P9", name="Eva", job_code="7120",
                          job_title="Social- og sundhedsassistent", primary_unit=world.units["home_care"])
    Person.objects.create(municipality=world.aarhus, external_id="P10", name="Finn",
                          primary_unit=world.units["root"])
    map_code(world, "7120", SSA)
    response = en("manager").get(PAGE)
    assert response.status_code == 200
    rows = {row["job_code"]: row for row in response.context["rows"]}
    assert set(rows) == {"7120", "1410", "9000"}  # Aarhus only
    assert rows["7120"]["people"] == 2 and rows["7120"]["profile_name"] == "Social and healthcare assistant"
    assert response.context["mapped_people"] == 2 and response.context["unmapped_people"] == 2
    assert response.context["without_code"] == 1
    page = html(response)
    link = reverse("profiles:national", kwargs={"slug": SSA})
    assert f'href="{link}">Social and healthcare assistant</a>' in page
    assert "<select" not in page and SAVE not in page  # a manager reads, never changes


def test_map_job_codes_with_the_form(en, world):
    local = local_services.local_profile_create(municipality=world.aarhus, name_da="Skolelærer",
                                                slug="skolelaerer")
    adaptation = adaptation_get_or_create(municipality=world.aarhus, profile=Profile.objects.get(slug=SSA))
    adaptation.local_name = "SOSU-assistent"
    adaptation.save()
    client = en("hr")
    page = html(client.get(PAGE))
    assert 'name="code-7120"' in page and "SOSU-assistent" in page and "Skolelærer" in page
    response = client.post(SAVE, {"code-7120": pk(SSA), "code-1410": str(local.pk), "code-9000": ""})
    assert response.status_code == 302
    assert profile_for_person(world.people["anna"]).slug == SSA
    assert profile_for_person(world.people["bo"]) == local
    assert profile_for_person(world.people["carla"]).slug == "alle-medarbejdere"  # unmapped: the default
    assert AuditEntry.objects.filter(action="profile.jobcode", municipality=world.aarhus).count() == 2
    page = html(client.get(PAGE))
    assert "SOSU-assistent" in page  # the person's effective profile carries the local name

    # Unmapping a code again: back to the profile every employee has.
    client.post(SAVE, {"code-7120": "", "code-1410": str(local.pk), "code-9000": ""})
    assert profile_for_person(world.people["anna"]).slug == "alle-medarbejdere"


def test_a_profile_of_another_municipality_is_refused(en, world):
    theirs = local_services.local_profile_create(municipality=world.kobenhavn, name_da="Bibliotekar KBH")
    response = en("municipal_admin").post(SAVE, {"code-7120": str(theirs.pk)})
    assert response.status_code == 200
    assert "Profile for job code 7120: Choose one of your municipality&#x27;s profiles." in html(response)
    assert not JobProfile.objects.exists()


def test_export_and_import_round_trip(en, world):
    map_code(world, "7120", SSA)
    client = en("municipal_admin")
    response = client.get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="stillingskoder-751.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines() == ["stillingskode;profil;stillingsbetegnelse",
                                 f"7120;{SSA};Social- og sundhedsassistent"]

    # Check first: a preview, nothing stored yet.
    text += "1410;laerer;Lærer\n"
    response = client.post(IMPORT, {"file": upload(text)})
    page = html(response)
    assert response.status_code == 200 and "The file is correct. Importing it maps 2 job codes" in page
    assert "Teacher" in page and "9000" in page  # the code in use the file leaves unmapped
    assert JobProfile.objects.count() == 1
    data = response.context["data"]

    response = client.post(IMPORT, {"data": data, "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == PAGE
    mapping = dict(JobProfile.objects.values_list("job_code", "profile__slug"))
    assert mapping == {"7120": SSA, "1410": "laerer"}
    assert AuditEntry.objects.filter(action="profile.jobcode.import").count() == 1


def test_an_import_with_bad_rows_shows_every_problem_and_stores_nothing(en, world):
    map_code(world, "1410", "laerer")
    text = f"stillingskode;profil\n7120;{SSA}\n7120;laerer\n;laerer\n9000;findes-ikke\n"
    response = en("municipal_admin").post(IMPORT, {"file": upload(text)})
    assert response.status_code == 200
    problems = {(p.line, p.column) for p in response.context["problems"]}
    assert problems == {(3, "stillingskode"), (4, "stillingskode"), (5, "profil")}
    page = html(response)
    assert "We found 3 problems. Nothing was stored." in page and "There is no profile findes-ikke." in page
    assert 'name="confirm"' not in page
    assert list(JobProfile.objects.values_list("job_code", flat=True)) == ["1410"]


def test_a_tampered_confirmation_is_checked_again(en, world):
    bad = base64.b64encode(b"stillingskode;profil\n7120;findes-ikke\n").decode()
    response = en("municipal_admin").post(IMPORT, {"data": bad, "confirm": "1"})
    assert response.status_code == 200 and "There is no profile findes-ikke." in html(response)
    response = en("municipal_admin").post(IMPORT, {"data": "%%%", "confirm": "1"})
    assert response.status_code == 200 and "Upload the file again." in html(response)
    response = en("municipal_admin").post(IMPORT, {})
    assert "CSV file: Choose a CSV file." in html(response)
    assert not JobProfile.objects.exists()


def test_the_mapping_is_per_municipality(en, world):
    map_code(world, "7120", SSA)
    other = en("other_admin")
    assert other.get(PAGE).context["rows"] == []  # København's one person has no job code
    assert "7120" not in other.get(CSV).content.decode()
    other.post(IMPORT, {"data": base64.b64encode(b"stillingskode;profil\n5555;laerer\n").decode(),
                        "confirm": "1"})
    assert JobProfile.objects.get(municipality=world.aarhus).job_code == "7120"  # Aarhus's mapping untouched
    assert JobProfile.objects.get(municipality=world.kobenhavn).job_code == "5555"


def test_a_manager_cannot_change_the_mapping(en, world):
    manager = en("manager")
    assert manager.post(SAVE, {"code-7120": pk(SSA)}).status_code == 403
    assert manager.get(IMPORT).status_code == 403
    assert manager.post(IMPORT, {"file": upload(f"stillingskode;profil\n7120;{SSA}\n")}).status_code == 403
    assert not JobProfile.objects.exists()
