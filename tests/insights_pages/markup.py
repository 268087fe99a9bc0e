"""Reading the heatmap back from HTML: each cell's state and the three numbers it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

CELL = re.compile(r'<td class="hm-cell (hm-[a-z0-9]+)" data-row="([^"]*)" data-col="([^"]*)">(.*?)</td>', re.S)
ROW_HEADER = re.compile(r'<th scope="row" data-unit="([^"]*)">(.*?)</th>', re.S)


@dataclass(frozen=True)
class ShownCell:
    css: str
    text: str

    @property
    def hidden(self) -> bool:
        return self.css == "hm-hidden"

    @property
    def empty(self) -> bool:
        return self.css == "hm-empty"

    @property
    def share(self) -> float:
        return int(re.search(r"(\d+) %", self.text).group(1)) / 100

    @property
    def share_bound(self) -> str | None:
        """"at_most" / "at_least" when the share is shown as a bound (English or Danish words), else None."""
        head = self.text.split("%")[0]
        if re.search(r"at most|højst", head):
            return "at_most"
        if re.search(r"at least|mindst", head):
            return "at_least"
        return None

    @property
    def mean(self) -> float:
        return float(re.search(r"⌀ (?:at most |at least |højst |mindst )?(\d+[,.]\d)", self.text).group(1).replace(",", "."))

    @property
    def n(self) -> int:
        return int(re.search(r"n = (\d+)", self.text).group(1))


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def heatmap_cells(response) -> dict[tuple[str, str], ShownCell]:
    """(row id, competence code) -> the cell as shown."""
    html = response.content.decode()
    return {(row, col): ShownCell(css, plain(inner)) for css, row, col, inner in CELL.findall(html)}


def row_headers(response) -> dict[str, str]:
    """Row id -> the row header's markup (to see whether it links somewhere)."""
    return dict(ROW_HEADER.findall(response.content.decode()))


def assert_matches(cells: dict, heatmap, row_id=lambda unit: unit.external_id) -> int:
    """Every cell of `heatmap` is on the page in the same state with the same numbers; returns how many
    hidden cells were checked (a test should see some)."""
    hidden = 0
    assert len(cells) == len(heatmap.rows) * len(heatmap.competences)
    for unit, row in heatmap.table():
        for competence, cell in zip(heatmap.competences, row, strict=True):
            shown = cells[(row_id(unit), competence.code)]
            if cell.suppressed:
                hidden += 1
                assert shown.hidden and not re.search(r"\d", shown.text), (unit, competence.code, shown)
            elif not cell.n:
                assert shown.empty and not re.search(r"\d", shown.text)
            else:
                assert shown.n == cell.n
                assert abs(shown.mean - cell.mean) <= 0.05 + 1e-9
                assert abs(shown.share - cell.share_meeting) <= 0.005 + 1e-9
                assert shown.share_bound == cell.share_bound, (unit, competence.code, shown)
    return hidden
