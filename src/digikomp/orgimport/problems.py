"""Problems found in the input of an import, and the report that collects every one of them.

A Problem names the file, line and column and says what is wrong. The message is kept as a lazy translation
plus its parameters and rendered only when shown, so the same report prints in Danish or English (the
command's --language, or the language of the page). Values quoted from the input go through redact() first:
a CPR number never reaches a message, even when a broken export puts one in the wrong column.
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

    def add(self, file: str, line: int | None, column: str, message: Promise | str, /,
            **params: object) -> None:
        self._file_order.setdefault(file, len(self._file_order))
        self._items.append(Problem(file, line, column, message, params))

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._items, key=lambda p: (self._file_order[p.file], p.line or 0)))

    def in_file(self, file: str) -> int:
        return sum(1 for p in self._items if p.file == file)
