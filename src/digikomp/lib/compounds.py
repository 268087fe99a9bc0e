"""Danish compound words for search: a word finds the compounds that contain it ("kompetence" finds
"Kompetencekørekort", "ældre" finds "ældrerådet" and "ældreforeningen", never "forældre").

Danish writes compounds as one word, and Snowball's stemmer keeps them whole, so full-text search on stems alone
misses them. A Compounds object is a decompounding dictionary made from the searched texts themselves: a word is
split into a modifier that is itself a word of the vocabulary (after stemming, at least three letters, not a stop
word) and a head that is a word too, or is split again, or is an unknown word of at least five letters that is
not an inflection ending; a linking -s- or -e- may sit between them (ledelse-s-udvikling, børn-e-have). The
longest known modifier wins. `containing` maps the stem of every part to the stems of the compounds holding it,
which a query then searches for alongside the word itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from digikomp.lib.danish import STOP_WORDS, _stemmer

MIN_PART = 3
MIN_UNKNOWN_HEAD = 5
LINKING = ("s", "e")
VOWELS = set("aeiouyæøå")
# Endings that follow a word without making a compound (kompetenc|erne, digital|isering, ledel|sen).
ENDINGS = frozenset("""
erne ene ende ender endes ering eringer eringen isering iseringen else elsen elser elserne heden heder
hederne ninger ningen ningerne ingen inger ingerne lige ligt ligere ligste ernes enes ethed erende
""".split())
# What may follow a compound's head: the endings of Danish nouns and adjectives (plejen, ledernes, rådets).
INFLECTIONS = frozenset("""
e en er et ne ns s es ens ers ets erne ernes ene enes r rne rnes n t ts
""".split()) | {""}
_LETTERS = re.compile(r"^[^\W\d_]+$")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


class Compounds:
    def __init__(self, words: set[str]):
        self.words = frozenset(w for w in words if len(w) >= 2 * MIN_PART and _LETTERS.match(w))
        self.vocabulary = frozenset(words)
        self.known = {_stem(w) for w in words if len(w) >= MIN_PART and w not in STOP_WORDS}
        self._splits: dict[str, list[str] | None] = {}
        containing: dict[str, set[str]] = defaultdict(set)
        for word in words:
            if len(word) < 2 * MIN_PART or not _LETTERS.match(word):
                continue
            whole = _stem(word)
            for part in self.parts(word):
                part_stem = _stem(part)
                if part_stem != whole:
                    containing[part_stem].add(whole)
        self.containing = dict(containing)

    def _is_word(self, part: str) -> bool:
        # A three-letter part must be written as a word itself ("vej", "job"): as a stem it would match the
        # start of many longer words ("sam" of "samme" in "samlede").
        if len(part) < MIN_PART or part in STOP_WORDS:
            return False
        return part in self.vocabulary or (len(part) > MIN_PART and _stem(part) in self.known)

    def _head_ok(self, head: str) -> bool:
        if self._is_word(head):
            return True
        if self.split(head):
            return True
        return len(head) >= MIN_UNKNOWN_HEAD and head not in ENDINGS and bool(VOWELS & set(head))

    def split(self, word: str) -> list[str] | None:
        """[modifier, head] if `word` is a compound, else None."""
        if word in self._splits:
            return self._splits[word]
        self._splits[word] = None  # guards the recursion
        found = None
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            modifier = word[:cut]
            if not self._is_word(modifier) or _stem(modifier) == _stem(word):
                continue
            rest = word[cut:]
            heads = [rest]
            if rest[0] in LINKING and len(rest) > MIN_PART:
                heads.append(rest[1:])
            head = next((h for h in heads if len(h) >= MIN_PART and self._head_ok(h)), None)
            if head is not None:
                found = [modifier, head]
                break
        self._splits[word] = found
        return found

    def parts(self, word: str) -> set[str]:
        """Every part of `word` and of its parts (empty for a word that is not a compound)."""
        found: set[str] = set()
        pending = [word]
        while pending:
            split = self.split(pending.pop())
            if split:
                for part in split:
                    if part not in found:
                        found.add(part)
                        pending.append(part)
        return found

    def expand(self, word: str) -> set[str]:
        """The stems a query word searches for: its own and every compound's that contains it. The query's
        word counts as a word even if the texts never write it alone ("ældre" finds "ældrerådet" in a catalogue
        that only writes "ældre" in compounds)."""
        word = word.lower()
        stem = _stem(word)
        found = {stem} | self.containing.get(stem, set())
        if len(stem) < MIN_PART or word in STOP_WORDS or not _LETTERS.match(word):
            return found
        # A short stem ("led" of "ledere") sits inside too many words (vejledning): only the word itself then.
        forms = {word, stem} if len(stem) >= MIN_UNKNOWN_HEAD else {word}
        for candidate in self.words:
            if not any(form in candidate for form in forms):
                continue
            whole = _stem(candidate)
            if whole == stem or whole in found:
                continue
            if any(self._holds(candidate, form) for form in forms):
                found.add(whole)
        return found

    def _holds(self, candidate: str, form: str) -> bool:
        """Does `candidate` contain `form` as the modifier or the head of a compound?"""
        start = candidate.find(form)
        while start != -1:
            rest = candidate[start + len(form):]
            if start == 0:  # the modifier: what follows (after a linking letter) must be a head
                heads = [rest] + ([rest[1:]] if rest[:1] in LINKING else [])
                if any(len(h) >= MIN_PART and self._head_ok(h) for h in heads):
                    return True
            else:  # the head: what precedes must be a word (a linking letter may end it), what follows an ending
                modifier = candidate[:start]
                modifiers = [modifier] + ([modifier[:-1]] if modifier[-1:] in LINKING else [])
                if rest in INFLECTIONS and any(self._is_word(m) or self.split(m) for m in modifiers):
                    return True
            start = candidate.find(form, start + 1)
        return False
