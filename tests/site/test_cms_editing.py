"""Editing pages in the CMS: live preview may be framed by the CMS itself and by nobody else, and a page whose
address (slug) was left empty gets one from its Danish title on the server."""

from __future__ import annotations

import pytest
from django.test import Client

from digikomp.lib.slugs import danish_slugify
from digikomp.site.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def _news_form(title: str, slug: str = "", **extra) -> dict:
    return {"title": title, "slug": slug, "title_en": "", "intro_da": "Kort indledning.", "intro_en": "",
            "date": "2026-11-01", "body_da-count": "0", "body_en-count": "0", "seo_title": "",
            "search_description": "", "comment_notifications": "", "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "1000",
            **extra}


@pytest.fixture
def news(db):
    page = NewsPage(title="Forhåndsvist nyhed", slug="forhaandsvist-nyhed", live=True)
    NewsIndexPage.objects.get().add_child(instance=page)
    page.save_revision()
    return page


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split(maxsplit=1)[1] for part in policy.split("; ") if part.strip()}


def test_the_preview_may_be_framed_by_the_cms_only(client_for, news):
    editor = client_for("national_editor")
    url = f"/cms/pages/{news.pk}/edit/preview/"
    assert editor.post(url, _news_form("Forhåndsvist nyhed", "forhaandsvist-nyhed")).json()["is_valid"]
    response = editor.get(url + "?mode=")
    assert response.status_code == 200 and "Forhåndsvist nyhed" in response.content.decode()
    directives = _directives(response)
    assert directives["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # the preview is the public page's markup under the public page's strict policy otherwise
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-inline" not in directives["style-src"]


def test_everything_else_stays_unframable(client_for, news):
    editor = client_for("national_editor")
    for client, path in ((Client(), news.url), (editor, news.url), (editor, "/"), (editor, "/katalog/"),
                         (editor, "/app/")):
        response = client.get(path)
        assert _directives(response)["frame-ancestors"] == "'none'", path
        assert response["X-Frame-Options"] == "DENY", path


@pytest.mark.parametrize(("title", "slug"), [
    ("Ældre borgere får hjælp på øen", "aeldre-borgere-faar-hjaelp-paa-oeen"),
    ("  Kompetencer: hvad nu?  ", "kompetencer-hvad-nu"),
    ("Straße", "strasse"),
])
def test_danish_slugify_writes_danish_letters_out(title, slug):
    assert danish_slugify(title) == slug


def test_a_long_title_is_cut_between_words():
    slug = danish_slugify("kompetenceudvikling " * 10)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.split("-")[-1] == "kompetenceudvikling"


def test_a_page_saved_with_an_empty_slug_gets_one_from_its_title(client_for):
    editor = client_for("national_editor")
    index = NewsIndexPage.objects.get()
    url = f"/cms/pages/add/site/newspage/{index.pk}/"
    response = editor.post(url, _news_form("Ældre medarbejdere lærer nyt", **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(title="Ældre medarbejdere lærer nyt")
    assert page.slug == "aeldre-medarbejdere-laerer-nyt" and page.live
    # the same title again: an address of its own among the siblings
    response = editor.post(url, _news_form("Ældre medarbejdere lærer nyt", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert set(NewsPage.objects.filter(title="Ældre medarbejdere lærer nyt").values_list("slug", flat=True)) == {
        "aeldre-medarbejdere-laerer-nyt", "aeldre-medarbejdere-laerer-nyt-2"}


def test_a_reserved_address_is_skipped_when_the_slug_is_made_from_the_title(client_for):
    from digikomp.site.models import HomePage

    editor = client_for("national_editor")
    home = HomePage.objects.get()
    response = editor.post(f"/cms/pages/add/site/standardpage/{home.pk}/",
                           {**_news_form("App"), **{"action-publish": "1"}})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert home.get_children().get(title="App").slug == "app-2"


def test_an_invalid_page_shows_its_errors_above_the_form(client_for):
    editor = client_for("national_editor")
    index = NewsIndexPage.objects.get()
    response = editor.post(f"/cms/pages/add/site/newspage/{index.pk}/", _news_form("", date=""))
    page = response.content.decode()
    assert response.status_code == 200 and not NewsPage.objects.filter(title="").exists()
    # Wagtail's own summary, at the top of the editor, in Danish
    assert "Siden kunne ikke oprettes på grund af valideringsfejl" in page
