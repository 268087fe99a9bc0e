"""A national-scale survey world for the heatmap benchmark, generated with numpy and written as tallies.

45,000 people in 1,500 units (a tree five levels deep), 20 profiles, 40 competences, 4 waves: about 7.2 million
answers. The answers exist only as numpy arrays (for the raw-scan lower bound); the database gets the tallies
they roll up to, spread over the same shards real submissions use, as if every answer had been submitted.
BENCH_HEATMAP_PEOPLE and BENCH_HEATMAP_UNITS (at least 20) make a smaller world of the same shape, to check the
benchmark itself quickly; the figures that count are those of the full size.
"""

from __future__ import annotations

import os

import numpy as np

PEOPLE = int(os.environ.get("BENCH_HEATMAP_PEOPLE", 45_000))
UNITS = int(os.environ.get("BENCH_HEATMAP_UNITS", 1_500))
COMPETENCES = 40
WAVES = 4
LEVELS = 4
PROFILES = 20
SHARDS = 4


def build_tree(rng: np.random.Generator, units: int = UNITS) -> tuple[np.ndarray, np.ndarray]:
    """Parent index per unit (-1 for the root) and depth; a municipal shape: 1 root, 8 forvaltninger,
    ~60 areas, ~400 institutions, the rest teams."""
    parents = np.full(units, -1)
    depth = np.zeros(units, dtype=int)
    # The upper levels shrink in proportion with a smaller world (at the full 1,500 units they are as stated).
    upper = [1] + [max(1, round(n * units / 1_500)) for n in (8, 60, 400)]
    sizes = upper + [units - sum(upper)]
    start = 0
    previous: list[int] = []
    for level, size in enumerate(sizes):
        members = list(range(start, start + size))
        for unit in members:
            if previous:
                parents[unit] = previous[rng.integers(len(previous))]
                depth[unit] = level
        previous = members
        start += size
    return parents, depth


def ancestors(parents: np.ndarray) -> list[list[int]]:
    result = []
    for unit in range(len(parents)):
        chain, current = [], unit
        while current != -1:
            chain.append(current)
            current = parents[current]
        result.append(chain)
    return result


def answers(rng: np.random.Generator, parents: np.ndarray, depth: np.ndarray):
    """Per person: unit (institutions and teams only), profile, required levels; per wave: levels 0..4
    (0 = "ved ikke") for every competence."""
    eligible = np.flatnonzero(depth >= 3)
    person_unit = eligible[rng.integers(len(eligible), size=PEOPLE)]
    person_profile = (person_unit * 7 + rng.integers(3, size=PEOPLE)) % PROFILES  # a few profiles per unit
    required = rng.integers(1, LEVELS + 1, size=(PROFILES, COMPETENCES))
    tendency = rng.normal(0, 0.7, size=PEOPLE)
    levels = []
    for wave in range(WAVES):
        base = required[person_profile] + tendency[:, None] + 0.2 * wave
        drawn = np.clip(np.rint(base + rng.normal(0, 0.8, size=(PEOPLE, COMPETENCES))), 1, LEVELS).astype(np.int8)
        drawn[rng.random((PEOPLE, COMPETENCES)) < 0.04] = 0
        levels.append(drawn)
    return person_unit, person_profile, required, levels


def tally_rows(person_unit, person_profile, required, wave_levels, chains, rng: np.random.Generator):
    """Rows for one wave: per-profile tallies (unit, profile, competence, shard, dont_know, meeting,
    level_1..level_4) and the profile-free roll-up (unit, competence, shard, ...), as submissions write them."""
    shard = rng.integers(SHARDS, size=PEOPLE)
    pairs = [(p, a) for p in range(PEOPLE) for a in chains[person_unit[p]]]  # one per level of the tree
    person_idx = np.fromiter((p for p, _a in pairs), dtype=np.int64, count=len(pairs))
    ancestor = np.fromiter((a for _p, a in pairs), dtype=np.int64, count=len(pairs))
    by_profile = (ancestor * PROFILES + person_profile[person_idx]) * SHARDS + shard[person_idx]
    by_unit = ancestor * SHARDS + shard[person_idx]
    rows, unit_rows = [], []
    for competence in range(COMPETENCES):
        level = wave_levels[person_idx, competence].astype(np.int64)
        meets = (level >= required[person_profile[person_idx], competence]) & (level > 0)
        for keys, size, out, with_profile in ((by_profile, UNITS * PROFILES * SHARDS, rows, True),
                                              (by_unit, UNITS * SHARDS, unit_rows, False)):
            counts = np.bincount(keys * (LEVELS + 1) + level, minlength=size * (LEVELS + 1)).reshape(size, LEVELS + 1)
            meeting = np.bincount(keys, weights=meets, minlength=size).astype(np.int64)
            for key in np.flatnonzero(counts.sum(axis=1)):
                c = counts[key]
                tail = (int(c[0]), int(meeting[key]), *map(int, c[1:]))
                if with_profile:
                    unit, rest = divmod(int(key), PROFILES * SHARDS)
                    profile, shard_no = divmod(rest, SHARDS)
                    out.append((unit, profile, competence, shard_no, *tail))
                else:
                    unit, shard_no = divmod(int(key), SHARDS)
                    out.append((unit, competence, shard_no, *tail))
    return rows, unit_rows


def direct_groups(person_unit, person_profile, required, wave_levels) -> dict[tuple[int, int, int], list[int]]:
    """One wave's answers as the release reads them: per (unit index, profile index, competence index), the
    tally vector ("ved ikke", meeting, level_1 .. level_8) of the people placed directly in the unit."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    keys = person_unit.astype(np.int64) * PROFILES + person_profile
    for competence in range(COMPETENCES):
        level = wave_levels[:, competence].astype(np.int64)
        meets = (level >= required[person_profile, competence]) & (level > 0)
        counts = np.bincount(keys * (LEVELS + 1) + level, minlength=UNITS * PROFILES * (LEVELS + 1)).reshape(
            UNITS * PROFILES, LEVELS + 1)
        meeting = np.bincount(keys, weights=meets, minlength=UNITS * PROFILES).astype(np.int64)
        for key in np.flatnonzero(counts.sum(axis=1)):
            unit, profile = divmod(int(key), PROFILES)
            c = counts[key]
            groups[(unit, profile, competence)] = [int(c[0]), int(meeting[key]), *map(int, c[1:]), 0, 0, 0, 0]
    return groups
