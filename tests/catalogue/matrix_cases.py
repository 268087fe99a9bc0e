"""Permission-matrix rows for the inspiration catalogue, for tests/test_permission_matrix.py.

- The public catalogue (/katalog/) and the API's /cases are open to everyone; a published case too. A draft is a
  preview for its own municipality's writers (admin, HR) and for editors, 404 for everyone else. Images and
  attachments follow their case (rows here use an id that does not exist; test_files.py covers the 200).
- The municipality's own list and form (/app/katalog/) need catalogue.submit (admin, HR); opening and
  correcting a case catalogue.edit (those and editors), scoped: København's admin gets 404 for Aarhus's case.
- Moderation (/app/katalog/redaktion/) needs catalogue.moderate (national editors).
"""

from tests.personas import PERSONAS

LOGIN = "LOGIN"
DRAFT, PUBLISHED = 4301, 4302


def cases(world):
    from tests.catalogue.helpers import make_case

    make_case(pk=DRAFT, slug="matrix-udkast", title="Matrix-udkast", publish=False)
    make_case(pk=PUBLISHED, slug="matrix-offentlig", title="Matrix-offentlig")


def _statuses(anonymous, editor, admin, hr, manager, employee, provider, other_admin):
    from tests.test_permission_matrix import LOGIN as login_redirect

    values = [anonymous, editor, admin, hr, manager, employee, provider, other_admin]
    return dict(zip(PERSONAS, [login_redirect if v == LOGIN else v for v in values]))


def _row(name, kwargs=None, method="get", statuses=None, data=None, api=False, needs=("cases",)):
    return {"name": name, "kwargs": kwargs or {}, "method": method, "expected": _statuses(*statuses),
            "data": data, "api": api, "needs": list(needs)}


EVERYONE_200 = (200,) * 8
DRAFT_ARGS = {"pk": DRAFT}

CASES = [
    _row("catalogue:index", statuses=EVERYONE_200),
    _row("catalogue:feed", statuses=EVERYONE_200),
    _row("catalogue:case", {"slug": "matrix-offentlig"}, statuses=EVERYONE_200),
    #                                                        anon   editor admin hr   mgr  empl prov other
    _row("catalogue:case", {"slug": "matrix-udkast"}, statuses=(404, 200, 200, 200, 404, 404, 404, 404)),
    _row("catalogue:case", {"slug": "findes-ikke"}, statuses=(404,) * 8),
    _row("catalogue:image", {"slug": "matrix-offentlig", "pk": 999}, statuses=(404,) * 8),
    _row("catalogue:attachment", {"slug": "matrix-udkast", "pk": 999}, statuses=(404,) * 8),
    _row("catalogue:index", method="post", statuses=(405,) * 8),
    _row("catalogue_app:list", statuses=(LOGIN, 403, 200, 200, 403, 403, 403, 200)),
    _row("catalogue_app:create", statuses=(LOGIN, 403, 200, 200, 403, 403, 403, 200)),
    # An empty form is refused with its errors.
    _row("catalogue_app:create", method="post", data={}, statuses=(LOGIN, 403, 400, 400, 403, 403, 403, 400)),
    _row("catalogue_app:case", DRAFT_ARGS, statuses=(LOGIN, 200, 200, 200, 403, 403, 403, 404)),
    _row("catalogue_app:edit", DRAFT_ARGS, statuses=(LOGIN, 200, 200, 200, 403, 403, 403, 404)),
    _row("catalogue_app:submit", DRAFT_ARGS, method="post", statuses=(LOGIN, 403, 302, 302, 403, 403, 403, 404)),
    _row("catalogue_app:submit", DRAFT_ARGS, statuses=(405,) * 8),
    _row("catalogue_app:review_list", statuses=(LOGIN, 200, 403, 403, 403, 403, 403, 403)),
    _row("catalogue_app:review", DRAFT_ARGS, statuses=(LOGIN, 200, 403, 403, 403, 403, 403, 403)),
    # A comment step without a comment is refused with the form's error.
    _row("catalogue_app:review", DRAFT_ARGS, method="post", data={"step": "comment"},
         statuses=(LOGIN, 400, 403, 403, 403, 403, 403, 403)),
    _row("api:cases", statuses=EVERYONE_200, api=True),
    _row("api:cases-slash", statuses=EVERYONE_200, api=True),
    _row("api:cases", method="post", statuses=(405,) * 8, api=True),
]
