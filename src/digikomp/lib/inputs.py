"""The files of an import and the limits on their size, which keep every import within a fixed memory bound.

An Input is one file (on disk, uploaded, inside a ZIP file, or bytes in memory) that the readers open and read
from the start as often as they need; nothing reads a file whole. The limits are sized from the largest
municipality (45,000 people in an export of five files with 97,000 rows and 13 MB) with room to spare, and
low enough that parsing any import they allow peaks under 300 MB (measured in tests/orgimport/test_memory.py).
Files bigger than the limits are refused from their size alone, before they are read; rows are counted as
they are read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.functional import lazy

MB = 1024 * 1024
# The files of one import together, unpacked: uploaded, on disk or in a ZIP file. (The largest municipality's
# export is 13 MB.)
MAX_BYTES = 64 * MB
# Data rows of one import, not counting headers and blank lines: of an OS2mo export, all five files together
# (the largest municipality's has 97,000), and of a template (45,000 people take 46,500 rows), where one row
# can hold a unit, a person and a manager. Rows, more than bytes, decide the memory a parsed import takes.
MAX_ROWS = 200_000
MAX_TEMPLATE_ROWS = 100_000
# Files in a ZIP file, and entries of any ZIP container (the upload, an XLSX workbook) counting folders and
# the like: zipfile reads the whole directory of entries into memory, so it is counted before it is read.
MAX_ZIP_MEMBERS = 50
MAX_ZIP_ENTRIES = 1000
# The parts of an XLSX workbook together, unpacked (worksheet XML is verbose: 45,000 rows written by openpyxl
# take 30 MB), and each part but the worksheets, which openpyxl reads whole (the shared strings, the styles).
MAX_WORKBOOK_BYTES = 128 * MB
MAX_WORKBOOK_PART_BYTES = 32 * MB
# Characters in one line of a CSV file; a line without an end (a file of NUL bytes, say) stops here.
MAX_LINE_CHARS = 100_000
# How much of a file is read at a time.
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Input:
    """One file of an import: its name (without folders), its size in bytes, and how to open it from the start.

    open() returns a context manager of a binary stream positioned at the start; leaving it closes the stream
    when the Input owns it (a path, a ZIP member), and leaves it open when its owner does (an upload).
    """

    name: str
    size: int
    opener: Callable[[], AbstractContextManager[BinaryIO]]

    def open(self) -> AbstractContextManager[BinaryIO]:
        return self.opener()

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> Input:
        return cls(name, len(data), lambda: nullcontext(io.BytesIO(data)))

    @classmethod
    def from_path(cls, path: Path) -> Input:
        return cls(path.name, path.stat().st_size, lambda: path.open("rb"))

    @classmethod
    def from_upload(cls, upload) -> Input:
        """A Django UploadedFile: in memory or a temporary file, which Django closes after the request."""
        stream = upload.file

        def opener():
            stream.seek(0)
            return nullcontext(stream)

        return cls(Path(upload.name).name, upload.size, opener)



def zip_entries(stream: BinaryIO) -> int | None:
    """How many entries the ZIP file in `stream` has, from its end record alone; None if it is not a ZIP file.

    zipfile.ZipFile reads every entry of the central directory into memory as it opens a file (a few hundred
    bytes each), so a small file listing millions of empty entries would be a memory bomb of its own.
    zipfile._EndRecData has read the end record the same way since Python 2; it handles ZIP64.
    """
    try:
        end = zipfile._EndRecData(stream)
    except OSError:
        return None
    finally:
        stream.seek(0)
    return None if end is None else end[zipfile._ECD_ENTRIES_TOTAL]


# A number or a size in a message, formatted when the message is shown, in the language it is shown in.
number = lazy(lambda value: formats.number_format(value, force_grouping=True), str)
size = lazy(filesizeformat, str)
