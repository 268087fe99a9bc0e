"""Property-based tests of the release (insights/release.py `pool` and `roll_up`) and of the anonymity policy's
bounds for small groups (lib/anonymity.bounded_count / bounded_total, lib/stats.figures).

`pool` is pure over a tree of materialised paths and per-unit counts, so hypothesis can try every shape: each
figure it leads to is checked against the raw counts, by hand."""

from hypothesis import given
from hypothesis import strategies as st

from digikomp.insights.release import pool, roll_up
from digikomp.lib.anonymity import AT_LEAST, AT_MOST, bounded_count, bounded_total
from digikomp.lib.stats import figures

ks = st.integers(min_value=3, max_value=8)


@st.composite
def trees(draw):
    """A random tree of up to 25 units as materialised paths, and a count of people placed in each unit,
    split over up to three profiles."""
    size = draw(st.integers(min_value=1, max_value=25))
    parents = [None] + [draw(st.integers(min_value=0, max_value=i - 1)) for i in range(1, size)]
    paths = {}
    for unit, parent in enumerate(parents):
        paths[unit] = (paths[parent] if parent is not None else "/") + f"{unit:010d}/"
    counts = {unit: {profile: draw(st.integers(min_value=0, max_value=6)) for profile in "abc"}
              for unit in range(size)}
    return paths, parents, counts


def subtree(unit, parents):
    found, changed = {unit}, True
    while changed:
        changed = False
        for child, parent in enumerate(parents):
            if parent in found and child not in found:
                found.add(child)
                changed = True
    return found


@given(trees(), ks)
def test_every_unit_is_shown_from_k_and_misses_fewer_than_k(tree, k):
    paths, parents, counts = tree
    direct = {u: {p: [n] for p, n in parts.items() if n} for u, parts in counts.items()}
    pools = pool(paths, direct, lambda v: v[0], k)
    shown = roll_up(paths, {u: [sum(v[0] for v in parts.values())] for u, (parts, _h) in pools.items()}, 1)
    for unit in paths:
        truth = sum(sum(counts[u].values()) for u in subtree(unit, parents))
        figure = shown.get(unit, [0])[0]
        # Shown (non-zero) exactly when the subtree holds k or more: nothing larger is ever hidden.
        assert (figure > 0) == (truth >= k)
        assert 0 <= truth - figure < k
        # Each figure minus its children's figures is a released pool: nothing, or at least k people.
        children = [c for c, p in enumerate(parents) if p == unit]
        piece = figure - sum(shown.get(c, [0])[0] for c in children)
        assert piece == 0 or piece >= k


@given(trees(), ks)
def test_each_pool_minus_its_shown_profiles_is_nothing_or_k(tree, k):
    paths, _parents, counts = tree
    direct = {u: {p: [n] for p, n in parts.items() if n} for u, parts in counts.items()}
    for _unit, (parts, hidden) in pool(paths, direct, lambda v: v[0], k).items():
        total = sum(v[0] for v in parts.values())
        assert total >= k
        shown = sum(v[0] for p, v in parts.items() if p not in hidden)
        assert all(parts[p][0] >= k for p in parts if p not in hidden)
        assert total - shown == 0 or total - shown >= k


@given(st.integers(min_value=3, max_value=8), st.data())
def test_a_small_group_never_shows_a_share_true_of_all_or_all_but_one(k, data):
    n = data.draw(st.integers(min_value=k, max_value=4 * k))
    meeting = data.draw(st.integers(min_value=0, max_value=n))
    shown, bound = bounded_count(meeting, n, k)
    if n >= 2 * k:
        assert (shown, bound) == (meeting, None)
        return
    # A bound fits at least two counts, so nobody's status follows from it; and an exact figure is never 0 %,
    # 100 %, 1 of n or n-1 of n.
    consistent = [m for m in range(n + 1) if bounded_count(m, n, k) == (shown, bound)]
    assert meeting in consistent and (len(consistent) >= 2 if bound else 2 <= meeting <= n - 2)
    assert 0 not in consistent or bound == AT_MOST
    assert n not in consistent or bound == AT_LEAST
    # The bound is true of the real count.
    assert (bound is None and shown == meeting) or (bound == AT_MOST and meeting <= shown) or (
        bound == AT_LEAST and meeting >= shown)


@given(st.integers(min_value=3, max_value=8), st.data())
def test_a_small_group_never_shows_a_mean_at_the_end_of_the_scale(k, data):
    lowest, highest = 1, data.draw(st.integers(min_value=2, max_value=8))
    n = data.draw(st.integers(min_value=k, max_value=3 * k))
    levels = data.draw(st.lists(st.integers(min_value=lowest, max_value=highest), min_size=n, max_size=n))
    total = sum(levels)
    shown, bound = bounded_total(total, n, lowest, highest, k)
    if n >= 2 * k:
        assert (shown, bound) == (total, None)
        return
    possible = range(n * lowest, n * highest + 1)
    consistent = [t for t in possible if bounded_total(t, n, lowest, highest, k) == (shown, bound)]
    assert total in consistent and (len(consistent) >= 2 if bound else
                                    n * lowest + 2 <= total <= n * highest - 2)
    # A mean at the lowest or the highest level (everyone there) is never shown exactly.
    assert n * lowest not in consistent or bound == AT_MOST
    assert n * highest not in consistent or bound == AT_LEAST


def test_figures_shows_a_group_of_k_all_meeting_as_at_least_and_hides_its_distribution():
    # Five people, all at level 4 of 4, all meeting: exact figures would say so about each of them.
    f = figures(5, 20, 5, k=5, lowest=1, highest=4)
    assert (f.share_meeting, f.share_bound) == (4 / 5, AT_LEAST)
    assert (f.mean, f.mean_bound) == (19 / 5, AT_LEAST)
    assert not f.distribution_shown
    # Ten people (2k) are shown exactly.
    f = figures(10, 40, 10, k=5, lowest=1, highest=4)
    assert (f.share_meeting, f.share_bound, f.mean, f.mean_bound) == (1.0, None, 4.0, None)
    assert f.distribution_shown
