"""Small helpers to read rendered pages in tests without a browser: links, landmarks and text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser


def text(response) -> str:
    """The page's visible text with whitespace collapsed, for asserting on sentences that span lines."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def unit_links(response) -> list[str]:
    """External ids of the org units the page links to, in page order."""
    return re.findall(r'href="/app/organisation/enheder/([^/"]+)/"', response.content.decode())


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(response) -> list[tuple[str, dict]]:
    """Every start tag with its attributes."""
    parser = _Tags()
    parser.feed(response.content.decode())
    return parser.tags


def find(response, tag: str, **attrs) -> list[dict]:
    """Attributes of each `tag` whose attributes include `attrs` (use class_ for class)."""
    wanted = {k.rstrip("_"): v for k, v in attrs.items()}
    return [a for t, a in tags(response) if t == tag and all(a.get(k) == v for k, v in wanted.items())]
