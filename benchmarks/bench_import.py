"""Organisation import at the scale of the largest municipality: 45,000 people in 1,500 units.

For SQLite and for PostgreSQL (skipped, with the reason, when no server answers on 127.0.0.1:5432), each in a
fresh database migrated by `digikomp migrate`:
  1. the first import of a generated OS2mo export (limit 30 s),
  2. a re-import of the next export with about 5 % changes: moves, renames, re-parented units, new people,
     leavers, job changes (limit 15 s),
  3. a re-import of that same export again, where nothing changes (cheap, so the median of three runs).
Each figure is the wall-clock time of the whole `digikomp import-org` command, Python start-up included, as an
operator would measure it.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from benchmarks.support import digikomp, environment, postgres_database, postgres_reachable

PEOPLE = int(os.environ.get("BENCH_IMPORT_PEOPLE", 45_000))
UNITS = int(os.environ.get("BENCH_IMPORT_UNITS", 1_500))
SEED = 1
MUNICIPALITY = "751"
LIMITS = {"first import": 30.0, "re-import, 5 % changed": 15.0, "re-import, unchanged": 15.0}
REPEAT_CHEAP = 3


def _export(folder: Path) -> tuple[Path, Path, dict]:
    from digikomp.orgimport.generate import generate_export, mutate_export, write_export

    first = generate_export(people=PEOPLE, units=UNITS, seed=SEED)
    later = mutate_export(first, seed=SEED + 1)
    write_export(first, folder / "first")
    write_export(later, folder / "later")
    sizes = {"people": len(first.users), "units": len(first.units), "engagements": len(first.engagements),
             "people_later": len(later.users)}
    return folder / "first", folder / "later", sizes


def _cases(database: str, database_url: str, data_dir: Path, first: Path, later: Path) -> list[dict]:
    env = environment(database_url=database_url, data_dir=data_dir)
    digikomp("migrate", "--no-input", "-v0", env=env)
    command = ("import-org", "--municipality", MUNICIPALITY, "--show", "0")
    timings = {
        "first import": [digikomp(*command, str(first), env=env)],
        "re-import, 5 % changed": [digikomp(*command, str(later), env=env)],
        "re-import, unchanged": [digikomp(*command, str(later), env=env) for _ in range(REPEAT_CHEAP)],
    }
    rows = []
    for case, samples in timings.items():
        seconds = statistics.median(samples)
        rows.append({"database": database, "case": case, "seconds": round(seconds, 2), "runs": len(samples),
                     "limit_s": LIMITS[case], "within_limit": seconds < LIMITS[case]})
    return rows


def run() -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="digikomp-bench-import-") as folder:
        base = Path(folder)
        first, later, sizes = _export(base / "export")
        label = f"{sizes['people']} people, {sizes['units']} units, {sizes['engagements']} engagements"
        (base / "sqlite").mkdir()
        rows += _cases(
            "sqlite", f"sqlite:///{base / 'sqlite' / 'bench.sqlite3'}", base / "sqlite", first, later
        )
        why_not = postgres_reachable()
        if why_not is None:
            (base / "postgresql").mkdir()
            with postgres_database(f"digikomp_bench_import_{os.getpid()}") as url:
                rows += _cases("postgresql", url, base / "postgresql", first, later)
        else:
            rows.append({"database": "postgresql", "case": "skipped: PostgreSQL on 127.0.0.1:5432 is not "
                                                           f"reachable ({why_not})"})
    for row in rows:
        row["export"] = label
    return rows
