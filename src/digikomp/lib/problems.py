"""Problems found in the input of an import, and the report that collects them.

A Problem names the file, line and column and says what is wrong. The message is kept as a lazy translation
plus its parameters and rendered only when shown, so the same report prints in Danish or English (the
command's --language, or the language of the page). Values quoted from the input go through redact() first:
a CPR number never reaches a message, even when a broken export puts one in the wrong column.

The report counts every problem but keeps the first MAX_LISTED of them, and quotes at most MAX_QUOTED
characters of a value: a file of 100,000 broken rows must not turn into a report of millions of messages (the
memory bound of inputs.py), and nobody reads past the first screenful before correcting the file anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.functional import Promise

# Day 01-31, month 01-12, two-digit year, optional dash, four digits; not part of a longer run of letters or
# digits, so that ordinary ids and UUIDs do not look like CPR numbers.
CPR_LIKE = re.compile(r"(?<![0-9A-Za-z])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}(?![0-9A-Za-z])")
REDACTED = "**********"
# Problems the report keeps; the rest are counted.
MAX_LISTED = 1000
# Characters of a value quoted in a message.
MAX_QUOTED = 200


def looks_like_cpr(value: str) -> bool:
    return bool(CPR_LIKE.search(value))


def redact(value: str) -> str:
    return CPR_LIKE.sub(REDACTED, value)


@dataclass
class Problem:
    file: str
    line: int | None
    column: str
    message: Promise | str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The message in the active language, with quoted values redacted."""
        if not self.params:
            return str(self.message)
        params = {key: redact(value) if isinstance(value, str) else value
                  for key, value in self.params.items()}
        return str(self.message) % params


class Problems:
    """Every problem of one import, in file order and then line order."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self._file_order: dict[str, int] = {}
        self._count = 0

    def add(self, file: str, line: int | None, column: str, message: Promise | str, /,
            **params: object) -> None:
        self._count += 1
        if len(self._items) >= MAX_LISTED:
            return
        self._file_order.setdefault(file, len(self._file_order))
        # A long value is redacted before it is cut, so that the cut never leaves the start of a CPR number.
        self._items.append(Problem(file, line, column, message, {
            key: redact(value)[:MAX_QUOTED] + "…" if isinstance(value, str) and len(value) > MAX_QUOTED
            else value for key, value in params.items()}))

    def __bool__(self) -> bool:
        return self._count > 0

    def __len__(self) -> int:
        """Every problem found, also those not listed."""
        return self._count

    @property
    def not_listed(self) -> int:
        return self._count - len(self._items)

    def __iter__(self) -> Iterator[Problem]:
        """The problems listed (the first MAX_LISTED found), in file order and then line order."""
        return iter(sorted(self._items, key=lambda p: (self._file_order[p.file], p.line or 0)))

    def in_file(self, file: str) -> int:
        return sum(1 for p in self._items if p.file == file)
