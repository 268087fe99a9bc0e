"""Permission-matrix rows for the public norm pages (/normen/), for tests/test_permission_matrix.py.

Everything here is public: every persona, anonymous included, gets the same answer. With only the shipped
norm loaded no municipality has adapted a profile, so a municipality's adapted-profile page and its PDF
answer 404 to everyone (tests/norm_public/test_profile_pages.py covers the 200 with an adaptation).
"""

from tests.personas import PERSONAS

MODEL = "kommunernes-digitale-kompetencemodel"


def everyone(status: int) -> dict:
    return {persona: status for persona in PERSONAS}


def _case(name: str, kwargs: dict | None = None, status: int = 200, method: str = "get") -> dict:
    return {"name": name, "kwargs": kwargs or {}, "method": method, "expected": everyone(status),
            "needs": ["shipped_norm"]}


CASES = [
    _case("norm:index"),
    _case("norm:framework", {"slug": MODEL}),
    _case("norm:framework", {"slug": "digcomp-2-2"}),
    _case("norm:framework_version", {"slug": MODEL, "version": "1.0"}),
    _case("norm:framework_version", {"slug": MODEL, "version": "9.9"}, 404),
    _case("norm:competence", {"slug": MODEL, "version": "1.0", "code": "A1.1"}),
    *[_case("norm:framework_download", {"slug": MODEL, "version": "1.0", "fmt": fmt})
      for fmt in ("json", "csv", "moodle-da", "moodle-en", "case")],
    _case("norm:framework_pdf", {"slug": MODEL, "version": "1.0", "language": "da"}),
    _case("norm:framework_pdf", {"slug": MODEL, "version": "9.9", "language": "da"}, 404),
    _case("norm:profiles"),
    _case("norm:profiles_download", {"fmt": "json"}),
    _case("norm:profiles_download", {"fmt": "csv"}),
    _case("norm:profile", {"slug": "laerer"}),
    _case("norm:profile_pdf", {"slug": "laerer", "language": "da"}),
    _case("norm:municipality_profiles", {"code": "751"}),
    _case("norm:municipality_profile", {"code": "751", "slug": "sygeplejerske"}, 404),
    _case("norm:municipality_profile_pdf", {"code": "751", "slug": "sygeplejerske", "language": "en"}, 404),
    # Read-only pages: a POST is refused for everyone alike (the test client skips the CSRF check).
    _case("norm:profile", {"slug": "laerer"}, 405, method="post"),
]
