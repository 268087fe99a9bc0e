"""The XLSX and the management report agree cell by cell with insights.heatmap, and a hidden cell carries no
number in either: the XLSX is opened with openpyxl, the PDF read back as text with pypdf."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from digikomp.insights import selectors
from digikomp.insights.heatmap import build_heatmap
from digikomp.profiles.models import Profile
from tests.campaigns.helpers import answered_campaign, populate


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


def download(client, name, campaign, unit, **params):
    url = reverse(f"insights:{name}", kwargs={"pk": campaign.pk, "unit": unit})
    return client.get(url, params)


def sheet_rows(workbook, index):
    return [list(row) for row in workbook.worksheets[index].iter_rows(values_only=True)]


def _share(cell):
    """What the spreadsheet must hold for a shown share: the number, or the bound as words (the XLSX is made
    in the reader's language, English here)."""
    if cell.share_bound is None:
        return pytest.approx(cell.share_meeting, abs=0.00005)
    words = "at most" if cell.share_bound == "at_most" else "at least"
    return f"{words} {round(cell.share_meeting * 100)} %"


@pytest.mark.parametrize("profile_slug", [None, "social-og-sundhedsassistent"])
def test_the_xlsx_holds_the_heatmap_cell_by_cell(campaign, world, client_for, profile_slug):
    profile_id = Profile.objects.get(slug=profile_slug, owner__isnull=True).pk if profile_slug else None
    params = {"profil": profile_id} if profile_id else {}
    response = download(client_for("municipal_admin"), "xlsx", campaign, "AAR", **params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Summary", "Heatmap", "Share meeting", "Response rates"]

    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"], profile_id=profile_id)
    rows = sheet_rows(workbook, 1)[1:]
    assert len(rows) == len(heatmap.rows) * len(heatmap.competences)
    by_key = {(r[1], r[2]): r for r in rows}
    hidden = 0
    for unit, cells in heatmap.table():
        for competence, cell in zip(heatmap.competences, cells, strict=True):
            _name, _id, _code, _title, n, mean, share = by_key[(unit.external_id, competence.code)]
            if cell.suppressed:
                hidden += 1
                assert (n, mean, share) == ("–", "–", "–")
            elif not cell.n:
                assert (n, mean, share) == (0, None, None)
            else:
                assert n == cell.n and mean == pytest.approx(cell.mean, abs=0.005)
                assert share == _share(cell)
    # Unfiltered, BOU's two teachers are hidden; the assistants alone have no unit below k to hide.
    assert hidden > 0 if profile_id is None else hidden == 0

    matrix = sheet_rows(workbook, 2)
    assert matrix[0] == ["Unit", *[c.code for c in heatmap.competences]]
    for (unit, cells), row in zip(heatmap.table(), matrix[1:], strict=True):
        assert row[0] == unit.name
        for cell, value in zip(cells, row[1:], strict=True):
            assert value == ("–" if cell.suppressed else None if not cell.n else _share(cell))

    # No sheet has a number where a hidden cell is: every "–" row of the long sheet is "–" throughout.
    for row in rows:
        if "–" in row:
            assert row[4:] == ["–", "–", "–"]


def test_the_xlsx_response_rates_hide_small_groups(campaign, world, client_for):
    workbook = load_workbook(io.BytesIO(download(client_for("hr"), "xlsx", campaign, "AAR").content))
    rates = {row[0]: row[1:] for row in sheet_rows(workbook, 3)[1:]}
    expected = {r.unit.name: r for r in selectors.response_rates(campaign=campaign, unit=world.units["root"])}
    assert set(rates) == set(expected)
    for name, rate in expected.items():
        if rate.suppressed:
            assert rates[name] == [rate.invited, "–", "–"]
        else:
            assert rates[name][:2] == [rate.invited, rate.responded]
    assert rates["Børn og Unge"][1] == "–"  # two respondents


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_pdf_shows_the_same_cells_and_no_hidden_number(campaign, world, client_for):
    response = download(client_for("municipal_admin"), "report", campaign, "AAR")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = pdf_text(response)
    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"])

    # Summary: the campaign, the invited and responded and the overall coverage.
    coverage = selectors.coverage(campaign=campaign, unit=world.units["root"])
    assert "Kortlægning 2026" in content and "Invited 16" in content and "Responded 13 (81 %)" in content
    assert f"{round(coverage.overall * 100)} % of the answers meet the requirement" in content

    # The heatmap as on screen, units down the page, cut into groups of eight competences: reading the text in
    # order gives, per group, per unit, its cells in the model's order. Each shown cell prints "n = <n>"; a
    # hidden one prints only "–", an empty one "·".
    section = content.split("Heatmap, part 1 of")[1].split("Response rates")[0]
    groups = [heatmap.competences[i:i + 8] for i in range(0, len(heatmap.competences), 8)]
    assert f"Heatmap, part {len(groups)} of {len(groups)}" in content
    order = [(u, c) for group in groups for u in heatmap.rows for c in group]
    shown = [heatmap.cell(u, c) for u, c in order if not heatmap.cell(u, c).suppressed and heatmap.cell(u, c).n]
    assert re.findall(r"n = (\d+)", section) == [str(cell.n) for cell in shown]
    hidden = sum(heatmap.cell(u, c).suppressed for u in heatmap.rows for c in heatmap.competences)
    assert hidden > 0
    assert section.count("–") == hidden

    # The shares in order, likewise (a hidden cell adds none).
    assert re.findall(r"(\d+) %", section) == [str(round(cell.share_meeting * 100)) for cell in shown]

    # The largest gaps and the response rates: BOU's two respondents are below k = 3 and hidden; Kultur's four
    # are shown (no large neighbour is hidden to protect a small one).
    assert "The largest gaps" in content and "Response rates" in content
    rates = content.split("Response rates")[-1]
    assert re.search(r"Børn og Unge 2 – –", rates) and re.search(r"Kultur 4 4 100 %", rates)


def test_the_report_of_a_manager_s_unit(campaign, world, client_for):
    manager = client_for("manager")
    assert download(manager, "report", campaign, "SOC").status_code == 200
    assert download(manager, "report", campaign, "AAR").status_code == 404
    assert download(manager, "xlsx", campaign, "BOU").status_code == 404
    assert download(client_for("other_admin"), "xlsx", campaign, "SOC").status_code == 404
    assert download(client_for("employee"), "report", campaign, "SOC").status_code == 403


def test_the_xlsx_of_an_open_campaign_reads_the_same_before_and_after_one_more_answer(shipped_norm, world,
                                                                                      client_for):
    """The attack on the downloads: take the spreadsheet, let one known person answer, take it again."""
    from digikomp.assessments.models import Invitation
    from digikomp.assessments.services import response_submit

    populate(world)
    campaign = answered_campaign(world, closed=False, skip=("P3", "H0"))
    client = client_for("municipal_admin")

    def sheets():
        workbook = load_workbook(io.BytesIO(download(client, "xlsx", campaign, "AAR").content))
        return [sheet_rows(workbook, index) for index in (1, 2, 3)]

    before = sheets()
    late = Invitation.objects.get(campaign=campaign, person__external_id="H0")
    response_submit(invitation=late, body={"answers": {i: 4 for i in late.requirements}})
    after = sheets()
    # The figures of answers are the same (none); the response counts may move, but only in whole steps of k,
    # here from 6 to 9 in SOC as H0 is the ninth there: the step tells that three have answered since 6.
    assert before[:2] == after[:2]
    heatmap_sheet, matrix_sheet, rates_sheet = after
    # No figure of answers at all; response counts only in whole steps of k = 3.
    assert all(row[4:] == ["–", "–", "–"] for row in heatmap_sheet[1:])
    assert all(value == "–" for row in matrix_sheet[1:] for value in row[1:])
    assert all(row[2] == "–" or row[2] % 3 == 0 for row in rates_sheet[1:])
