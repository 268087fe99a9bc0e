"""English pages: where a news item, an event or a case has no English text, the page shows the Danish, says
so once, and marks that text as Danish for screen readers."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from digikomp.site.models import NewsIndexPage, NewsPage
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db

NOTICE = "This content is available in Danish only."


def _get(client, url: str, language: str) -> BeautifulSoup:
    client.cookies["digikomp_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def news(db):
    index = NewsIndexPage.objects.get()
    danish = NewsPage(title="Kun på dansk", slug="kun-paa-dansk", intro_da="En dansk indledning.",
                      date=datetime.date(2026, 12, 1))
    both = NewsPage(title="På begge sprog", title_en="In both languages", slug="paa-begge-sprog",
                    intro_da="Dansk.", intro_en="English.", date=datetime.date(2026, 12, 2))
    index.add_child(instance=danish)
    index.add_child(instance=both)
    return danish, both


def test_a_danish_only_news_item_says_so_once_on_the_english_page(client, news):
    danish, _ = news
    page = _get(client, danish.url, "en")
    assert page.get_text().count(NOTICE) == 1
    article = page.find("article")
    assert article["lang"] == "da" and "En dansk indledning." in article.get_text()


def test_the_english_news_list_marks_the_danish_items(client, news):
    danish, both = news
    listing = _get(client, danish.get_parent().url, "en")
    items = {li.find("h2").get_text(strip=True): li for li in listing.select(".article-list > li")}
    assert items["Kun på dansk"]["lang"] == "da" and not items["In both languages"].has_attr("lang")


def test_a_translated_item_and_the_danish_page_say_nothing(client, news):
    danish, both = news
    english = _get(client, both.url, "en")
    assert NOTICE not in english.get_text() and "In both languages" in english.find("h1").get_text()
    assert not english.find("article").has_attr("lang")
    dansk = _get(client, danish.url, "da")
    assert "Dette indhold findes kun på dansk." not in dansk.get_text()


def test_a_case_is_danish_and_says_so_in_english(client, shipped_norm):
    case = make_case(title="Ambassadører i hjemmeplejen")
    page = _get(client, f"/katalog/{case.slug}/", "en")
    assert page.get_text().count(NOTICE) == 1 and page.find("article")["lang"] == "da"
    assert NOTICE not in _get(client, f"/katalog/{case.slug}/", "da").get_text()
    listing = _get(client, "/katalog/", "en")
    assert listing.select_one(".case-item-title")["lang"] == "da"
