"""Statistics over tallies, in one place: counts per level in, n / mean / share meeting a requirement / level
distribution out. Works on level histograms so no caller ever needs the individual answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    n: int  # respondents who gave a level ("ved ikke" not counted)
    dont_know: int
    mean: float | None
    share_meeting: float | None  # share of n at or above the required level; None without a requirement
    distribution: dict[int, int]


def summarise(histogram: Mapping[int, int], *, dont_know: int = 0, required: int | None = None) -> Summary:
    """`histogram` maps level -> number of respondents at that level."""
    counts = {int(level): int(count) for level, count in histogram.items() if count}
    if any(c < 0 for c in counts.values()) or dont_know < 0:
        raise ValueError("counts cannot be negative")
    n = sum(counts.values())
    mean = sum(level * count for level, count in counts.items()) / n if n else None
    share = None
    if required is not None and n:
        share = sum(count for level, count in counts.items() if level >= required) / n
    return Summary(n, dont_know, mean, share, dict(sorted(counts.items())))


def merge(*histograms: Mapping[int, int]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for histogram in histograms:
        for level, count in histogram.items():
            merged[level] = merged.get(level, 0) + count
    return merged


def meeting_count(histogram: Mapping[int, int], required: int) -> int:
    return sum(count for level, count in histogram.items() if level >= required)


@dataclass(frozen=True)
class Figures:
    """What one group's cell may show, under the anonymity policy's rule for small groups.

    `mean` and `share_meeting` are exact when their `*_bound` is None, else the bound itself ("at most" or
    "at least", lib/anonymity.AT_MOST / AT_LEAST). `distribution_shown` says whether the level histogram of
    the group may be shown at all.
    """

    n: int
    mean: float | None
    share_meeting: float | None
    mean_bound: str | None = None
    share_bound: str | None = None
    distribution_shown: bool = True

    @property
    def exact(self) -> bool:
        return self.mean_bound is None and self.share_bound is None


def figures(n: int, total: int, meeting: int | None, *, k: int, lowest: int, highest: int) -> Figures:
    """Every aggregate cell is built here: n respondents with a level, the sum of their levels, how many of
    them meet the requirement (None without a requirement), the scale's lowest and highest level and the
    threshold k. The caller has already decided (lib/anonymity.suppress_partition) that the group is shown."""
    from digikomp.lib.anonymity import bounded_count, bounded_total, exact_from

    if n < 0 or total < 0 or (meeting is not None and not 0 <= meeting <= n):
        raise ValueError("inconsistent counts")
    if not n:
        return Figures(0, None, None)
    shown_total, mean_bound = bounded_total(total, n, lowest, highest, k)
    share = share_bound = None
    if meeting is not None:
        shown_meeting, share_bound = bounded_count(meeting, n, k)
        share = shown_meeting / n
    return Figures(n, shown_total / n, share, mean_bound, share_bound, distribution_shown=n >= exact_from(k))
