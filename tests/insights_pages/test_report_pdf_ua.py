"""The management report PDF is a tagged PDF/UA-1 document: headings, the heatmap's header cells, the language
and the title read back with pypdf (tests/pdf_ua.py). Its layout is tested in test_exports.py."""

import pytest

from tests.insights_pages.test_exports import campaign, download  # noqa: F401  (the fixture)
from tests.pdf_ua import assert_pdf_ua

pytestmark = pytest.mark.django_db


def test_the_report_pdf_is_tagged(campaign, world, client_for):  # noqa: F811
    response = download(client_for("municipal_admin"), "report", campaign, "AAR")
    assert response.status_code == 200
    structure = assert_pdf_ua(response.content, language=response.wsgi_request.LANGUAGE_CODE[:2],
                              title=world.units["root"].name)
    # The heatmap's units are column headers and its competences row headers: many header cells, not one.
    assert structure.tags["TH"] > 10 and structure.tags["H2"] >= 2
