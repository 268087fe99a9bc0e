"""The management report laid out for print: a summary page first (response rate, the largest gaps, the
strongest areas), then the heatmap in groups of competences that fill the pages, a sane number of pages, and a
subtitle that names the wave once. The PDF is read back with pypdf."""

import io
import math
from types import SimpleNamespace
from uuid import uuid4

import pytest
from django.urls import reverse
from pypdf import PdfReader

from digikomp.frameworks.models import Area
from digikomp.insights.heatmap import Cell, Heatmap, build_heatmap
from digikomp.insights.views import presentation as p
from digikomp.lib.anonymity import AT_LEAST
from tests.campaigns.helpers import answered_campaign, populate


def report(client, campaign, unit="AAR"):
    response = client.get(reverse("insights:report", kwargs={"pk": campaign.pk, "unit": unit}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


def test_the_summary_comes_first_and_the_heatmap_fills_few_pages(campaign, world, client_for):
    pages = report(client_for("municipal_admin"), campaign)
    first = pages[0]
    assert "Summary" in first and "Invited 16" in first and "Responded 13 (81 %)" in first
    assert "The largest gaps" in first and "The strongest areas" in first
    assert "n = " not in first  # no heatmap cell on the summary page
    assert "Heatmap, part 1 of" in pages[1]

    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"])
    groups = math.ceil(len(heatmap.competences) / 8)
    # A summary page, the heatmap's groups (several to a page for a handful of units) and the response rates
    # after them: the old layout made a page or more per five units and left most of each empty.
    heatmap_pages = [i for i, text in enumerate(pages) if "n = " in text]
    assert len(heatmap_pages) <= math.ceil(groups / 2)
    assert len(pages) <= 1 + math.ceil(groups / 2) + 1, len(pages)
    assert "Response rates" in pages[-1]


def test_the_strongest_areas_count_only_the_cells_shown_exactly(shipped_norm):
    """The oracle by hand, over made-up cells of four real areas: each area's share is the answers meeting
    the requirement over the answers in its cells shown exactly; a bounded cell stays out (its exact count
    would follow from the area's total), hidden and empty cells add nothing, an area with none is left out."""
    version = campaign_version()
    x, y, z, w = list(Area.objects.filter(version=version, competences__isnull=False).distinct()
                      .order_by("position"))[:4]

    def comp(area, position):
        return SimpleNamespace(area_id=area.pk, identifier=uuid4(), position=position, code=f"{area.code}.{position}")

    cells = [(comp(x, 1), Cell(10, 2.0, 0.5)), (comp(x, 2), Cell(20, 3.0, 0.75)),      # 5 + 15 of 30: 67 %
             (comp(y, 3), Cell(10, 3.5, 0.9)), (comp(y, 4), Cell(5, 3.8, 0.8, share_bound=AT_LEAST)),  # 9 of 10
             (comp(z, 5), Cell(0, suppressed=True)), (comp(z, 6), Cell(0)),            # nothing shown
             (comp(w, 7), Cell(8, 2.0, 0.5))]                                          # 4 of 8: 50 %
    unit = SimpleNamespace(pk=1)
    heatmap = Heatmap(campaign=None, unit=unit, rows=[unit], competences=[c for c, _ in cells], k=3,
                      cells={(1, c.identifier): cell for c, cell in cells})
    rows = p.areas_by_strength(heatmap)
    assert [(r.area.pk, r.share, r.answers) for r in rows] == [(y.pk, "90 %", 10), (x.pk, "67 %", 30),
                                                               (w.pk, "50 %", 8)]
    assert [r.area.pk for r in p.areas_by_strength(heatmap, limit=2)] == [y.pk, x.pk]


def campaign_version():
    from digikomp.frameworks.models import Framework

    return Framework.objects.get(slug="kommunernes-digitale-kompetencemodel").latest_published()


def test_the_summary_lists_the_areas_and_gaps_of_the_page(campaign, world, client_for):
    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"])
    first = " ".join(report(client_for("municipal_admin"), campaign)[0].split())
    areas = first.split("The strongest areas")[1]
    expected = p.areas_by_strength(heatmap, limit=5)
    assert expected
    places = [areas.index(f"{row.area.code} {row.area.title}: {row.share} of {row.answers} answers")
              for row in expected]
    assert places == sorted(places)
    gaps = first.split("The largest gaps")[1].split("The strongest areas")[0]
    for gap in p.largest_gaps(heatmap, lambda c: "", limit=5):
        assert f"{gap.competence.code} {gap.competence.title}: {gap.cell.share} meet" in gaps


def test_the_subtitle_names_the_wave_once(shipped_norm, world, client_for):
    populate(world)
    campaign = answered_campaign(world, name="Kortlægning af digitale kompetencer, runde 1", series="Digitale "
                                 "kompetencer")
    first = report(client_for("municipal_admin", language="da"), campaign)[0]
    assert "runde 1 · runde 1" not in first and "runde 1, runde 1" not in first
    lines = first.splitlines()
    assert lines[2] == "Kortlægning af digitale kompetencer, runde 1"  # the subtitle under the heading
    # A name without its wave gets it: "Kortlægning 2026 · runde 1".
    other = answered_campaign(world, name="Kortlægning 2027", series="Andet")
    assert "Kortlægning 2027 · runde 1" in report(client_for("municipal_admin", language="da"), other)[0]


def test_the_page_s_lead_names_the_wave_once(shipped_norm, world, client_for):
    populate(world)
    campaign = answered_campaign(world, name="Kortlægning af digitale kompetencer, runde 1")
    page = client_for("municipal_admin", language="da").get(
        reverse("insights:heatmap", kwargs={"pk": campaign.pk, "unit": "AAR"})).content.decode()
    lead = page.split('<p class="lead">')[1].split("</p>")[0]
    assert lead == "Kortlægning af digitale kompetencer, runde 1"


@pytest.mark.django_db
def test_the_demo_s_report_is_a_handful_of_full_pages(client):
    """The demo as seed-demo builds it (smaller: 300 people in 30 units, two closed waves): the management
    report of the whole municipality, which the issue found 11 mostly empty pages long."""
    from django.core.management import call_command

    from digikomp.accounts.models import User
    from digikomp.assessments.models import Campaign
    from digikomp.tenancy.models import OrgUnit

    call_command("seed-demo", people=300, units=30, waves=2)
    admin = User.objects.get(email="admin@aarhus.demo")
    client.force_login(admin)
    client.cookies["digikomp_language"] = "da"
    campaign = Campaign.objects.filter(wave=2).get()
    root = OrgUnit.objects.get(municipality=campaign.municipality, parent__isnull=True)
    pages = report(client, campaign, root.external_id)
    assert "Sammendrag" in pages[0] and "De største huller" in pages[0] and "n = " not in pages[0]
    assert "runde 2 · runde 2" not in pages[0] and "runde 2, runde 2" not in pages[0]
    assert len(pages) <= 7, len(pages)
    # No page but the last is mostly empty.
    assert all(len(text) >= 600 for text in pages[:-1]), [len(text) for text in pages]
