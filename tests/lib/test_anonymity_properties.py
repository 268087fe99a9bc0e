"""Property-based tests of the anonymity rule (lib/anonymity.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digikomp.lib.anonymity import check_k, suppress_partition, visible

ks = st.integers(min_value=3, max_value=10)
partitions = st.dictionaries(st.text(min_size=1, max_size=4), st.integers(min_value=0, max_value=40), max_size=12)


@given(partitions, st.integers(min_value=0, max_value=40), ks)
def test_nothing_below_k_is_shown_or_derivable_by_subtraction(parts, extra, k):
    whole = sum(parts.values()) + extra  # `extra`: people directly in the parent, in no part
    hidden = suppress_partition(whole, parts, k)
    shown = {key: n for key, n in parts.items() if key not in hidden}
    # No shown part is a small group.
    assert all(n == 0 or n >= k for n in shown.values())
    # Whole minus every shown part: nothing, or at least k people. (If the whole itself is below k it is
    # hidden by its own parent's check, and then nothing inside it may be shown.)
    if 0 < whole < k:
        assert all(n == 0 for n in shown.values())
    else:
        leftover = whole - sum(shown.values())
        assert leftover == 0 or leftover >= k
    # Subtracting any one shown part from the whole never isolates a small group either.
    if whole >= k:
        for n in shown.values():
            rest = whole - n
            assert rest == 0 or rest >= k or sum(shown.values()) == whole


@given(partitions, ks)
def test_only_what_must_be_hidden_is_hidden(parts, k):
    """With no leftover and every part at least k, nothing is hidden."""
    big = {key: n + k for key, n in parts.items()}
    assert suppress_partition(sum(big.values()), big, k) == set()


@given(st.integers(min_value=0, max_value=100), ks)
def test_a_single_group_is_visible_from_k(n, k):
    assert visible(n, k) == (n == 0 or n >= k)


def test_k_below_three_is_refused():
    with pytest.raises(ValueError):
        check_k(2)


def test_one_small_sibling_forces_a_second_to_be_hidden():
    # 10 = 6 + 2 + 2 with k=5: both 2s are hidden, leaving 4 derivable -> the 6 must go as well.
    assert suppress_partition(10, {"a": 6, "b": 2, "c": 2}, 5) == {"a", "b", "c"}
    # 20 = 10 + 7 + 3: the 3 is hidden; leftover 3 < 5 -> hide the 7 too; leftover 10 is fine.
    assert suppress_partition(20, {"a": 10, "b": 7, "c": 3}, 5) == {"b", "c"}


@given(partitions, st.integers(min_value=0, max_value=40), ks)
def test_a_hidden_whole_cannot_be_rebuilt_from_its_shown_parts(parts, extra, k):
    whole = sum(parts.values()) + extra
    hidden = suppress_partition(whole, parts, k, whole_hidden=True)
    shown = sum(n for key, n in parts.items() if key not in hidden)
    assert whole == 0 or whole - shown >= k or (whole < k and shown == 0)
