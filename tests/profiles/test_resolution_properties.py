"""Property-based tests of profile resolution (profiles/resolution.py)."""

from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from digikomp.profiles.resolution import (
    Change,
    ConflictKind,
    Deviation,
    Req,
    apply_overlay,
    merge_chain,
    required,
    take_in,
)

IDS = [UUID(int=i) for i in range(1, 13)]
levels = st.integers(min_value=1, max_value=4)
importance = st.sampled_from(["essential", "useful"])


@st.composite
def norms(draw):
    chosen = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=len(IDS)))
    return {i: Req(i, draw(levels), draw(importance)) for i in chosen}


@st.composite
def overlays(draw, norm):
    changes = []
    for identifier in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=8)):
        in_norm = identifier in norm
        if in_norm and draw(st.booleans()):
            changes.append(Change(identifier, "remove", norm_level_then=norm[identifier].level))
        elif in_norm and draw(st.booleans()):  # importance only: keeps following the norm's level
            changes.append(Change(identifier, "set", None, draw(importance), norm[identifier].level))
        else:
            changes.append(Change(identifier, "set", draw(levels), draw(st.sampled_from(["", "essential", "useful"])),
                                  norm[identifier].level if in_norm else None))
    return changes


@given(st.data())
def test_the_overlay_always_takes_effect(data):
    norm = data.draw(norms())
    changes = data.draw(overlays(norm))
    effective = {e.identifier: e for e in apply_overlay(norm, changes)}
    for change in changes:
        if change.action == "set":
            expected = change.level if change.level is not None else norm[change.identifier].level
            assert effective[change.identifier].level == expected
        else:
            assert effective[change.identifier].level is None
    touched = {c.identifier for c in changes}
    for identifier, req in norm.items():
        if identifier not in touched:
            assert effective[identifier].level == req.level
            assert effective[identifier].deviation == Deviation.NONE


@given(st.data())
def test_deviation_marks_match_the_levels(data):
    norm = data.draw(norms())
    for e in apply_overlay(norm, data.draw(overlays(norm))):
        if e.norm_level is None:
            assert e.deviation == Deviation.ADDED
        elif e.level is None:
            assert e.deviation == Deviation.REMOVED
        elif e.level > e.norm_level:
            assert e.deviation == Deviation.RAISED
        elif e.level < e.norm_level:
            assert e.deviation == Deviation.LOWERED
        else:
            assert e.deviation in (Deviation.NONE, Deviation.IMPORTANCE)


@given(st.data())
def test_taking_in_a_new_norm_never_silently_drops_a_local_change(data):
    old = data.draw(norms())
    changes = data.draw(overlays(old))
    new = data.draw(norms())
    report = take_in(old, new, changes)
    conflicted = {c.change.identifier for c in report.conflicts}
    redundant = {c.identifier for c in report.redundant}
    effective = {e.identifier: e for e in apply_overlay(new, changes)}
    for change in changes:
        e = effective.get(change.identifier)
        if change.action == "remove":
            # Either still removed, or the norm itself dropped it (reported as redundant).
            assert (e is not None and e.level is None) or change.identifier in redundant
            continue
        if change.level is None:  # importance only: follows the new norm's level, keeps its importance
            if change.identifier in new:
                assert e.level == new[change.identifier].level and e.importance == change.importance
            continue
        assert e is not None and e.level == change.level  # the local level still holds
        if change.norm_level_then is not None and change.identifier not in new:
            assert change.identifier in conflicted  # the norm removed what was adjusted: a person decides
        if change.identifier in conflicted or change.identifier in redundant:
            continue
        if change.norm_level_then is not None and change.level != change.norm_level_then:
            # An unflagged raise stays a raise and an unflagged lowering stays a lowering.
            was_raise = change.level > change.norm_level_then
            assert (e.deviation == Deviation.RAISED) == was_raise


@given(st.data())
def test_conflicts_are_only_reported_for_real_conflicts(data):
    old = data.draw(norms())
    changes = data.draw(overlays(old))
    report = take_in(old, old, changes)  # the same norm again: nothing to decide
    assert report.conflicts == []
    assert report.norm_changes == []


@given(st.lists(norms(), min_size=1, max_size=4))
def test_a_descendant_overrides_its_ancestors(chain):
    merged = merge_chain([list(n.values()) for n in chain])
    assert set(merged) == set().union(*[set(n) for n in chain])
    for identifier, req in merged.items():
        last = [n[identifier] for n in chain if identifier in n][-1]
        assert req == last


@given(st.data())
def test_required_drops_only_removed(data):
    norm = data.draw(norms())
    changes = data.draw(overlays(norm))
    effective = apply_overlay(norm, changes)
    removed = {c.identifier for c in changes if c.action == "remove"}
    assert {e.identifier for e in required(effective)} == {e.identifier for e in effective} - removed


def test_norm_removing_a_raised_competence_is_a_conflict():
    a = IDS[0]
    report = take_in({a: Req(a, 2, "essential")}, {}, [Change(a, "set", 3, "", 2)])
    assert [c.kind for c in report.conflicts] == [ConflictKind.NORM_REMOVED_ADJUSTED]
