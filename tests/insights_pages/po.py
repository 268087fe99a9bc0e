"""Reading a gettext .po catalogue in tests, without a dependency: each entry's flags, msgid (and plural) and
translations. Obsolete entries (#~) are left out, as gettext leaves them out of the compiled catalogue."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: list[str] = field(default_factory=list)  # one per plural form, or the one translation
    flags: set[str] = field(default_factory=set)
    context: str = ""


def _entry(block: str) -> Entry | None:
    entry, fields, current = Entry(), {}, None
    for line in block.splitlines():
        if line.startswith("#~"):
            return None
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            current, value = line.split(" ", 1)
            fields[current] = ast.literal_eval(value)
    entry.msgid = fields.get("msgid", "")
    entry.msgid_plural = fields.get("msgid_plural", "")
    entry.context = fields.get("msgctxt", "")
    entry.msgstr = [fields[k] for k in sorted(fields) if k.startswith("msgstr")]
    return entry


def read_po(path: Path) -> list[Entry]:
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    return [entry for entry in map(_entry, blocks) if entry is not None]
