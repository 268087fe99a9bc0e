"""The demo's site content is consistent and real: the model's numbers are counted from the database, the
publications are tagged multi-page PDFs rendered from real content (never placeholders), "Om DigiKomp" is a
page, and /favicon.ico answers with an image."""

import io

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader
from wagtail.documents.models import Document
from wagtail.models import Collection

from digikomp.demo.catalogue import seed_catalogue
from digikomp.demo.site_content import seed_site
from digikomp.site.models import NewsPage, PublicationIndexPage, PublicationPage, StandardPage
from tests.pdf_ua import assert_pdf_ua
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db


def document_bytes(page) -> bytes:
    with page.document.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def seeded(shipped_norm):
    seed_catalogue()
    seed_site()
    return shipped_norm


def test_the_publications_are_real_tagged_pdfs_with_their_page_counts(client, seeded):
    pages = list(PublicationPage.objects.live())
    assert {p.slug for p in pages} == {"kompetencemodellen-som-pdf", "rolleprofilerne-i-overblik",
                                       "vejledning-i-lokal-tilpasning", "inspirationskataloget-i-overblik"}
    for page in pages:
        data = document_bytes(page)
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 2, page.slug
        assert page.pages == len(reader.pages), page.slug  # the stated page count is the document's
        assert_pdf_ua(data, language="da", title=page.title.split(":")[0],
                      tables=page.slug not in ("vejledning-i-lokal-tilpasning", "inspirationskataloget-i-overblik"))
        # The public page links a file that downloads.
        response = client.get(page.document.url)
        assert b"".join(response.streaming_content) == data


def test_the_model_publication_holds_every_competence_and_the_profiles_overview_every_profile(seeded):
    version = seeded.framework_version
    model = PublicationPage.objects.get(slug="kompetencemodellen-som-pdf")
    content = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(document_bytes(model))).pages).split())
    for competence in version.competences.all():
        assert f"{competence.code} {competence.title_da}" in content, competence.code
    overview = PublicationPage.objects.get(slug="rolleprofilerne-i-overblik")
    content = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(document_bytes(overview))).pages).split())
    for revision in seeded.revisions.filter(profile__owner__isnull=True):
        assert revision.name_da in content, revision.name_da


def test_the_news_counts_the_model_from_the_database(client, seeded):
    version = seeded.framework_version
    news = NewsPage.objects.get(slug="ny-version-af-kompetencemodellen")
    assert f"{version.competences.count()} kompetencer" in news.intro_da
    assert f"{version.areas.filter(parent__isnull=True).count()} hovedområder" in news.intro_da
    for area in version.areas.filter(parent__isnull=True):
        assert area.title_da in news.intro_da
    assert "40 kompetencer" not in text(client.get(news.url))


def test_a_placeholder_of_an_earlier_demo_is_replaced(shipped_norm):
    seed_site()
    PublicationPage.objects.filter(slug="vejledning-i-lokal-tilpasning").delete()
    document = Document(title="Gammel", collection=Collection.get_first_root_node())
    document.file.save("gammel.pdf", ContentFile(b"%PDF-1.4 placeholder"), save=False)
    document.save()
    index = PublicationIndexPage.objects.get()
    index.add_child(instance=PublicationPage(title="Gammel", slug="borgernes-digitale-parathed-analyse",
                                             document=document))
    seed_site()
    assert not PublicationPage.objects.filter(slug="borgernes-digitale-parathed-analyse").exists()
    assert not Document.objects.filter(title="Gammel").exists()
    guide = PublicationPage.objects.get(slug="vejledning-i-lokal-tilpasning")
    assert len(document_bytes(guide)) > 5000


def test_the_about_page_says_who_what_why_the_licence_and_how_to_reach_us(client, seeded):
    page = StandardPage.objects.get(slug="om-digikomp")
    response = client.get(page.url)
    content = text(response)
    for heading in ("Hvem vi er", "Hvad DigiKomp gør", "Vores mission", "Modellen, licens og kilder", "Kontakt"):
        assert find(response, "h2", string=heading) or heading in content, heading
    assert "CC BY 4.0" in content and "DigComp 2.2" in content
    assert find(response, "a", href="mailto:sekretariat@digikomp.example")
    english = Client_in_english()
    assert "Who we are" in text(english.get(page.url))


def Client_in_english():  # noqa: N802
    from django.test import Client

    client = Client()
    client.cookies["digikomp_language"] = "en"
    return client


def test_the_favicon_is_an_image_at_the_address_browsers_ask_for(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg") and b"<title>DigiKomp</title>" in response.content
    page = client.get("/konto/login/")
    assert find(page, "link", rel="icon")

