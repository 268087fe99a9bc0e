"""The Wagtail admin speaks Danish where an editor works: Wagtail's own Danish catalogue leaves most of the admin
in English, and locale_wagtail/ fills the gaps (settings.LOCALE_PATHS)."""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from digikomp.site.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

# English seen in the CMS by editors (issue 11), and more of the same kind.
ENGLISH = ["Documents", "Reports", "Help", "Page title", "More actions", "Toggle preview",
           "The page could not be created due to validation errors", "Images", "Add a document",
           "Toggle side panel", "Toggle sidebar", "Schedule to publish", "Comments", "Workflows",
           "Locked pages", "Aging pages", "Site history", "Page types usage", "Keyboard shortcuts",
           "Usage", "Add an image", "Bulk actions", "Select all", "Editor Guide",
           "Preview in new tab", "Set schedule", "Privacy changes apply to all children of this page too."]


def _visible_text(html: str) -> str:
    """What a person reads or hears: the text, and the labels, titles and placeholders of elements."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "svg"]):
        hidden.decompose()
    labels = [str(el.get(attr)) for attr in ("aria-label", "title", "placeholder", "alt")
              for el in soup.find_all(attrs={attr: True})]
    return " ".join([soup.get_text(" "), *labels])


@pytest.fixture
def cms(client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = NewsIndexPage.objects.get()
    page = NewsPage(title="En nyhed", slug="en-nyhed", live=True)
    index.add_child(instance=page)
    page.save_revision().publish()
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    Image.objects.create(title="Et billede", file=ContentFile(buffer.getvalue(), name="billede.png"))
    Document.objects.create(title="Et dokument", file=ContentFile(b"%PDF-1.4", name="dokument.pdf"))
    return client_for("national_editor"), index, page


def test_the_editor_sees_no_english_on_the_pages_of_the_cms(cms):
    editor, index, page = cms
    urls = ["/cms/", "/cms/pages/", f"/cms/pages/{index.pk}/", f"/cms/pages/{page.pk}/edit/",
            f"/cms/pages/add/site/newspage/{index.pk}/", f"/cms/pages/{page.pk}/history/", "/cms/documents/",
            "/cms/images/", "/cms/documents/multiple/add/", "/cms/images/multiple/add/", "/cms/reports/locked/",
            "/cms/reports/site-history/", "/cms/reports/aging-pages/", "/cms/reports/page-types-usage/"]
    found = []
    for url in urls:
        response = editor.get(url)
        assert response.status_code == 200, url
        text = " ".join(_visible_text(response.content.decode()).split())
        found += [f"{url}: {english!r}" for english in ENGLISH if english in text]
    assert not found, "English in the Danish CMS:\n" + "\n".join(found)


def test_a_page_with_errors_says_so_in_danish(cms):
    editor, index, _ = cms
    response = editor.post(f"/cms/pages/add/site/newspage/{index.pk}/",
                           {"title": "", "slug": "", "body_da-count": "0", "body_en-count": "0",
                            "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"})
    text = _visible_text(response.content.decode())
    assert "Siden kunne ikke oprettes på grund af valideringsfejl." in text
    assert "validation errors" not in text


def test_the_admins_scripts_read_danish_too(cms):
    editor, _, _ = cms
    catalogue = editor.get("/cms/jsi18n/").content.decode()
    for danish in ("Vis/skjul sidepanel", "Indsæt en blok", "Gemmer automatisk…"):
        assert json.dumps(danish) in catalogue, danish
