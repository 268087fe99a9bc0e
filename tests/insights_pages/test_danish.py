"""The insight pages and their downloads in Danish, the default language: the headings and sentences come from
the insights catalogue (insights/locale/da), nothing of the templates' English is left over, and the XLSX and
the management report follow the reader's language. The catalogue itself is complete, compiled and keeps every
placeholder, so a string added without its translation, or a catalogue not compiled, fails here."""

import gettext
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

import digikomp.insights
from tests.campaigns.helpers import answered_campaign, populate
from tests.insights_pages.markup import plain
from tests.insights_pages.po import read_po

CATALOGUE = Path(digikomp.insights.__file__).parent / "locale" / "da" / "LC_MESSAGES"

# Words of the insights templates' and exports' English that are not Danish words. One of them on a Danish
# page means a string fell back to English: its msgid changed without the catalogue, or it was never compiled.
ENGLISH = {
    "the", "of", "and", "with", "than", "each", "where", "which", "between", "meet", "meets", "requirement",
    "hidden", "fewer", "answers", "answered", "level", "levels", "unit", "units", "respondent", "respondents",
    "coverage", "wave", "waves", "profile", "profiles", "show", "report", "spreadsheet", "management",
    "competence", "competences", "change", "share", "mean", "all", "knowledge", "checks", "know", "confident",
    "largest", "gaps", "gap", "campaign", "campaigns", "series", "municipality", "picture", "made", "summary",
    "invited", "responded", "rate", "rates", "page", "views", "filters", "breadcrumb", "read", "cell",
    "colour", "overall", "answer", "about",
}


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


@pytest.fixture
def danish(client_for):
    return client_for("municipal_admin", "da")


def page_url(name, campaign, unit="AAR"):
    return reverse(f"insights:{name}", kwargs={"pk": campaign.pk, "unit": unit})


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower())) & ENGLISH


def main_text(response) -> str:
    """What a reader and a screen reader get from <main>: its text, its aria-labels and the page title."""
    html = response.content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    labels = re.findall(r'aria-label="([^"]*)"', main)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    return " ".join([plain(title), plain("<main" + main), *labels])


def elements(response, tag: str) -> list[str]:
    html = response.content.decode()
    return [plain(inner) for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)]


def test_the_heatmap_page_reads_in_danish(campaign, danish):
    page = danish.get(page_url("heatmap", campaign))
    assert page.status_code == 200
    assert '<html lang="da">' in page.content.decode()
    assert elements(page, "h1") == ["Heatmap over Aarhus Kommune"]
    assert elements(page, "title")[0].startswith("Heatmap over Aarhus Kommune")
    headings = elements(page, "h2")
    assert {"Sådan læser du heatmappet", "De største huller", "Downloads"} <= set(headings)
    assert elements(page, "caption") == ["Aarhus Kommune og enhederne lige under, pr. kompetence"]
    text = main_text(page)
    for sentence in [
        "Heatmap Dækning og niveauer Videnstjek Udvikling mellem runder",  # the tabs, in order
        "På tværs af alle kompetencer opfylder", "af svarene profilens krav.",
        "skjult: færre end 3 respondenter",  # the legend's plural, with this campaign's k
        "Heatmappet som regneark (XLSX)", "Ledelsesrapport (PDF)",
        "Aarhus Kommune (i alt)",
    ]:
        assert sentence in text
    assert english_words(text) == set()


def test_the_coverage_page_reads_in_danish(campaign, danish):
    page = danish.get(page_url("coverage", campaign))
    assert page.status_code == 200
    assert elements(page, "h1") == ["Dækning og niveauer i Aarhus Kommune"]
    assert "Niveauer pr. kompetence" in elements(page, "h2")
    assert elements(page, "caption") == ["Dækning pr. kompetence"]
    columns = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', page.content.decode().split("coverage-table")[1])
    assert columns == ["Kompetence", "Respondenter", "Gennemsnitligt niveau", "Opfylder kravet", "Ved ikke"]
    text = main_text(page)
    assert "Samlet dækning:" in text and "stort hul" in text
    assert "»–«: skjult, færre end 3 respondenter" in text
    assert "Antal personer på hvert niveau" in text  # the charts' descriptions, from the view
    assert english_words(text) == set()


@pytest.mark.parametrize("name", ["knowledge", "waves"])
def test_the_other_unit_pages_have_no_english_left(campaign, danish, name):
    page = danish.get(page_url(name, campaign))
    assert page.status_code == 200
    assert english_words(main_text(page)) == set()


def test_the_xlsx_follows_the_danish_reader(campaign, danish):
    workbook = load_workbook(io.BytesIO(danish.get(page_url("xlsx", campaign)).content))
    # "Sammendrag" is also Django admin's word for "Summary", and its catalogue comes before ours.
    assert workbook.sheetnames == ["Sammendrag", "Heatmap", "Andel, der opfylder kravet", "Svarprocenter"]
    summary = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert [label for label, _value in summary[:8]] == [
        "Kortlægning", "Serie", "Periode", "Enhed", "Profil", "Anonymitetsgrænse",
        "Andel, der opfylder kravet, alle kompetencer", "Dannet"]
    assert summary[1][1] == "Kortlægning, runde 1"
    assert summary[3][1] == "Aarhus Kommune" and summary[4][1] == "Alle profiler"
    assert summary[-1][0].startswith("»–« betyder skjult")
    headers = [next(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets[1:]]
    assert list(headers[0]) == ["Enhed", "Enheds-id", "Kompetencekode", "Kompetence", "Respondenter",
                                "Gennemsnitligt niveau", "Andel, der opfylder kravet"]
    assert headers[1][0] == "Enhed"
    assert list(headers[2]) == ["Enhed", "Inviteret", "Har svaret", "Svarprocent"]
    cells = " ".join(str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                     for value in row if isinstance(value, str))
    assert english_words(cells) == set()


def test_the_management_report_follows_the_danish_reader(campaign, danish):
    response = danish.get(page_url("report", campaign))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    content = "\n".join(page.extract_text() for page in reader.pages)
    for sentence in ["Ledelsesrapport", "Digitale kompetencer i Aarhus Kommune", "Sammendrag", "Inviteret 16",
                     "Har svaret 13 (81 %)", "af svarene opfylder kravet", "Anonymitetsgrænse 3",
                     "Sådan læser du heatmappet", "De største huller", "Svarprocenter", "Side 1 af"]:
        assert sentence in content
    assert re.search(r"Dannet \d+\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
                     r"november|december) \d{4}", content)
    assert english_words(content) == set()


def test_the_catalogue_is_complete_compiled_and_keeps_the_placeholders():
    entries = [entry for entry in read_po(CATALOGUE / "django.po") if entry.msgid]
    assert len(entries) > 100
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in entries:
        assert "fuzzy" not in entry.flags, entry.msgid
        assert all(entry.msgstr), entry.msgid
        for translation in entry.msgstr:
            # Placeholders and markup must survive translation, or the page raises or loses its emphasis.
            assert sorted(re.findall(r"%\(\w+\)s|</?\w+>", translation)) == \
                sorted(re.findall(r"%\(\w+\)s|</?\w+>", entry.msgid)), entry.msgid
        if entry.msgid_plural:
            assert [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)] == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr[0], f"not compiled: {entry.msgid}"


@pytest.mark.parametrize("name", ["heatmap", "coverage", "knowledge", "waves"])
def test_an_open_campaign_s_pages_say_in_danish_when_results_come_and_show_no_figure(shipped_norm, world, danish,
                                                                                     name):
    from tests.campaigns.helpers import answered_campaign, populate

    populate(world)
    campaign = answered_campaign(world, closed=False)
    page = danish.get(page_url(name, campaign))
    assert page.status_code == 200
    text = main_text(page)
    assert "Resultaterne vises, når kortlægningen lukker efter" in text and "i trin af 3" in text
    assert english_words(text) == set()
    # No cell of the page carries a number: heatmap cells, table cells and charts alike.
    html = page.content.decode()
    assert 'class="hm-cell hm-c' not in html and "<svg" not in html
    assert not re.search(r'<td class="num">\s*\d', html)
