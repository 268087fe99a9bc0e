"""Related cases on each case, and from a competence of the public model to the cases about its area."""

import pytest

from tests.catalogue.helpers import make_case
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db

MODEL = "kommunernes-digitale-kompetencemodel"


def test_a_case_shows_related_cases_and_not_unpublished_ones(client):
    make_case(title="Ambassadører i hjemmeplejen", slug="a", groups=("sundhed-og-omsorg",), areas=("A1",))
    make_case(title="Tablets på plejecentrene", slug="b", groups=("sundhed-og-omsorg",), areas=("A1",))
    make_case(title="Helt andet", slug="c", groups=("unge",), types=("kampagne",), areas=("D3",))
    make_case(title="Kladde i hjemmeplejen", slug="d", groups=("sundhed-og-omsorg",), publish=False)
    page = client.get("/katalog/a/")
    related = [a["href"] for a in find(page, "a") if a.get("href", "").startswith("/katalog/")
               and a["href"].count("/") == 3]
    assert "/katalog/b/" in related and "/katalog/d/" not in related
    assert text(page).index("Tablets på plejecentrene") > text(page).index("Beslægtede cases")


def test_a_competence_page_links_to_the_cases_about_its_area(client, shipped_norm):
    make_case(title="Digital hjælp", areas=("C2",))
    make_case(title="Kladde", areas=("C2",), publish=False)
    page = client.get(f"/normen/{MODEL}/1.0/kompetencer/C2.3/")
    assert page.status_code == 200
    link = find(page, "a", href="/katalog/?kompetenceomr%C3%A5de=C2")
    assert link
    assert "1 case i inspirationskataloget om C2" in text(page)
    # DigComp's competences are not filed in the catalogue.
    assert "Inspiration fra kommunerne" not in text(client.get("/normen/digcomp-2-2/2.2/kompetencer/1.1/"))


def test_the_area_facet_is_named_from_the_national_model(client, shipped_norm):
    make_case(areas=("C2",))
    response = client.get("/katalog/?kompetenceomr%C3%A5de=C2")
    assert "C2 Digital kommunikation 1:1 med borgere" in text(response)
