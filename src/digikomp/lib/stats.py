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
