"""Permission-matrix rows for the insight pages (/app/indsigt/), as data for the lead's
tests/test_permission_matrix.py, which runs each row once for every persona;
test_matrix.py in this folder checks that every URL of the namespace has a row.

Personas: anonymous, national_editor, municipal_admin, hr, manager, employee, provider, other_admin. The pages
need "insights.view" (admin, HR, manager); the national picture "insights.national" (national editors). Managers
see the subtree they lead (SOC): BOU is a 404 for them. København's admin sees its own (empty) list of campaigns
and gets 404 for Aarhus's campaign. The campaign's start page redirects to the heatmap of the one unit the
requester sees from (the root for admin and HR, SOC for the manager).

"needs": see tests/campaigns/matrix_cases.py ("aarhus_campaign" is its `aarhus_campaign(world)`, re-exported
here so the lead's runner finds it in either module).
"""

from __future__ import annotations

from tests.campaigns.matrix_cases import MATRIX_CAMPAIGN, NEEDS, aarhus_campaign, statuses  # noqa: F401

SOC = {"pk": MATRIX_CAMPAIGN, "unit": "SOC"}
BOU = {"pk": MATRIX_CAMPAIGN, "unit": "BOU"}
KBH = {"pk": MATRIX_CAMPAIGN, "unit": "KBH"}

VIEW = statuses(302, 403, 200, 200, 200, 403, 403, 404)
VIEW_OWN = statuses(302, 403, 200, 200, 200, 403, 403, 200)
OUTSIDE_MANAGER = statuses(302, 403, 200, 200, 404, 403, 403, 404)
NOBODY = statuses(302, 403, 404, 404, 404, 403, 403, 404)
START = statuses(302, 403, 302, 302, 302, 403, 403, 404)
NATIONAL = statuses(302, 200, 403, 403, 403, 403, 403, 403)


def case(name, kwargs=None, method="get", expected=VIEW, needs=NEEDS) -> dict:
    return {"name": name, "kwargs": kwargs or {}, "method": method, "expected": expected, "needs": list(needs)}


CASES = [
    case("insights:index", expected=VIEW_OWN),
    case("insights:national", expected=NATIONAL),
    case("insights:campaign", {"pk": MATRIX_CAMPAIGN}, expected=START),
    case("insights:campaign", {"pk": 999999}, expected=NOBODY),
    case("insights:heatmap", SOC),
    case("insights:heatmap", BOU, expected=OUTSIDE_MANAGER),
    case("insights:heatmap", KBH, expected=NOBODY),  # another municipality's unit
    case("insights:coverage", SOC),
    case("insights:coverage", BOU, expected=OUTSIDE_MANAGER),
    case("insights:knowledge", SOC),
    case("insights:knowledge", BOU, expected=OUTSIDE_MANAGER),
    case("insights:waves", SOC),
    case("insights:waves", BOU, expected=OUTSIDE_MANAGER),
    case("insights:xlsx", SOC),
    case("insights:xlsx", BOU, expected=OUTSIDE_MANAGER),
    case("insights:report", SOC),
    case("insights:report", BOU, expected=OUTSIDE_MANAGER),
    case("insights:heatmap", SOC, "post", statuses(405, 405, 405, 405, 405, 405, 405, 405)),
]
