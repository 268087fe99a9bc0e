"""Reading a CASE package from bytes for the upload page and the `import-case` command: every problem with
the file is returned as a sentence and nothing is stored, or the imported version comes back."""

from __future__ import annotations

import json
import logging

from django.db import DatabaseError
from django.utils.translation import gettext as _

from digikomp.frameworks.case import import_package, validate_package
from digikomp.frameworks.models import FrameworkVersion
from digikomp.frameworks.services import FrameworkError
from digikomp.lib import json_input

log = logging.getLogger(__name__)


def package_import(
    *, content: bytes, slug: str | None = None, actor=None
) -> tuple[FrameworkVersion | None, list[str]]:
    """(version, []) when imported, (None, problems) when refused; a refused package leaves no trace."""
    try:
        package = json_input.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, [_("The file is not UTF-8 text.")]
    except json_input.TooDeep as error:
        return None, [str(error)]
    except json.JSONDecodeError as error:
        return None, [
            _("The file is not valid JSON (line %(line)s, column %(column)s: %(reason)s).")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg}
        ]
    problems = validate_package(package)
    if problems:
        return None, problems
    try:
        return import_package(package, slug=slug or None, actor=actor), []
    except FrameworkError as refused:
        return None, refused.messages
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, DatabaseError) as error:
        # A part validate_package does not check (the rubric, the scale) is malformed. import_package runs in
        # one transaction, so nothing was stored; the editor gets a sentence, the log the details.
        log.warning("CASE import failed after validation: %r", error)
        return None, [
            _("The package has a part DigiKomp cannot read (%(detail)s). Nothing was stored.")
            % {"detail": f"{type(error).__name__}: {error}"}
        ]
