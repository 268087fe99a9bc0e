"""Permission-matrix rows for the editor pages (/app/redaktion/), for tests/test_permission_matrix.py.

Every row needs the shipped norm: the national model 1.0 and norm release 1.0, both published. Editors get
200 on the pages that read, and 302 back to the version's (or release's) page on every edit page, because a
published version or release is refused for editing (tests/editor/test_frameworks.py and test_releases.py
test the same pages on drafts). Anonymous visitors are sent to the login page; every other role gets 403,
whatever the municipality: the norm is national.
"""

MODEL = {"slug": "kommunernes-digitale-kompetencemodel", "version": "1.0"}
RELEASE = {"version": "1.0"}


def _row(name, kwargs=None, method="get", editor=200, data=None):
    row = {
        "name": name,
        "kwargs": kwargs or {},
        "method": method,
        "expected": {
            "anonymous": 302,
            "national_editor": editor,
            "municipal_admin": 403,
            "hr": 403,
            "manager": 403,
            "employee": 403,
            "provider": 403,
            "other_admin": 403,
        },
        "needs": ["shipped_norm"],
    }
    if data is not None:
        row["data"] = data
    return row


CASES = [
    _row("editor:index"),
    _row("editor:case_import"),
    # A POST without a file shows the form again with its error; nothing is stored.
    _row("editor:case_import", method="post", data={}),
    _row("editor:version_create", {"slug": MODEL["slug"]}),
    # Starting version 1.1 redirects to the new draft.
    _row(
        "editor:version_create",
        {"slug": MODEL["slug"]},
        "post",
        302,
        data={f"{MODEL['slug']}-version_label": "1.1"},
    ),
    _row("editor:version", MODEL),
    _row("editor:version", {**MODEL, "version": "9.9"}, editor=404),
    _row("editor:preview", MODEL),
    _row("editor:version_edit", MODEL, editor=302),
    _row("editor:version_edit", MODEL, "post", 302, data={"title_da": "Ændret"}),
    _row("editor:publish", MODEL, editor=302),
    _row("editor:area_create", MODEL, editor=302),
    _row("editor:area_edit", {**MODEL, "code": "A"}, editor=302),
    _row("editor:area_delete", {**MODEL, "code": "A"}, editor=302),
    _row("editor:competence_create", MODEL, editor=302),
    _row("editor:competence_edit", {**MODEL, "code": "A1.1"}, editor=302),
    _row("editor:competence_remove", {**MODEL, "code": "A1.1"}, editor=302),
    _row("editor:competence_remove", {**MODEL, "code": "A1.1"}, "post", 302, data={}),
    _row("editor:descriptors", {**MODEL, "code": "A1.1"}, editor=302),
    _row("editor:levels", MODEL, editor=302),
    _row("editor:level_create", MODEL, editor=302),
    _row("editor:level_edit", {**MODEL, "value": 1}, editor=302),
    _row("editor:level_delete", {**MODEL, "value": 1}, editor=302),
    _row("editor:releases"),
    _row("editor:release_create"),
    # Starting release 1.1 (on the latest published model version) redirects to the new draft release.
    _row("editor:release_create", method="post", editor=302, data={"version": "1.1"}),
    _row("editor:release", RELEASE),
    _row("editor:release", {"version": "9.9"}, editor=404),
    _row("editor:release_publish", RELEASE, editor=302),
    _row("editor:profile_create", RELEASE, editor=302),
    _row("editor:revision", {**RELEASE, "slug": "sygeplejerske"}, editor=302),
    _row("editor:requirements", {**RELEASE, "slug": "sygeplejerske"}, editor=302),
    _row("editor:requirements", {**RELEASE, "slug": "sygeplejerske"}, "post", 302, data={}),
]
