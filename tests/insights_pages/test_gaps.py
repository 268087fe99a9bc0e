""""De største huller": a gap is where few meet the requirement, ranked by how many people it concerns.

The oracle is written out by hand: for each made-up cell, how many of its respondents do not meet the
requirement as the shown share allows, and which cells are no gap at all (80 % or more meet it; a share shown
as "at least", which concerns at most one person; hidden and empty cells)."""

from types import SimpleNamespace
from uuid import uuid4

from digikomp.insights.heatmap import Cell, Heatmap
from digikomp.insights.views import presentation as p
from digikomp.lib.anonymity import AT_LEAST, AT_MOST

UNIT = SimpleNamespace(pk=1, name="Enhed")


def competence(code: str, position: int):
    return SimpleNamespace(code=code, identifier=uuid4(), position=position, title=code, area_id=None)


# code -> the cell of the unit itself (k = 3, so groups below 6 show a share that would say the same about
# everyone, or all but one, as a bound)
CELLS = {
    "A": Cell(100, 3.5, 0.97),                            # 97 % meet: no gap, however many it is
    "B": Cell(200, 2.9, 0.70),                            # 200 - 140 = 60 do not
    "C": Cell(20, 1.5, 0.10),                             # 20 - 2 = 18
    "D": Cell(50, 1.2, 0.0),                              # 50
    "E": Cell(5, 1.2, 0.2, share_bound=AT_MOST),          # at most 1 of 5 meets: at least 4 do not
    "F": Cell(5, 3.8, 0.8, share_bound=AT_LEAST),         # at least 4 of 5: no gap
    "G": Cell(4, 3.5, 0.75, share_bound=AT_LEAST),        # at least 3 of 4: at most one does not, no gap
    "H": Cell(0, suppressed=True),                        # hidden
    "I": Cell(0),                                         # nobody answered
    "J": Cell(10, 2.8, 0.7),                              # 10 - 7 = 3
    "K": Cell(300, 3.0, 0.80),                            # exactly 80 %: no gap
    "L": Cell(100, 2.0, 0.40),                            # 100 - 40 = 60, ties with B: the lower share first
}
EXPECTED = [("L", 60, False), ("B", 60, False), ("D", 50, False), ("C", 18, False), ("E", 4, True),
            ("J", 3, False)]


def heatmap() -> Heatmap:
    competences = [competence(code, i) for i, code in enumerate(CELLS)]
    cells = {(UNIT.pk, c.identifier): CELLS[c.code] for c in competences}
    return Heatmap(campaign=None, unit=UNIT, rows=[UNIT], competences=competences, cells=cells, k=3)


def test_gaps_are_ranked_by_how_many_do_not_meet_the_requirement():
    gaps = p.largest_gaps(heatmap(), lambda c: f"/normen/{c.code}/", limit=10)
    assert [(g.competence.code, g.not_meeting, g.bounded) for g in gaps] == EXPECTED
    assert gaps[0].url == "/normen/L/"


def test_the_limit_keeps_the_largest():
    gaps = p.largest_gaps(heatmap(), lambda c: "", limit=3)
    assert [g.competence.code for g in gaps] == ["L", "B", "D"]


def test_a_competence_that_most_meet_is_never_a_gap():
    """The issue's symptom: a competence where 97 % meet the requirement was listed among the largest gaps."""
    assert p.gap_size(CELLS["A"]) is None and p.gap_size(CELLS["K"]) is None
    assert p.gap_size(Cell(100, 3.0, 0.79)) == (21, False)
    assert p.gap_size(Cell(1000, 3.0, 0.796)) is None  # shown as "80 %": not listed as below 80 %
    # A unit where everything is fine has no gaps at all (the old list showed the five lowest regardless).
    fine = Heatmap(campaign=None, unit=UNIT, rows=[UNIT], competences=[competence("X", 0)], k=3)
    fine.cells[(UNIT.pk, fine.competences[0].identifier)] = Cell(40, 3.9, 0.95)
    assert p.largest_gaps(fine, lambda c: "") == []


def test_a_bounded_share_is_counted_with_the_fewest_people_it_allows():
    assert p.gap_size(CELLS["E"]) == (4, True)  # "at most 20 %" of 5: at least 4 do not meet it
    assert p.gap_size(CELLS["F"]) is None and p.gap_size(CELLS["G"]) is None
    assert p.gap_size(CELLS["H"]) is None and p.gap_size(CELLS["I"]) is None
