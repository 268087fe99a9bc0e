"""GET /api/v1/cases returns what /katalog/ shows: the same cases in the same order, the same total and the
same facet counts."""

import re

import pytest

from tests.catalogue.helpers import make_case
from tests.web.markup import text

pytestmark = pytest.mark.django_db

QUERIES = ["", "q=kompetencer", "q=ældre+borgere", "målgruppe=aeldre", "type=kursus&målgruppe=ledere",
           "q=digital&region=1084", "kommune=751&sortering=dato", "q=hjælp&sortering=relevans"]


@pytest.fixture
def catalogue():
    from digikomp.demo.catalogue import seed_catalogue

    seed_catalogue()
    make_case(title="Kladde om ældre borgere", publish=False, groups=("aeldre",))


@pytest.mark.parametrize("querystring", QUERIES)
def test_the_api_returns_what_the_page_shows(client, catalogue, querystring):
    page = client.get(f"/katalog/?{querystring}")
    api = client.get(f"/api/v1/cases?{querystring}&limit=100").json()
    slugs_on_page = re.findall(r'<h2 class="case-item-title"><a href="/katalog/([^/"]+)/"', page.content.decode())
    assert [case["slug"] for case in api["results"]][:20] == slugs_on_page
    count_on_page = int(re.search(r"(\d+) cases?\b", text(page)).group(1))
    assert api["count"] == count_on_page
    for facet in page.context["facets"]:
        assert {v.value: v.count for v in facet.values} == {
            v["value"]: v["count"] for v in api["facets"][facet.name]["values"]}
    assert all("Kladde" not in case["title"] for case in api["results"])


def test_the_api_describes_each_case_and_pages_with_limit_and_offset(client, catalogue):
    first = client.get("/api/v1/cases", {"limit": 5}).json()
    second = client.get("/api/v1/cases", {"limit": 5, "offset": 5}).json()
    assert first["count"] == second["count"] >= 30
    assert len(first["results"]) == 5 and first["results"][0]["slug"] != second["results"][0]["slug"]
    case = first["results"][0]
    assert set(case) == {"slug", "title", "summary", "url", "published_at", "municipalities", "target_groups",
                         "effort_types", "competence_areas"}
    assert case["url"].startswith("http://testserver/katalog/")
    assert client.get("/api/v1/cases", {"limit": 1000}).json()["limit"] == 100


def test_the_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema", HTTP_ACCEPT="application/json")
    assert b"/api/v1/cases" in schema.content
