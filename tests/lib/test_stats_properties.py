"""Property-based tests of the statistics over tallies (lib/stats.py)."""

from hypothesis import given
from hypothesis import strategies as st

from digikomp.lib.stats import meeting_count, merge, summarise

histograms = st.dictionaries(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=500))


@given(histograms, st.integers(min_value=1, max_value=8))
def test_summary_agrees_with_the_raw_answers_it_stands_for(histogram, required):
    answers = [level for level, count in histogram.items() for _ in range(count)]
    summary = summarise(histogram, required=required)
    assert summary.n == len(answers)
    if answers:
        assert abs(summary.mean - sum(answers) / len(answers)) < 1e-9
        assert min(answers) <= summary.mean <= max(answers)
        assert summary.share_meeting == sum(a >= required for a in answers) / len(answers)
        assert 0 <= summary.share_meeting <= 1
    else:
        assert summary.mean is None and summary.share_meeting is None
    assert sum(summary.distribution.values()) == summary.n


@given(st.lists(histograms, max_size=5), st.integers(min_value=1, max_value=8))
def test_merging_tallies_equals_tallying_the_union(parts, required):
    merged = merge(*parts)
    assert summarise(merged).n == sum(summarise(p).n for p in parts)
    assert meeting_count(merged, required) == sum(meeting_count(p, required) for p in parts)
