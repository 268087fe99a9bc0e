"""Profiles as PDF in Danish and English, read back as text with pypdf."""

import io

import pytest
from pypdf import PdfReader

from digikomp.profiles.models import Profile
from digikomp.profiles.selectors import effective_profile

pytestmark = pytest.mark.django_db


def pdf_text(response) -> tuple[str, int]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), len(reader.pages)


def test_a_national_profile_in_danish(client, shipped_norm):
    response = client.get("/normen/profiler/laerer/pdf/da/")
    assert response["Content-Disposition"] == 'inline; filename="laerer-da.pdf"'
    content, pages = pdf_text(response)
    assert "Lærer" in content
    assert "Læreren i folkeskolen" in content  # the description
    effective = effective_profile(Profile.objects.get(owner=None, slug="laerer"), None, shipped_norm)
    for competence, _item in effective.rows():
        assert f"{competence.code} {competence.title_da}" in content, competence.code
    for name in ("Begynder", "Øvet", "Rutineret", "Ekspert"):
        assert name in content
    assert "Kommunernes digitale kompetencemodel 1.0" in content  # framework version
    assert "Alle medarbejdere" in content
    assert f"1 of {pages}" in content or f"1 af {pages}" in content  # page numbers from @page
    assert "Basic use of workplace IT" not in content


def test_a_national_profile_in_english(client, shipped_norm):
    response = client.get("/normen/profiler/laerer/pdf/en/")
    assert response["Content-Disposition"] == 'inline; filename="laerer-en.pdf"'
    content, pages = pdf_text(response)
    assert "Teacher" in content
    effective = effective_profile(Profile.objects.get(owner=None, slug="laerer"), None, shipped_norm)
    for competence, _item in effective.rows():
        assert f"{competence.code} {competence.title_en}" in content, competence.code
    for name in ("Beginner", "Practised", "Proficient", "Expert"):
        assert name in content
    assert "The Municipalities' Digital Competence Model 1.0" in content
    assert "Required competences" in content and f"Page 1 of {pages}" in content
    assert "Basal brug af arbejdspladsens it" not in content


def test_the_pdf_language_does_not_follow_the_visitors_language(shipped_norm):
    from django.test import Client

    client = Client()
    client.cookies["digikomp_language"] = "en"
    content, _pages = pdf_text(client.get("/normen/profiler/laerer/pdf/da/"))
    assert "Basal brug af arbejdspladsens it" in content
    # ...and the page the visitor returns to is still in their language.
    assert "Basic use of workplace IT" in client.get("/normen/profiler/laerer/").content.decode()


def test_an_adapted_profile_shows_its_deviations_in_both_languages(client, adapted):
    response = client.get("/normen/kommuner/751/profiler/sygeplejerske/pdf/da/")
    assert response["Content-Disposition"] == 'inline; filename="751-sygeplejerske-da.pdf"'
    danish, _pages = pdf_text(response)
    assert "Sygeplejerske i Aarhus" in danish and "Aarhus bruger Cura som omsorgssystem." in danish
    assert adapted.raised.title_da in danish and adapted.added.title_da in danish
    assert "Rutineret" in danish

    english, _pages = pdf_text(client.get("/normen/kommuner/751/profiler/sygeplejerske/pdf/en/"))
    assert "Sygeplejerske i Aarhus" in english  # the local name is the municipality's own words
    assert adapted.raised.title_en in english and adapted.removed.title_en in english
    assert "Deviations from the national norm" in english
    assert "Raised from" in english and "Lowered from" in english and "not in the norm" in english
    assert "Removed (the norm requires" in english


def test_a_local_profile_as_pdf(client, local_profile):
    content, _pages = pdf_text(client.get("/normen/kommuner/751/profiler/velfaerdsteknolog/pdf/en/"))
    assert "Welfare technologist" in content and "Tests and introduces welfare technology" in content
    assert "Local role profile" in content


def test_no_pdf_of_what_is_not_public(client, shipped_norm):
    assert client.get("/normen/profiler/findes-ikke/pdf/da/").status_code == 404
    assert client.get("/normen/profiler/laerer/pdf/de/").status_code == 404
    assert client.get("/normen/kommuner/751/profiler/laerer/pdf/da/").status_code == 404
