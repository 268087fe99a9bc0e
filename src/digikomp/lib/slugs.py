"""Web addresses (slugs) from Danish titles: "Ældre lærer på øen" -> "aeldre-laerer-paa-oeen".

Django's slugify drops letters it cannot write in ASCII, so "lærer" would become "lrer"; Danish writes æ, ø, å
as ae, oe, aa when it must, and so do these addresses.
"""

from __future__ import annotations

from django.utils.text import slugify

TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
MAX_LENGTH = 80


def danish_slugify(text: str, *, max_length: int = MAX_LENGTH) -> str:
    """Lowercase ASCII words joined by hyphens, at most `max_length` characters, cut between words."""
    slug = slugify(text.lower().translate(TRANSLITERATION))
    if len(slug) > max_length:
        slug = slug[:max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length + 1] else slug[:max_length]
    return slug.strip("-")
