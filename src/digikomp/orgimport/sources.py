"""Where an import's files come from: a folder, one file, the files of an upload, or a ZIP file holding them.

The command line passes a folder (OS2mo) or one file; the web page passes the uploaded files. Both end in
read_files(), which checks the sizes against the limits of lib/inputs.py, decides the format and returns a
Snapshot or reports every problem. Nothing is read whole: a ZIP file's members are streamed out of it as the readers
read them, and a file or member bigger than the limits is refused from its size alone, before it is read.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from digikomp.lib.inputs import (
    MAX_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_MEMBERS,
    Input,
    number,
    size,
    zip_entries,
)
from digikomp.lib.problems import Problems
from digikomp.orgimport import os2mo, template
from digikomp.orgimport.snapshot import Snapshot

TEMPLATE_SUFFIXES = (".csv", ".xlsx")
# What a damaged ZIP file or one in a compression zipfile cannot read raises while a member is read.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)
TOO_MANY_FILES = _("The ZIP file holds %(count)s files; DigiKomp reads at most %(limit)s files.")


def read_path(path: Path, problems: Problems) -> Snapshot | None:
    """A folder holding the five OS2mo files, or one template / ZIP file."""
    if path.is_dir():
        wanted = {name.casefold() for name in os2mo.FILES}
        inputs = [Input.from_path(child) for child in sorted(path.iterdir())
                  if child.is_file() and child.name.casefold() in wanted]
        if not fits(inputs, problems):
            return None
        return os2mo.read_os2mo({source.name: source for source in inputs}, problems)
    if not path.is_file():
        problems.add(str(path), None, "", _("There is no such file or folder."))
        return None
    return read_files([Input.from_path(path)], problems)


def read_files(files: Sequence[Input | tuple[str, bytes]], problems: Problems) -> Snapshot | None:
    """Uploaded files: the five OS2mo files, a ZIP holding them (or a template), or one template file.

    A (name, bytes) pair is read like an uploaded file of that name."""
    inputs = [f if isinstance(f, Input) else Input.from_bytes(*f) for f in files]
    if not fits(inputs, problems):
        return None
    if not (len(inputs) == 1 and inputs[0].name.casefold().endswith(".zip")):
        return _read(inputs, problems)
    with ExitStack() as stack:
        members = _unzip(inputs[0], problems, stack)
        if members is None:
            return None
        try:
            return _read(members, problems)
        except ZIP_ERRORS:
            problems.add(inputs[0].name, None, "",
                         _("The ZIP file is damaged or uses a compression DigiKomp cannot read."))
            return None


def _read(inputs: list[Input], problems: Problems) -> Snapshot | None:
    if any(os2mo.is_os2mo_file(source.name) for source in inputs):
        return os2mo.read_os2mo(
            {source.name: source for source in inputs if os2mo.is_os2mo_file(source.name)}, problems)
    if len(inputs) == 1 and inputs[0].name.casefold().endswith(TEMPLATE_SUFFIXES):
        return template.read_template(file=inputs[0].name, data=inputs[0], problems=problems)
    problems.add(files_named(inputs), None, "",
                 _("DigiKomp expects the five plan2learn files of an OS2mo export, a ZIP file holding them, "
                   "or one file (CSV or XLSX) in the DigiKomp template."))
    return None


def files_named(inputs: Sequence[Input]) -> str:
    return ", ".join(source.name for source in inputs) or "–"


def fits(inputs: Sequence[Input], problems: Problems, *, zip_name: str = "") -> bool:
    """The files together within MAX_BYTES; a file that is bigger alone is named, else the files together."""
    before = len(problems)
    for source in inputs:
        if source.size > MAX_BYTES:
            if zip_name:
                message = _("The file unpacks from %(zip)s to %(size)s; DigiKomp reads at most %(limit)s per "
                            "import.")
            else:
                message = _("The file is %(size)s; DigiKomp reads at most %(limit)s per import.")
            problems.add(source.name, None, "", message, zip=zip_name, size=size(source.size),
                         limit=size(MAX_BYTES))
    total = sum(source.size for source in inputs)
    if total > MAX_BYTES and len(problems) == before:
        message = (_("The files in %(zip)s unpack to %(size)s together; DigiKomp reads at most %(limit)s per "
                     "import.") if zip_name else
                   _("The files are %(size)s together; DigiKomp reads at most %(limit)s per import."))
        problems.add(zip_name or files_named(inputs), None, "", message, zip=zip_name, size=size(total),
                     limit=size(MAX_BYTES))
    return len(problems) == before


def _unzip(source: Input, problems: Problems, stack: ExitStack) -> list[Input] | None:
    """The members of a ZIP file as Inputs that stream out of it (open while `stack` is), after checking their
    number and their sizes as the ZIP file states them; zipfile never unpacks more than a member states."""
    stream = stack.enter_context(source.open())
    entries = zip_entries(stream)
    if entries is None:
        problems.add(source.name, None, "", _("The file is not a ZIP file that can be read."))
        return None
    if entries > MAX_ZIP_ENTRIES:  # folders and the like count here; the files are counted below
        problems.add(source.name, None, "", TOO_MANY_FILES, count=number(entries),
                     limit=number(MAX_ZIP_MEMBERS))
        return None
    try:
        archive = stack.enter_context(zipfile.ZipFile(stream))
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.add(source.name, None, "", _("The file is not a ZIP file that can be read."))
        return None
    members = [info for info in archive.infolist()
               if not info.is_dir() and not info.filename.startswith("__MACOSX/")
               and not Path(info.filename).name.startswith(".")]
    if len(members) > MAX_ZIP_MEMBERS:
        problems.add(source.name, None, "", TOO_MANY_FILES, count=number(len(members)),
                     limit=number(MAX_ZIP_MEMBERS))
        return None
    inputs = [Input(Path(info.filename).name, info.file_size, lambda info=info: archive.open(info))
              for info in members]
    return inputs if fits(inputs, problems, zip_name=source.name) else None
