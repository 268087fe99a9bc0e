"""Reading uploaded tables: a file in, rows with their line numbers out, for semicolon CSV and for XLSX.

A file is streamed, never held whole (inputs.py has the limits that bound an import's memory). A CSV file is
read in passes: its bytes once to learn the encoding and whether it is empty; its lines once to check the
shape (the header, the columns, the number of fields in every line, the number of rows and the length of the
lines); and then its rows once each time a reader iterates them. An XLSX workbook's first sheet is streamed
by openpyxl's read-only mode, after a look at the sizes of the workbook's parts.

Each reader is told which columns it wants and keeps only those, so columns we must never store (CPR, mobile
numbers) are dropped while the file is parsed and never travel further. Everything wrong with the file's shape
is reported as a Problem naming file, line and column: bytes that decode neither as UTF-8 nor as Windows-1252,
an empty file, a wrong delimiter, missing columns, rows with the wrong number of fields, too many rows, a line
without an end.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext_lazy as _

from digikomp.lib.inputs import (
    CHUNK_BYTES,
    MAX_LINE_CHARS,
    MAX_ROWS,
    MAX_WORKBOOK_BYTES,
    MAX_WORKBOOK_PART_BYTES,
    MAX_ZIP_ENTRIES,
    Input,
    number,
    size,
    zip_entries,
)
from digikomp.lib.problems import Problems

# The five byte values Windows-1252 leaves undefined; a file holding one of them is neither cp1252 nor (being
# invalid UTF-8 already) UTF-8.
CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
WHITESPACE_AND_BOM = b" \t\r\n\xef\xbb\xbf"

Lines = Callable[[], AbstractContextManager[Iterator[tuple[int, list[str]]]]]


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


class Rows:
    """The data rows of a table, read afresh from the file each time they are iterated (none is kept).

    The header and blank lines are skipped. A CSV file was checked whole before (its shape, its number of
    rows), so reading it again cannot fail; an XLSX sheet is checked as it is read (budget): reading stops
    with a problem after the import's MAX_ROWS rows, or where the workbook turns out to be broken.
    """

    def __init__(self, *, file: str, lines: Lines, header_line: int, wanted: list[tuple[str, int]],
                 problems: Problems, budget: RowBudget | None):
        self.file, self._lines, self._header_line, self._wanted = file, lines, header_line, wanted
        self._problems, self._budget = problems, budget

    def __iter__(self) -> Iterator[Row]:
        if self._budget is None:
            yield from self._read()
            return
        try:
            yield from self._read()
        except Exception:  # noqa: BLE001 -- openpyxl raises many kinds (zip, XML, keys) for a bad workbook
            self._problems.add(self.file, None, "", _("The file is not an XLSX workbook that can be read."))

    def _read(self) -> Iterator[Row]:
        with self._lines() as lines:
            for line, cells in lines:
                if line <= self._header_line or not any(c.strip() for c in cells):
                    continue
                if self._budget is not None and not self._budget.take(self._problems, self.file, line):
                    return
                yield Row(line, {name: (cells[i].strip() if i < len(cells) else "")
                                 for name, i in self._wanted})


class RowBudget:
    """The data rows read so far by one import, all its files together, against its limit."""

    def __init__(self, limit: int = MAX_ROWS) -> None:
        self.limit = limit
        self.used = 0
        self.spent = False

    def take(self, problems: Problems, file: str, line: int) -> bool:
        """Count one more row; False once there are more than the limit, which is reported once (at the
        first row past it): the files read after it are not read at all."""
        self.used += 1
        if self.used <= self.limit:
            return True
        if not self.spent:
            self.spent = True
            problems.add(file, line, "",
                         _("The import has more than %(limit)s rows, all files together; DigiKomp imports at "
                           "most %(limit)s. The rest of the file was not read."), limit=number(self.limit))
        return False


@dataclass
class Table:
    file: str
    rows: Rows


def _key(name: str) -> str:
    return name.strip().casefold()


def _blank(source: Input) -> bool:
    """True if the file holds nothing but whitespace and byte order marks."""
    with source.open() as stream:
        while chunk := stream.read(CHUNK_BYTES):
            if chunk.strip(WHITESPACE_AND_BOM):
                return False
    return True


def encoding(*, file: str, source: Input, problems: Problems) -> str | None:
    """UTF-8 (with or without BOM) if the bytes are valid UTF-8, else Windows-1252; both strictly. None, with
    the problems reported, for an empty file or bytes that are neither."""
    if _blank(source):
        problems.add(file, None, "", _("The file is empty."))
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with source.open() as stream:
            while chunk := stream.read(CHUNK_BYTES):
                decoder.decode(chunk)  # only checked: the text is decoded again as the lines are read
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    return "cp1252" if _windows_1252(file=file, source=source, problems=problems) else None


def _windows_1252(*, file: str, source: Input, problems: Problems) -> bool:
    """True if every byte decodes as Windows-1252; else one problem for each line holding a byte that does not,
    naming the byte and its position in the line."""
    # The line being read, where it starts in the file, and where the chunk does.
    line, line_start, offset = 1, 0, 0
    reported = 0
    with source.open() as stream:
        while chunk := stream.read(CHUNK_BYTES):
            scanned = 0
            for match in CP1252_UNDEFINED.finditer(chunk):
                start = match.start()
                newlines = chunk.count(b"\n", scanned, start)
                if newlines:
                    line += newlines
                    line_start = offset + chunk.rfind(b"\n", scanned, start) + 1
                scanned = start
                if line == reported:
                    continue
                reported = line
                problems.add(
                    file, line, "",
                    _("Byte 0x%(byte)02X at position %(position)d of the line is neither UTF-8 nor "
                      "Windows-1252. Save the file as UTF-8 and try again."),
                    byte=chunk[start], position=offset + start - line_start + 1,
                )
            newlines = chunk.count(b"\n", scanned)
            if newlines:
                line += newlines
                line_start = offset + chunk.rfind(b"\n", scanned) + 1
            offset += len(chunk)
    return reported == 0


class _LineTooLong(Exception):
    pass


def _bounded(text: io.TextIOBase) -> Iterator[str]:
    """The lines of a text stream, ends included; a line longer than MAX_LINE_CHARS stops the reading, so that
    a file without line ends (a file of NUL bytes, say) never becomes one giant string."""
    while line := text.readline(MAX_LINE_CHARS + 1):
        if len(line) > MAX_LINE_CHARS:
            raise _LineTooLong
        yield line


def _numbered(reader, file: str, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """The rows of a csv.reader with the line each starts on; a line the reader cannot parse ends the file."""
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except _LineTooLong:
        problems.add(file, reader.line_num + 1, "",
                     _("The line is longer than %(limit)s characters; the rest of the file was not read."),
                     limit=number(MAX_LINE_CHARS))
    except csv.Error:
        problems.add(file, line, "", _("The line has unbalanced quotation marks or a NUL byte; "
                                       "the rest of the file was not read."))


def read_csv(*, file: str, data: bytes | Input, columns: Sequence[Column], problems: Problems,
             budget: RowBudget | None = None) -> Table | None:
    """Rows of a semicolon-separated file with a header row; None if the file cannot be read at all.

    The rows count against `budget`, shared by the files of one import (by default the file's own)."""
    source = data if isinstance(data, Input) else Input.from_bytes(file, data)
    found = encoding(file=file, source=source, problems=problems)
    if found is None:
        return None

    @contextmanager
    def lines() -> Iterator[Iterator[tuple[int, list[str]]]]:
        with source.open() as stream:
            text = io.TextIOWrapper(stream, encoding=found, newline="")
            try:
                yield _numbered(csv.reader(_bounded(text), delimiter=";", strict=True), file, problems)
            finally:
                text.detach()  # the stream belongs to the Input

    return _table(file=file, lines=lines, columns=columns, problems=problems, is_csv=True,
                  budget=budget or RowBudget())


def read_xlsx(*, file: str, data: bytes | Input, columns: Sequence[Column], problems: Problems,
              budget: RowBudget | None = None) -> Table | None:
    """Rows of the first worksheet of an XLSX workbook, header in row 1; they count against `budget`."""
    from openpyxl import load_workbook

    source = data if isinstance(data, Input) else Input.from_bytes(file, data)
    if _blank(source):
        problems.add(file, None, "", _("The file is empty."))
        return None
    if not _workbook_fits(file=file, source=source, problems=problems):
        return None

    @contextmanager
    def lines() -> Iterator[Iterator[tuple[int, list[str]]]]:
        with source.open() as stream:
            workbook = load_workbook(stream, read_only=True, data_only=True)
            try:
                rows = workbook.worksheets[0].iter_rows(values_only=True)
                yield ((line, [_cell_text(c) for c in cells]) for line, cells in enumerate(rows, start=1))
            finally:
                workbook.close()

    try:
        return _table(file=file, lines=lines, columns=columns, problems=problems, is_csv=False,
                      budget=budget or RowBudget())
    except Exception:  # noqa: BLE001 -- openpyxl raises many kinds (zip, XML, keys) for a bad workbook
        problems.add(file, None, "", _("The file is not an XLSX workbook that can be read."))
        return None


def _workbook_fits(*, file: str, source: Input, problems: Problems) -> bool:
    """An XLSX workbook is a ZIP file: its parts must unpack within the limits before openpyxl opens it."""
    with source.open() as stream:
        entries = zip_entries(stream)
        if entries is None:
            problems.add(file, None, "", _("The file is not an XLSX workbook that can be read."))
            return False
        if entries > MAX_ZIP_ENTRIES:
            problems.add(file, None, "", _("The workbook has %(count)s parts; at most %(limit)s are read."),
                         count=number(entries), limit=number(MAX_ZIP_ENTRIES))
            return False
        try:
            with zipfile.ZipFile(stream) as archive:
                parts = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            problems.add(file, None, "", _("The file is not an XLSX workbook that can be read."))
            return False
    total = sum(part.file_size for part in parts)
    if total > MAX_WORKBOOK_BYTES:
        problems.add(file, None, "", _("The workbook unpacks to %(size)s; DigiKomp reads workbooks of at most "
                                       "%(limit)s."), size=size(total), limit=size(MAX_WORKBOOK_BYTES))
        return False
    for part in parts:
        # Worksheets are streamed; openpyxl reads every other part (shared strings, styles) whole.
        if part.file_size > MAX_WORKBOOK_PART_BYTES and not PurePosixPath(part.filename).parent.match(
                "xl/worksheets"):
            problems.add(file, None, "", _("The part %(part)s of the workbook unpacks to %(size)s; DigiKomp "
                                           "reads parts of at most %(limit)s."),
                         part=part.filename, size=size(part.file_size), limit=size(MAX_WORKBOOK_PART_BYTES))
            return False
    return True


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


def _table(*, file: str, lines: Lines, columns: Sequence[Column], problems: Problems, is_csv: bool,
           budget: RowBudget) -> Table | None:
    """Check the header and (for CSV) the shape of every line. The Table reads a CSV file's rows afresh each
    time; an XLSX sheet's rows continue from the header, once (openpyxl scans a whole sheet as it opens it)."""
    before = len(problems)
    with ExitStack() as stack:
        numbered = stack.enter_context(lines())
        header: list[str] | None = None
        header_line = 0
        for header_line, cells in numbered:  # noqa: B007 (the header's line number is read after the loop)
            if any(c.strip() for c in cells):
                header = cells
                break
        if header is None:
            if len(problems) == before:  # not a line that could not be read, but no header at all
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
        if not is_csv:
            # An XLSX sheet has no shape to check (every row has the sheet's columns); its rows are counted
            # as they are read, and the workbook closes when they have been.
            rows = Rows(file=file, lines=_once(stack.pop_all(), numbered), header_line=header_line,
                        wanted=wanted, problems=problems, budget=budget)
            return Table(file, rows)

        width = len(header)
        for line, cells in numbered:
            if not any(c.strip() for c in cells):
                continue
            if not budget.take(problems, file, line):
                return None
            # A trailing semicolon (an empty extra field) is common in exports and harmless.
            extra_empty = len(cells) > width and not any(c.strip() for c in cells[width:])
            if len(cells) != width and not extra_empty:
                problems.add(file, line, "",
                             _("The line has %(found)d fields but the header has %(expected)d. Are the fields "
                               "separated by semicolons, and are values with semicolons in quotation marks?"),
                             found=len(cells), expected=width)
    if len(problems) > before:
        return None
    # Counted already: reading the rows again counts nothing.
    return Table(file, Rows(file=file, lines=lines, header_line=header_line, wanted=wanted, problems=problems,
                            budget=None))


def _once(stack: ExitStack, numbered: Iterator[tuple[int, list[str]]]) -> Lines:
    """Lines that continue an open iterator, once, and close what it reads from (`stack`) when done."""
    used = False

    @contextmanager
    def lines() -> Iterator[Iterator[tuple[int, list[str]]]]:
        nonlocal used
        if used:
            raise RuntimeError("The rows of an XLSX sheet can be read once.")
        used = True
        with stack:
            yield numbered

    return lines
