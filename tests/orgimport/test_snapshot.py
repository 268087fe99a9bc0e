"""The checks shared by both formats: the unit tree, e-mail addresses, CPR-looking values, redaction."""

import pytest
from django.core.validators import validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from digikomp.lib.problems import REDACTED, Problems, looks_like_cpr, redact
from digikomp.orgimport.snapshot import MAX_DEPTH, PLAIN_EMAIL, Checker, Snapshot, UnitRecord, check_tree


def tree(parents: dict[str, str]) -> Snapshot:
    snapshot = Snapshot(source="test")
    for line, (ext, parent) in enumerate(parents.items(), start=2):
        snapshot.units[ext] = UnitRecord(ext, ext, parent, line=line)
    return snapshot


def tree_problems(parents: dict[str, str]) -> list:
    problems = Problems()
    check_tree(tree(parents), problems, file="f.csv", parent_column="Parentid")
    return list(problems)


def test_a_forest_with_several_roots_is_fine():
    assert tree_problems({"A": "", "B": "A", "C": "B", "X": "", "Y": "X"}) == []


def test_each_cycle_is_reported_once_and_units_below_it_are_not_reported_again():
    problems = tree_problems({"R": "", "A": "C", "B": "A", "C": "B", "D": "C", "E": "D", "P": "Q", "Q": "P"})
    assert [(p.line, p.params["cycle"]) for p in problems] == [(3, "A → C → B → A"), (8, "P → Q → P")]


def test_the_tree_may_be_as_deep_as_the_path_column_allows():
    deep = {"U0": ""} | {f"U{i}": f"U{i - 1}" for i in range(1, MAX_DEPTH + 1)}
    assert tree_problems(deep) == []
    deeper = deep | {f"U{MAX_DEPTH + 1}": f"U{MAX_DEPTH}"}
    assert [p.line for p in tree_problems(deeper)] == [MAX_DEPTH + 3]


def test_units_listed_before_their_parents_are_fine():
    assert tree_problems({"C": "B", "B": "A", "A": ""}) == []


@settings(max_examples=300, deadline=None)
@given(st.from_regex(PLAIN_EMAIL, fullmatch=True).filter(lambda e: len(e) <= 254))
def test_the_fast_email_pattern_accepts_only_what_django_accepts(address):
    validate_email(address)


@pytest.mark.parametrize("value", ["a@b", "a..b@c.dk", "a@c.dk.", "æ@ø.dk x", "@c.dk"])
def test_unusual_or_invalid_addresses_still_go_through_django(value):
    problems = Checker(Problems(), "f.csv")
    valid = problems.email(2, "E-mail", value)
    try:
        validate_email(value)
        assert valid
    except Exception:
        assert not valid


@pytest.mark.parametrize("value,expected", [
    ("0101801234", True), ("010180-1234", True), ("Anne 311299-0001", True),
    ("3201801234", False), ("0113801234", False), ("12345", False),
    ("e2f416a7-9f78-4c98-8b1e-010180123456", False),  # a UUID: the digits run on, so no CPR number
    ("ref-0101801234-x", True),
])
def test_what_looks_like_a_cpr_number(value, expected):
    assert looks_like_cpr(value) is expected


def test_quoted_values_are_redacted_in_messages():
    problems = Problems()
    problems.add("f.csv", 2, "E-mail", "“%(value)s” is not valid.", value="0101801234@x.dk")
    assert list(problems)[0].text == f"“{REDACTED}@x.dk” is not valid."
    assert redact("no numbers here") == "no numbers here"
