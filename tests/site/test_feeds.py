"""The Atom feeds of news (/feeds/nyheder/) and of new cases (/katalog/feed/) parse and hold the items."""

import xml.etree.ElementTree as ET

import pytest

from digikomp.site.models import NewsPage
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text and root.find(f"{ATOM}id").text and root.find(f"{ATOM}updated").text
    return root


def test_the_news_feed_has_every_news_item_newest_first(client, demo_site):
    root = _feed(client, "/feeds/nyheder/")
    entries = root.findall(f"{ATOM}entry")
    expected = list(NewsPage.objects.order_by("-date"))
    assert [e.find(f"{ATOM}title").text for e in entries] == [p.title for p in expected]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver{expected[0].url}"
    assert first.find(f"{ATOM}summary").text == expected[0].intro_da
    assert first.find(f"{ATOM}id").text and first.find(f"{ATOM}updated").text


def test_a_news_item_not_yet_published_is_not_in_the_feed(client, demo_site):
    page = NewsPage.objects.first()
    page.unpublish()
    titles = [e.find(f"{ATOM}title").text for e in _feed(client, "/feeds/nyheder/").findall(f"{ATOM}entry")]
    assert page.title not in titles


def test_the_case_feed_has_the_published_cases_only(client):
    make_case(title="Digitale ambassadører i hjemmeplejen", slug="ambassadoerer")
    make_case(title="Kladde om it-café", slug="kladde", publish=False)
    root = _feed(client, "/katalog/feed/")
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Digitale ambassadører i hjemmeplejen"]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/katalog/ambassadoerer/"
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Aarhus"
    assert [c.get("term") for c in entries[0].findall(f"{ATOM}category")] == ["Medarbejdere i sundhed og omsorg"]
