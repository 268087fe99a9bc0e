"""Permission-matrix rows for the municipality's profile pages (/app/profiler/), as data for the lead's
tests/test_permission_matrix.py, which runs each row once for every persona;
test_matrix.py in this folder checks that every URL of the namespace has a row.

Personas: anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin (the
admin of København; everything here is Aarhus's). Viewing needs "profiles.view" (admin, HR, manager),
changing needs "profiles.adapt" (admin, HR). National profiles are read by every municipality in its own
release, so other_admin gets 200 there (and adopts for København); an Aarhus local profile is a 404 for
other_admin.

"needs": "shipped_norm" is the conftest fixture; "aarhus_local_profile" is `aarhus_local_profile(world)` below
(a local profile "matrix-lokal" of Aarhus that extends the nurse profile, with no own requirements).
Each row is expected to run on a fresh database (POST rows change state).
"""

from __future__ import annotations

from tests.personas import PERSONAS

NURSE = {"slug": "sygeplejerske"}
LOCAL = {"slug": "matrix-lokal"}
NORM = ["shipped_norm"]
NORM_AND_LOCAL = ["shipped_norm", "aarhus_local_profile"]


def statuses(*codes: int) -> dict:
    """One status per persona, in the order of tests.personas.PERSONAS."""
    assert len(codes) == len(PERSONAS)
    return dict(zip(PERSONAS, codes, strict=True))


# Reading: admin, HR and manager of any municipality (each sees its own).
VIEW = statuses(302, 403, 200, 200, 200, 403, 403, 200)
# Changing: admin and HR; the page answers itself (form errors: 200) ...
ADAPT_PAGE = statuses(302, 403, 200, 200, 403, 403, 403, 200)
# ... or redirects after the POST.
ADAPT_REDIRECT = statuses(302, 403, 302, 302, 403, 403, 403, 302)
# An Aarhus local profile: København's admin gets 404, as if it did not exist.
LOCAL_VIEW = statuses(302, 403, 200, 200, 200, 403, 403, 404)
LOCAL_ADAPT_PAGE = statuses(302, 403, 200, 200, 403, 403, 403, 404)
LOCAL_ADAPT_REDIRECT = statuses(302, 403, 302, 302, 403, 403, 403, 404)


def case(name, kwargs=None, method="get", expected=VIEW, data=None, needs=NORM) -> dict:
    row = {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs)}
    if data is not None:
        row["data"] = data
    return row


CASES = [
    # The library, the summary of deviations, taking in a release (without one, a municipality takes in the
    # latest).
    case("profiles:library"),
    case("profiles:deviations"),
    case("profiles:take_in", expected=ADAPT_PAGE),
    case("profiles:take_in", method="post", expected=ADAPT_REDIRECT, data={}),
    # A national profile in the municipality.
    case("profiles:national", NURSE),
    case("profiles:diff", NURSE),
    case("profiles:adopt", NURSE, "post", ADAPT_REDIRECT),
    # Not adopted yet: each change redirects back with "adopt the profile first".
    case("profiles:adaptation_save", NURSE, "post", ADAPT_REDIRECT, data={}),
    case("profiles:adaptation_add", NURSE, "post", ADAPT_REDIRECT,
         data={"competence": "D2.3", "level": "2", "importance": "useful"}),
    case("profiles:adaptation_remove", NURSE, "post", ADAPT_REDIRECT, data={"competence": "B1.1"}),
    case("profiles:adaptation_restore", NURSE, "post", ADAPT_REDIRECT, data={"competence": "B1.1"}),
    case("profiles:adaptation_describe", NURSE, "post", ADAPT_REDIRECT, data={"local_name": "Lokalt navn"}),
    # Local profiles.
    case("profiles:local_create", expected=ADAPT_PAGE),
    case("profiles:local_create", method="post", expected=ADAPT_PAGE, data={}),  # empty form: errors, 200
    case("profiles:local", LOCAL, expected=LOCAL_VIEW, needs=NORM_AND_LOCAL),
    case("profiles:local_edit", LOCAL, expected=LOCAL_ADAPT_PAGE, needs=NORM_AND_LOCAL),
    case("profiles:local_edit", LOCAL, "post", LOCAL_ADAPT_PAGE, data={}, needs=NORM_AND_LOCAL),
    case("profiles:local_requirements", LOCAL, "post", LOCAL_ADAPT_REDIRECT, data={}, needs=NORM_AND_LOCAL),
    case("profiles:local_requirement_add", LOCAL, "post", LOCAL_ADAPT_PAGE, data={}, needs=NORM_AND_LOCAL),
    case("profiles:local_requirement_remove", LOCAL, "post", LOCAL_ADAPT_REDIRECT,
         data={"competence": "A1.1"}, needs=NORM_AND_LOCAL),
    case("profiles:local_delete", LOCAL, expected=LOCAL_ADAPT_PAGE, needs=NORM_AND_LOCAL),
    case("profiles:local_delete", LOCAL, "post", LOCAL_ADAPT_REDIRECT, data={}, needs=NORM_AND_LOCAL),
    # Job codes.
    case("profiles:job_codes"),
    case("profiles:job_codes_csv"),
    case("profiles:job_codes_save", method="post", expected=ADAPT_REDIRECT, data={}),
    case("profiles:job_codes_import", expected=ADAPT_PAGE),
    case("profiles:job_codes_import", method="post", expected=ADAPT_PAGE, data={}),  # no file: errors, 200
]


def aarhus_local_profile(world):
    """The "aarhus_local_profile" need: Aarhus's local profile "matrix-lokal" extending the nurse profile."""
    from digikomp.profiles.models import Profile
    from digikomp.profiles.municipal.services import local_profile_create

    return local_profile_create(municipality=world.aarhus, name_da="Matrix lokal", slug="matrix-lokal",
                                extends=Profile.objects.get(owner__isnull=True, slug="sygeplejerske"))
