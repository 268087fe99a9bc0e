"""What was handed in: a folder, uploaded files or a ZIP, recognised as an OS2mo export or our template.

The command line passes a folder (OS2mo) or one file; the web page passes the uploaded files. Both end in
read_files(), which decides the format and returns a Snapshot or reports every problem.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from digikomp.orgimport import os2mo, template
from digikomp.orgimport.problems import Problems
from digikomp.orgimport.snapshot import Snapshot

# Limits for ZIP uploads, so that a small archive cannot unpack into gigabytes.
MAX_ZIP_MEMBERS = 50
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
TEMPLATE_SUFFIXES = (".csv", ".xlsx")


def read_path(path: Path, problems: Problems) -> Snapshot | None:
    """A folder holding the five OS2mo files, or one template / ZIP file."""
    if path.is_dir():
        wanted = {name.casefold() for name in os2mo.FILES}
        files = {child.name: child.read_bytes() for child in sorted(path.iterdir())
                 if child.is_file() and child.name.casefold() in wanted}
        return os2mo.read_os2mo(files, problems)
    if not path.is_file():
        problems.add(str(path), None, "", _("There is no such file or folder."))
        return None
    return read_files([(path.name, path.read_bytes())], problems)


def read_files(files: list[tuple[str, bytes]], problems: Problems) -> Snapshot | None:
    """Uploaded files: the five OS2mo files, a ZIP holding them (or a template), or one template file."""
    if len(files) == 1 and files[0][0].casefold().endswith(".zip"):
        files = _unzip(*files[0], problems)
        if files is None:
            return None
    if any(os2mo.is_os2mo_file(name) for name, _data in files):
        return os2mo.read_os2mo({name: data for name, data in files if os2mo.is_os2mo_file(name)}, problems)
    if len(files) == 1 and files[0][0].casefold().endswith(TEMPLATE_SUFFIXES):
        name, data = files[0]
        return template.read_template(file=name, data=data, problems=problems)
    names = ", ".join(name for name, _data in files) or "–"
    problems.add(names, None, "",
                 _("DigiKomp expects the five plan2learn files of an OS2mo export, a ZIP file holding them, "
                   "or one file (CSV or XLSX) in the DigiKomp template."))
    return None


def _unzip(name: str, data: bytes, problems: Problems) -> list[tuple[str, bytes]] | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        problems.add(name, None, "", _("The file is not a ZIP file that can be read."))
        return None
    with archive:
        members = [info for info in archive.infolist()
                   if not info.is_dir() and not info.filename.startswith("__MACOSX/")
                   and not Path(info.filename).name.startswith(".")]
        if len(members) > MAX_ZIP_MEMBERS or sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
            problems.add(name, None, "", _("The ZIP file is too large to import."))
            return None
        try:
            return [(Path(info.filename).name, archive.read(info)) for info in members]
        except (zipfile.BadZipFile, OSError, NotImplementedError):
            problems.add(name, None, "",
                         _("The ZIP file is damaged or uses a compression DigiKomp cannot read."))
            return None
