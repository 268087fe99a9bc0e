"""The Atom feeds of news (/feeds/nyheder/) and of new cases (/katalog/feed/) parse and hold the items."""

import xml.etree.ElementTree as ET

import pytest

from digikomp.site.models import NewsPage
from tests.catalogue.helpers import make_case
from tests.site.atom import atom_problems

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert atom_problems(response.content) == []
    return ET.fromstring(response.content)


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


def test_the_validator_finds_what_a_feed_reader_would_choke_on():
    """The rules the feed tests rely on do catch broken feeds: an entry without id, a local date, a repeated id."""
    broken = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>http://x/</id><updated>2026-11-27</updated>
<link href="http://x/feed/" rel="self"/>
<entry><title>a</title><id>http://x/a</id><updated>2026-11-27T10:00:00Z</updated><link href="http://x/a"/>
<author><name>A</name></author></entry>
<entry><title>b</title><id>http://x/a</id><updated>2026-11-27T10:00:00+01:00</updated><link href="http://x/b"/>
</entry>
<entry><title>c</title><updated>2026-11-27T10:00:00Z</updated><link href="http://x/c"/><author><name>C</name></author>
</entry></feed>"""
    problems = atom_problems(broken)
    assert "feed: atom:updated '2026-11-27' is not an RFC 3339 date-time (3.3)" in problems
    assert "entry 2: atom:id http://x/a repeats an earlier entry's" in problems
    assert "entry 2: no atom:author and the feed has none (4.1.1)" in problems
    assert "entry 3: 0 atom:id elements, exactly one is required" in problems
    assert atom_problems(b"<feed") and atom_problems(b"<rss/>") == ["root element is rss, not atom:feed"]
