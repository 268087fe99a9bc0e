"""Rich text that users write, made safe: a small allow-list of tags and attributes (nh3, the Rust ammonia
sanitiser) and the plain text of it for search and summaries.

Everything stored in a rich-text field of ours has passed clean_html(), and templates render it through the
`safe_html` filter, which cleans it again, so a <script>, an event handler attribute or a javascript: link
never reaches a page even if a row was written around the model.
"""

from __future__ import annotations

import re
from html import escape, unescape

import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

_ALLOWED_TAG = re.compile(r"</?(" + "|".join(sorted(TAGS, key=len, reverse=True)) + r")\b", re.I)
_BLOCK = re.compile(r"</?(p|br|li|h[2-4]|blockquote|ul|ol)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def clean_html(value: str) -> str:
    """The allowed subset of `value`. Plain text without any tag becomes paragraphs (blank-line separated)."""
    value = (value or "").strip()
    if not value:
        return ""
    if not _ALLOWED_TAG.search(value):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
        value = "".join(
            "<p>" + escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs
        )
    return nh3.clean(value, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow").strip()


def html_to_text(value: str) -> str:
    """The visible text of (clean) HTML, blocks separated by newlines."""
    text = _BLOCK.sub("\n", value or "")
    text = unescape(_TAG.sub("", text))
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
