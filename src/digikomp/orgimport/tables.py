"""Reading uploaded tables: bytes in, rows with their line numbers out, for semicolon CSV and for XLSX.

Each reader is told which columns it wants and keeps only those, so columns we must never store (CPR, mobile
numbers) are dropped while the file is parsed and never travel further. Everything wrong with the file's shape
is reported as a Problem naming file, line and column: bytes that decode neither as UTF-8 nor as Windows-1252,
an empty file, a wrong delimiter, missing columns, rows with the wrong number of fields.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from digikomp.orgimport.problems import Problems

# The five byte values Windows-1252 leaves undefined; a file holding one of them is neither cp1252 nor (being
# invalid UTF-8 already) UTF-8.
CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
WHITESPACE_AND_BOM = b" \t\r\n\xef\xbb\xbf"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = True


class Row(dict):
    """The values of one row by column name (only the columns asked for), and the line it starts on.

    row.get(column) is None when the file has no such (optional) column.
    """

    __slots__ = ("line",)

    def __init__(self, line: int, values: dict[str, str]):
        super().__init__(values)
        self.line = line


@dataclass
class Table:
    file: str
    rows: list[Row]


def _key(name: str) -> str:
    return name.strip().casefold()


def decode(*, file: str, data: bytes, problems: Problems) -> str | None:
    """UTF-8 (with or without BOM) if the bytes are valid UTF-8, else Windows-1252; both strictly."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    seen_lines: set[int] = set()
    for match in CP1252_UNDEFINED.finditer(data):
        start = match.start()
        line = data.count(b"\n", 0, start) + 1
        if line in seen_lines:
            continue
        seen_lines.add(line)
        position = start - (data.rfind(b"\n", 0, start) + 1) + 1
        problems.add(
            file, line, "",
            _("Byte 0x%(byte)02X at position %(position)d of the line is neither UTF-8 nor Windows-1252. "
              "Save the file as UTF-8 and try again."),
            byte=data[start], position=position,
        )
    return None


def read_csv(*, file: str, data: bytes, columns: Sequence[Column], problems: Problems) -> Table | None:
    """Rows of a semicolon-separated file with a header row; None if the file cannot be read at all."""
    if not data.strip(WHITESPACE_AND_BOM):
        problems.add(file, None, "", _("The file is empty."))
        return None
    text = decode(file=file, data=data, problems=problems)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)

    def numbered() -> Iterable[tuple[int, list[str]]]:
        line = 1
        try:
            for cells in reader:
                yield line, cells
                line = reader.line_num + 1
        except csv.Error:
            problems.add(file, line, "", _("The line has unbalanced quotation marks or a NUL byte; "
                                           "the rest of the file was not read."))

    return _table(file=file, rows=numbered(), columns=columns, problems=problems, is_csv=True)


def read_xlsx(*, file: str, data: bytes, columns: Sequence[Column], problems: Problems) -> Table | None:
    """Rows of the first worksheet of an XLSX workbook, header in row 1."""
    from openpyxl import load_workbook

    if not data.strip(WHITESPACE_AND_BOM):
        problems.add(file, None, "", _("The file is empty."))
        return None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, key errors) for a file that is not a workbook
        problems.add(file, None, "", _("The file is not an XLSX workbook that can be read."))
        return None
    try:
        sheet = workbook.worksheets[0]
        rows = [(number, [_cell_text(c) for c in cells])
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
    return _table(file=file, rows=rows, columns=columns, problems=problems, is_csv=False)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _table(*, file: str, rows: Iterable[tuple[int, list[str]]], columns: Sequence[Column],
           problems: Problems, is_csv: bool) -> Table | None:
    iterator = iter(rows)
    header: list[str] | None = None
    header_line = 0
    for header_line, cells in iterator:
        if any(c.strip() for c in cells):
            header = cells
            break
    if header is None:
        problems.add(file, None, "", _("The file is empty."))
        return None

    positions = {}
    for index, name in enumerate(header):
        positions.setdefault(_key(name), index)
    missing = [c.name for c in columns if c.required and _key(c.name) not in positions]
    if missing:
        if is_csv and len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            found = _("tab") if "\t" in header[0] else _("comma")
            problems.add(file, header_line, "",
                         _("The columns are separated by %(found)s; separate them by semicolons (;)."),
                         found=found)
        else:
            for name in missing:
                problems.add(file, header_line, name, _("The column is missing from the header row."))
        return None

    wanted = [(c.name, positions[_key(c.name)]) for c in columns if _key(c.name) in positions]
    width = len(header)
    result: list[Row] = []
    before = len(problems)
    for line, cells in iterator:
        if not any(c.strip() for c in cells):
            continue
        # A trailing semicolon (an empty extra field) is common in exports and harmless.
        extra_empty = len(cells) > width and not any(c.strip() for c in cells[width:])
        if is_csv and len(cells) != width and not extra_empty:
            problems.add(file, line, "",
                         _("The line has %(found)d fields but the header has %(expected)d. Are the fields "
                           "separated by semicolons, and are values with semicolons in quotation marks?"),
                         found=len(cells), expected=width)
            continue
        result.append(Row(line, {name: (cells[i].strip() if i < len(cells) else "") for name, i in wanted}))
    if len(problems) > before:
        return None
    return Table(file, result)
