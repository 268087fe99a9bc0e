"""`python -m benchmarks [names...]` (or `make bench BENCH_ARGS=...`): run benchmarks and keep their results.

Every module benchmarks/bench_<name>.py has run() -> list[dict]. Without names, all of them run. Each
benchmark's rows are printed as a table and written to var/bench/<name>.json with the time and the machine
(CPU, memory, load, Python, SQLite and PostgreSQL versions, git commit), so that figures can be compared
across machines and commits.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "var" / "bench"


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))


def machine() -> dict:
    info = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                            if line.startswith("model name")), None)
        meminfo = Path("/proc/meminfo").read_text().splitlines()[0]
        info["memory_gb"] = round(int(meminfo.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        info["commit"] = None
    try:
        from benchmarks.support import POSTGRES_ADMIN_URL, postgres_reachable

        if postgres_reachable() is None:
            import psycopg

            with psycopg.connect(POSTGRES_ADMIN_URL) as connection:
                info["postgresql"] = connection.execute("SHOW server_version").fetchone()[0]
    except Exception:  # machine info is best effort
        info["postgresql"] = None
    return info


def flatten(row: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def table(rows: list[dict]) -> str:
    rows = [flatten(r) for r in rows]
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    cells = [[("" if row.get(c) is None else str(row.get(c))).splitlines()[0][:60] if row.get(c) is not None
              else "" for c in columns] for row in rows]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths)) for line in cells]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(available())})"
    )
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(available())}")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    about = machine()
    print(
        f"Machine: {about.get('cpu')} ({about['cpus']} CPUs), Python {about['python']}, "
        f"SQLite {about['sqlite']}, PostgreSQL {about.get('postgresql') or '-'}, load {about['load_average']}"
    )
    failed = False
    for name in names:
        print(f"\n== {name}", flush=True)
        started = datetime.datetime.now(datetime.UTC)
        try:
            rows = importlib.import_module(f"benchmarks.bench_{name}").run()
        except Exception:
            failed = True
            rows = [{"error": traceback.format_exc()}]
        failed = failed or any("error" in row for row in rows)
        print(table(rows) if rows else "(no results)")
        document = {"benchmark": name, "started": started.isoformat(),
                    "finished": datetime.datetime.now(datetime.UTC).isoformat(),
                    "machine": about, "results": rows}
        path = OUTPUT / f"{name}.json"
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
        print(f"-> {path.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
