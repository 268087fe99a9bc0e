"""Danish words for full-text search on SQLite: the same tokens, stop words and Snowball stems as PostgreSQL's
`danish` text search configuration, so a query finds the same documents on both databases.

PostgreSQL's `danish` configuration lowercases each word, drops the Snowball Danish stop words and stems the
rest with the Snowball Danish stemmer. PyStemmer is the same Snowball stemmer compiled for Python, and
STOP_WORDS below is the Snowball list PostgreSQL ships as danish.stop, so stems() here and to_tsvector('danish',
...) there agree word for word ("kompetencer" and "kompetence" both become "kompetent").
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

# Snowball's Danish stop words (PostgreSQL: share/tsearch_data/danish.stop).
STOP_WORDS = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun
nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog
noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine
vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
""".split())

# Letters and digits in runs, as PostgreSQL's parser splits text into words (hyphens and apostrophes separate).
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def words(text: str) -> list[str]:
    """The lowercased words of `text` that are not stop words, in order."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def stems(text: str) -> list[str]:
    """The Snowball Danish stem of every word of `text` that is not a stop word, in order."""
    found = words(text)
    return _stemmer().stemWords(found) if found else []


def stemmed(text: str) -> str:
    """`text` as its stems joined by spaces: what the SQLite full-text index stores and searches."""
    return " ".join(stems(text))
