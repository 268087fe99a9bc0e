"""Every public norm page: open to all, WCAG-minded markup, and nothing the CSP would block."""

import re
from collections import Counter
from itertools import pairwise

import pytest

from tests.norm_public.conftest import MODEL
from tests.personas import PERSONAS
from tests.web.markup import find, tags

pytestmark = pytest.mark.django_db

PAGES = [
    "/normen/",
    f"/normen/{MODEL}/",
    f"/normen/{MODEL}/1.0/",
    f"/normen/{MODEL}/1.0/kompetencer/B3.2/",
    "/normen/digcomp-2-2/",
    "/normen/digcomp-2-2/2.2/kompetencer/4.2/",
    "/normen/profiler/",
    "/normen/profiler/laerer/",
    "/normen/profiler/alle-medarbejdere/",
    "/normen/kommuner/751/profiler/",
    "/normen/kommuner/751/profiler/sygeplejerske/",
    "/normen/kommuner/751/profiler/velfaerdsteknolog/",
]


@pytest.fixture
def pages(client, adapted, local_profile):
    return {url: client.get(url) for url in PAGES}


def test_pages_are_valid_enough_and_accessible(pages):
    for url, response in pages.items():
        assert response.status_code == 200, url
        html = response.content.decode()
        # Strict CSP: no inline style or script, no event handler attributes.
        assert " style=" not in html and "<style" not in html, url
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], url
        assert not re.search(r"\son[a-z]+=", html), url
        assert html.count("<h1") == 1, url
        assert re.search(r"<title>[^<]+ · DigiKomp</title>", html), url
        ids = [attrs["id"] for _tag, attrs in tags(response) if "id" in attrs]
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates, (url, duplicates)
        # Every aria-labelledby points at elements on the page.
        for _tag, attrs in tags(response):
            for ref in attrs.get("aria-labelledby", "").split():
                assert ref in ids, (url, ref)
        # Tables: a caption each, and every header cell says what it heads.
        assert html.count("<table") == html.count("<caption"), url
        for th in find(response, "th"):
            assert th.get("scope") in ("col", "row"), url
        # Headings do not skip a level on the way down.
        levels = [int(tag[1]) for tag, _attrs in tags(response) if re.fullmatch(r"h[1-6]", tag)]
        for before, after in pairwise(levels):
            assert after <= before + 1, (url, levels)


def test_every_chart_is_a_labelled_image(pages):
    for url in ("/normen/profiler/laerer/", "/normen/kommuner/751/profiler/sygeplejerske/"):
        svgs = find(pages[url], "svg")
        assert len(svgs) == 1 and svgs[0]["role"] == "img", url
        title_id, desc_id = svgs[0]["aria-labelledby"].split()
        assert find(pages[url], "title", id=title_id) and find(pages[url], "desc", id=desc_id)


def test_pages_link_the_norm_stylesheet(pages):
    for url, response in pages.items():
        assert find(response, "link", rel="stylesheet", href="/static/digikomp/css/norm.css"), url


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_norm_is_public_to_everyone(client_for, adapted, persona):
    """Logged in or not, from Aarhus or elsewhere: the same public pages (the norm is open data)."""
    client = client_for(persona)
    for url in ("/normen/", "/normen/profiler/laerer/", "/normen/kommuner/751/profiler/sygeplejerske/"):
        assert client.get(url).status_code == 200, url


def test_the_pages_only_answer_reads(client, shipped_norm):
    assert client.post("/normen/profiler/laerer/").status_code == 405
    assert client.head("/normen/profiler/laerer/").status_code == 200
