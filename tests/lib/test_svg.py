"""The SVG bar chart: accessible on its own, escaped, scaled, and free of inline styles."""

import xml.etree.ElementTree as ET

import pytest

from digikomp.lib.svg import Bar, bar_chart, chart_description, truncate

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def chart(**kwargs):
    defaults = {
        "bars": [Bar("A1.1 Basal brug", 2, "2 Øvet"), Bar("A1.2 Fagsystemer", 4, "4 Ekspert")],
        "title": "Krævede niveauer", "description": "Niveau pr. kompetence.", "max_value": 4,
        "ticks": [(v, str(v)) for v in range(1, 5)], "id_prefix": "profil",
    }
    return parse(bar_chart(**{**defaults, **kwargs}))


def test_it_is_an_image_named_by_its_title_and_desc():
    svg = chart()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "profil-title profil-desc"
    assert svg.find("svg:title", NS).get("id") == "profil-title"
    assert svg.find("svg:title", NS).text == "Krævede niveauer"
    desc = svg.find("svg:desc", NS)
    assert desc.get("id") == "profil-desc"
    # The description carries every value, because a screen reader reads the chart as one image.
    assert desc.text == "Niveau pr. kompetence. A1.1 Basal brug: 2 Øvet; A1.2 Fagsystemer: 4 Ekspert."


def test_labels_and_values_are_text_not_only_bars():
    texts = [t.text for t in chart().iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:4] == ["1", "2", "3", "4"]  # the axis
    assert "A1.1 Basal brug" in texts and "2 Øvet" in texts and "4 Ekspert" in texts


def test_bars_are_scaled_to_the_maximum():
    svg = chart(width=760, label_width=320)
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "chart-bar"]
    assert len(bars) == 2
    widths = [float(b.get("width")) for b in bars]
    assert widths[1] == pytest.approx(2 * widths[0])
    plot_width = 760 - (320 + 8) - 190
    assert widths[1] == pytest.approx(plot_width)
    assert all(float(b.get("x")) == 328 for b in bars)


def test_values_above_the_maximum_do_not_leave_the_plot():
    svg = chart(bars=[Bar("x", 9, "9")], max_value=4)
    bar = next(r for r in svg.iter("{http://www.w3.org/2000/svg}rect"))
    assert float(bar.get("x")) + float(bar.get("width")) <= 760 - 190


def test_a_row_without_value_has_no_bar_but_keeps_its_text():
    svg = chart(bars=[Bar("A3.1 Sikkerhed", None, "fjernet (norm: 2)", reference=2, css_class="removed")])
    assert not list(svg.iter("{http://www.w3.org/2000/svg}rect"))
    row = next(g for g in svg.iter("{http://www.w3.org/2000/svg}g"))
    assert row.get("class") == "chart-row removed"
    assert [t.text for t in row.iter("{http://www.w3.org/2000/svg}text")] == ["A3.1 Sikkerhed", "fjernet (norm: 2)"]
    marker = [line for line in row.iter("{http://www.w3.org/2000/svg}line") if line.get("class") == "chart-reference"]
    assert len(marker) == 1 and marker[0].get("stroke")


def test_user_text_is_escaped():
    markup = str(bar_chart([Bar('<script>"&', 1, "<b>")], title="a<b & c", max_value=2))
    assert "<script>" not in markup and "<b>" not in markup
    svg = parse(markup)  # still well-formed XML
    assert svg.find("svg:title", NS).text == "a<b & c"
    assert '<script>"&' in [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_no_inline_style_attributes_or_elements():
    markup = str(bar_chart([Bar("a", 1, "1", reference=2)], title="t", max_value=2, ticks=[(1, "1")]))
    assert " style=" not in markup and "<style" not in markup
    assert 'fill="' in markup  # presentation attributes, which the CSP allows


def test_long_labels_are_shortened_to_fit_but_kept_whole_in_the_tooltip():
    label = "B3.2 Etik i brug af data og algoritmer i kommunens borgerrettede sagsbehandling og i planlægning"
    row = next(chart(bars=[Bar(label, 1, "1")], label_width=200).iter("{http://www.w3.org/2000/svg}g"))
    shown = next(t.text for t in row.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "chart-label")
    assert shown.endswith("…") and len(shown) < len(label)
    assert row.find("svg:title", NS).text == f"{label}: 1"


def test_an_empty_chart_is_still_a_valid_labelled_image():
    svg = chart(bars=[], description="Ingen krav.")
    assert svg.get("role") == "img" and svg.find("svg:desc", NS).text == "Ingen krav."


def test_max_value_must_be_positive():
    with pytest.raises(ValueError):
        bar_chart([], title="t", max_value=0)


@pytest.mark.parametrize("text,limit,expected", [
    ("kort", 10, "kort"), ("en lidt længere tekst", 10, "en lidt…"), ("  mange   mellemrum ", 20, "mange mellemrum"),
    ("x", 0, ""),
])
def test_truncate(text, limit, expected):
    assert truncate(text, limit) == expected
    assert len(truncate(text, limit)) <= max(limit, 0)


def test_chart_description_without_sentence():
    assert chart_description("", [Bar("a", 1, "1"), Bar("b", 2)]) == "a: 1; b"
