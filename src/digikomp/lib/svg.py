"""Accessible server-side SVG charts: small pure functions from numbers and labels to SVG markup.

The same markup goes into web pages and WeasyPrint PDFs, so it must stand on its own:
- role="img" with a <title> and a <desc> (referenced by aria-labelledby); assistive technology treats the
  chart as one image, so the <desc> carries every value as text, not only a summary.
- Labels and values are drawn as <text>, never only as colour or length.
- No style="" attributes (the Content-Security-Policy forbids inline styles): colours are presentation
  attributes (fill=, stroke=) that CSS classes may override on the web page.
Everything user-supplied is escaped here, so callers may mark the result safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

# Colours with at least 3:1 contrast against white (WCAG 1.4.11 non-text contrast); text is #1b2631.
BAR_FILL = "#0a4560"
REFERENCE_STROKE = "#a4221a"
GRID_STROKE = "#c9d3d9"
TEXT_FILL = "#1b2631"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

ROW_HEIGHT = 28
BAR_HEIGHT = 16
AXIS_HEIGHT = 24
VALUE_LABEL_WIDTH = 190
FONT_SIZE = 13
# An average glyph of the chart font is a little over half the font size wide; used to fit labels.
CHAR_WIDTH = FONT_SIZE * 0.55


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart. `value` None draws no bar (the row still shows its label and value text);
    `reference` draws a marker at another value, e.g. the national norm behind a local level."""

    label: str
    value: float | None
    value_label: str = ""
    reference: float | None = None
    css_class: str = ""


def truncate(text: str, max_chars: int) -> str:
    """`text` cut to at most `max_chars` characters, ending in an ellipsis when cut (at a word boundary when
    that keeps at least half of the room, so a label does not end in half a word)."""
    text = " ".join(text.split())
    if max_chars < 1:
        return ""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    space = cut.rfind(" ")
    if space >= max_chars // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _num(value: float) -> str:
    """Coordinates with at most one decimal, without a trailing ".0", so the markup stays small and stable."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def _attrs(**attrs) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value == "":
            continue
        parts.append(f"{name.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return " ".join(parts)


def _el(tag: str, text: str | None = None, **attrs) -> str:
    """One element; `text` (escaped) as its content, else self-closing."""
    if text is None:
        return f"<{tag} {_attrs(**attrs)}/>"
    opening = f"<{tag} {_attrs(**attrs)}>" if attrs else f"<{tag}>"
    return f"{opening}{escape(text)}</{tag}>"


def _classes(*names: str) -> str:
    return " ".join(n for n in names if n)


def chart_description(description: str, bars: Sequence[Bar]) -> str:
    """The text equivalent of the chart: the caller's sentence, then every row's label and value."""
    rows = "; ".join(f"{bar.label}: {bar.value_label}" if bar.value_label else bar.label for bar in bars)
    if description and rows:
        return f"{description} {rows}."
    return description or rows


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    max_value: float,
    ticks: Sequence[tuple[float, str]] = (),
    id_prefix: str = "chart",
    width: int = 760,
    label_width: int = 320,
    css_class: str = "chart",
) -> SafeString:
    """A horizontal bar chart: a label left of each bar, the value text right of it, an axis of `ticks`
    (value, text) along the top. Bars are scaled so `max_value` fills the plot width."""
    if max_value <= 0:
        raise ValueError("max_value must be positive")
    plot_left = label_width + 8
    plot_width = max(width - plot_left - VALUE_LABEL_WIDTH, 40)
    height = AXIS_HEIGHT + ROW_HEIGHT * len(bars) + 8
    max_chars = int((label_width - 8) / CHAR_WIDTH)

    def x(value: float) -> float:
        return plot_left + plot_width * min(max(value, 0), max_value) / max_value

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    out = [
        "<svg "
        + _attrs(
            xmlns="http://www.w3.org/2000/svg", class_=css_class, role="img", viewBox=f"0 0 {width} {height}",
            width=width, height=height, aria_labelledby=f"{title_id} {desc_id}",
            font_family=FONT_FAMILY, font_size=FONT_SIZE, fill=TEXT_FILL,
        )
        + ">",
        _el("title", title, id=title_id),
        _el("desc", chart_description(description, bars), id=desc_id),
    ]
    bottom = height - 8
    for value, text in ticks:
        tx = _num(x(value))
        out.append(_el("line", class_="chart-grid", x1=tx, x2=tx, y1=AXIS_HEIGHT - 4, y2=bottom,
                       stroke=GRID_STROKE))
        out.append(_el("text", text, class_="chart-tick", x=tx, y=AXIS_HEIGHT - 8, text_anchor="middle"))
    for index, bar in enumerate(bars):
        top = AXIS_HEIGHT + index * ROW_HEIGHT
        middle = _num(top + ROW_HEIGHT / 2 + FONT_SIZE * 0.35)
        out.append(f"<g {_attrs(class_=_classes('chart-row', bar.css_class))}>")
        out.append(_el("title", f"{bar.label}: {bar.value_label}" if bar.value_label else bar.label))
        out.append(_el("text", truncate(bar.label, max_chars), class_="chart-label", x=label_width, y=middle,
                       text_anchor="end"))
        end = plot_left
        if bar.value is not None and bar.value > 0:
            end = x(bar.value)
            out.append(_el("rect", class_="chart-bar", x=plot_left, y=_num(top + (ROW_HEIGHT - BAR_HEIGHT) / 2),
                           width=_num(end - plot_left), height=BAR_HEIGHT, fill=BAR_FILL))
        if bar.reference is not None:
            rx = x(bar.reference)
            ends = {"x1": _num(rx), "x2": _num(rx), "y1": _num(top + 3), "y2": _num(top + ROW_HEIGHT - 3)}
            # A white halo keeps the marker visible where it crosses a bar.
            out.append(_el("line", class_="chart-reference-halo", **ends, stroke="#ffffff", stroke_width=6))
            out.append(_el("line", class_="chart-reference", **ends, stroke=REFERENCE_STROKE, stroke_width=3))
            end = max(end, rx)
        if bar.value_label:
            out.append(_el("text", bar.value_label, class_="chart-value", x=_num(end + 8), y=middle))
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("".join(out))
