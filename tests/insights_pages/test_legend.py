"""The heatmap's colour scale, read from the stylesheet the page and the PDF use: every band's text has a
contrast of at least 4.5:1 (WCAG 2.1 AA), the bands get lighter from the lowest share to the highest so they
stay apart in greyscale print and for colour-blind readers, and none is white like an empty or hidden cell.
The luminance and contrast are computed here from the WCAG 2.1 formula, not taken from the comment in the CSS."""

import re
from pathlib import Path

import pytest

from digikomp.insights.views import presentation as p

CSS = Path(__file__).resolve().parents[2] / "src/digikomp/static/digikomp/css/insights.css"


def rule(selector: str) -> str:
    match = re.search(r"(?m)^" + re.escape(selector) + r" \{([^}]*)\}", CSS.read_text("utf-8"))
    assert match, selector
    return match.group(1)


def prop(body: str, name: str) -> str:
    return re.search(r"(?m)^\s*" + name + r":\s*([^;]+);", body).group(1).strip()


def luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula_against_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey


BANDS = range(len(p.BIN_LABELS))


@pytest.mark.parametrize("band", BANDS)
def test_each_band_s_text_has_a_contrast_of_at_least_4_5(band):
    body = rule(f".hm-c{band}")
    assert contrast(prop(body, "background"), prop(body, "color")) >= 4.5


def test_the_bands_get_lighter_with_the_share_and_stay_apart_in_greyscale():
    lights = [luminance(prop(rule(f".hm-c{band}"), "background")) for band in BANDS]
    assert len(lights) == 5 == len(p.BINS) + 1
    # Each band lighter than the one below it by a contrast of at least 1.4:1, told apart without hue.
    for lower, higher in zip(lights, lights[1:], strict=False):
        assert (higher + 0.05) / (lower + 0.05) >= 1.4
    # None is white or nearly (hidden and empty cells are white): the lightest is clearly darker.
    assert (1.05) / (max(lights) + 0.05) >= 1.2


def test_hidden_and_empty_cells_are_told_apart_by_pattern_and_mark_not_by_a_band_colour():
    hidden, empty = rule(".hm-hidden"), rule(".hm-empty")
    assert "repeating-linear-gradient" in prop(hidden, "background")  # hatched
    stripes = re.findall(r"#[0-9a-f]{6}", prop(hidden, "background"))
    assert all(contrast(stripe, prop(hidden, "color")) >= 4.5 for stripe in stripes)
    assert contrast(prop(empty, "background"), prop(empty, "color")) >= 4.5
    band_colours = {prop(rule(f".hm-c{band}"), "background") for band in BANDS}
    assert prop(empty, "background") not in band_colours and not band_colours & set(stripes)


def test_the_bins_follow_the_labels():
    assert [p.colour_bin(share) for share in (0, 0.19, 0.2, 0.39, 0.4, 0.59, 0.6, 0.79, 0.8, 1)] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
