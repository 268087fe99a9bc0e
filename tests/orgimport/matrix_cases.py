"""Permission-matrix rows for the import pages (/app/organisation/import/), as data for the lead's
tests/test_permission_matrix.py, which runs each row once for every persona;
test_matrix.py in this folder checks that every URL of the namespace has a row.

Everything needs "org.import" (municipal admins only). København's admin holds it in their own municipality, so
the upload page and the templates answer them, while Aarhus's import is a 404 for them, as if it did not exist.
Confirm, discard and undo take POST only; the method is checked before the import is looked up, so a GET is 405 for
anyone who may import at all.

"needs": "aarhus_import" is `aarhus_import(world)` below: a previewed import of Aarhus (the hand-written
export of tests/orgimport/exports.py) at the fixed primary key MATRIX_IMPORT. Each row is expected to run on a
fresh database (the POST rows change state).
"""

from __future__ import annotations

MATRIX_IMPORT = 4343
IMPORT = {"pk": MATRIX_IMPORT}
MISSING = {"pk": 999999}
NEEDS = ["aarhus_import"]


def aarhus_import(world):
    """A previewed import of Aarhus at a known primary key, so the rows can name it."""
    from digikomp.lib.problems import Problems
    from digikomp.orgimport.models import OrgImport
    from digikomp.orgimport.sources import read_files
    from digikomp.orgimport.uploads import org_import_preview
    from tests.orgimport import exports

    snapshot = read_files(exports.as_uploads(), Problems())
    created = org_import_preview(municipality=world.aarhus, snapshot=snapshot,
                                 uploaded_by=world.user("municipal_admin"), file_names=list(exports.BASE))
    # Nothing refers to the new row, so it can be re-keyed.
    OrgImport.objects.filter(pk=created.pk).update(id=MATRIX_IMPORT)
    return MATRIX_IMPORT


def statuses(anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin) -> dict:
    return {"anonymous": anonymous, "national_editor": national_editor, "municipal_admin": municipal_admin,
            "hr": hr, "manager": manager, "employee": employee, "provider": provider, "other_admin": other_admin}


# Pages of the requester's own municipality: the upload form (and its errors) and the templates.
OWN = statuses(302, 403, 200, 403, 403, 403, 403, 200)
# Aarhus's import: København's admin gets 404.
AARHUS = statuses(302, 403, 200, 403, 403, 403, 403, 404)
AARHUS_REDIRECT = statuses(302, 403, 302, 403, 403, 403, 403, 404)
# The import deactivates 3 of Aarhus's 5 units: without the second confirmation the admin gets the page again.
AARHUS_UNCONFIRMED = statuses(302, 403, 400, 403, 403, 403, 403, 404)
NOT_FOUND = statuses(302, 403, 404, 403, 403, 403, 403, 404)
POST_ONLY = statuses(302, 403, 405, 403, 403, 403, 403, 405)


def case(name, kwargs=None, method="get", expected=AARHUS, data=None, needs=NEEDS) -> dict:
    row = {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs)}
    if data is not None:
        row["data"] = data
    return row


CASES = [
    # A POST without files shows the form again with its error; nothing is stored.
    case("orgimport:upload", method="post", expected=OWN, data={}, needs=[]),
    case("orgimport:template_csv", expected=OWN, needs=[]),
    case("orgimport:template_xlsx", expected=OWN, needs=[]),
    case("orgimport:preview", IMPORT),
    case("orgimport:preview", MISSING, expected=NOT_FOUND, needs=[]),
    case("orgimport:confirm", IMPORT, "post", AARHUS_UNCONFIRMED),
    case("orgimport:confirm", IMPORT, "post", AARHUS_REDIRECT, data={"deactivation": "0-3-3-5"}),
    case("orgimport:confirm", IMPORT, "get", POST_ONLY),
    case("orgimport:discard", IMPORT, "post", AARHUS_REDIRECT),
    case("orgimport:discard", IMPORT, "get", POST_ONLY),
    # A preview cannot be undone: the admin is sent back to it with the reason.
    case("orgimport:undo", IMPORT, "post", AARHUS_REDIRECT),
    case("orgimport:undo", IMPORT, "get", POST_ONLY),
]
