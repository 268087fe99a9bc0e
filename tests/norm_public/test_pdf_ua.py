"""Every PDF of the norm is a tagged PDF/UA-1 document, read back with pypdf (tests/pdf_ua.py): the model as a
PDF in both languages with every competence, and the national and adapted role profiles."""

import pytest
from django.urls import reverse

from tests.norm_public.test_pdf import pdf_text
from tests.pdf_ua import assert_pdf_ua

pytestmark = pytest.mark.django_db


def model_pdf_url(release, language: str) -> str:
    version = release.framework_version
    return reverse("norm:framework_pdf", args=[version.framework.slug, version.version, language])


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_model_as_pdf_holds_every_competence_and_level(client, shipped_norm, language):
    version = shipped_norm.framework_version
    response = client.get(model_pdf_url(shipped_norm, language))
    assert response["Content-Disposition"] == \
        f'inline; filename="{version.framework.slug}-{version.version}-{language}.pdf"'
    content, pages = pdf_text(response)
    assert pages > 5
    title = version.title_da if language == "da" else version.title_en
    structure = assert_pdf_ua(response.content, language=language, title=f"{title} {version.version}",
                              headings=("H1", "H2", "H3"))
    competences = list(version.competences.all())
    # One heading per area and per competence (below the scale's h2), one table per competence plus the scale.
    headings = sum(structure.tags[f"H{n}"] for n in range(2, 7))
    assert structure.tags["H1"] == 1
    assert headings >= 1 + version.areas.count() + len(competences)
    assert structure.tags["Table"] == len(competences) + 1
    for competence in competences:
        name = competence.title_da if language == "da" else competence.title_en
        assert f"{competence.code} {name}" in content, competence.code
    for level in version.levels.all():
        assert level.name_da if language == "da" else level.name_en
    descriptor = competences[0].descriptors.order_by("level__value").last()
    expected = descriptor.text_da if language == "da" else descriptor.text_en
    assert " ".join(expected.split())[:60] in content


def test_the_model_page_links_its_pdf_in_both_languages(client, shipped_norm):
    version = shipped_norm.framework_version
    page = client.get(reverse("norm:framework", args=[version.framework.slug])).content.decode()
    assert model_pdf_url(shipped_norm, "da") in page and model_pdf_url(shipped_norm, "en") in page


def test_the_model_pdf_answers_404_for_a_language_or_version_we_do_not_publish(client, shipped_norm):
    version = shipped_norm.framework_version
    assert client.get(f"/normen/{version.framework.slug}/{version.version}/pdf/de/").status_code == 404
    assert client.get(f"/normen/{version.framework.slug}/99.9/pdf/da/").status_code == 404


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_national_profile_pdf_is_tagged(client, shipped_norm, language):
    response = client.get(f"/normen/profiler/laerer/pdf/{language}/")
    structure = assert_pdf_ua(response.content, language=language,
                              title="Lærer" if language == "da" else "Teacher")
    # The chart is a figure whose alternative text is the SVG's own title.
    assert structure.tags["Figure"] == 1 and structure.figure_alts[0]


def test_an_adapted_profile_pdf_is_tagged(client, adapted):
    response = client.get("/normen/kommuner/751/profiler/sygeplejerske/pdf/da/")
    assert_pdf_ua(response.content, language="da", title="Sygeplejerske i Aarhus")
