"""Helpers for benchmarks: a throw-away PostgreSQL database, running `digikomp` or a benchmark's worker against
a database, timing.

Each benchmark target gets its own database (a temporary SQLite file, or a `digikomp_bench_*` database on the
local PostgreSQL), set up by running `digikomp migrate` in a subprocess with DATABASE_URL and
DIGIKOMP_DATA_DIR set, so that benchmarks never touch the developer's own database and need no Django
settings of their own. Benchmarks that measure inside Django run a worker process per database (Django's
settings are per process): `on_each_database` starts them and collects what they report.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DIGIKOMP = [sys.executable, "-m", "digikomp"]


def postgres_reachable() -> str | None:
    """None if the local PostgreSQL answers, else why not (for the "skipped" line)."""
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: skip PostgreSQL, and say why
        return f"{type(exc).__name__}: {exc}".strip()


@contextlib.contextmanager
def postgres_database(name: str) -> Iterator[str]:
    """Create a fresh database, yield its DATABASE_URL, drop it afterwards."""
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(*, database_url: str, data_dir: Path) -> dict[str, str]:
    return dict(os.environ, DATABASE_URL=database_url, DIGIKOMP_DATA_DIR=str(data_dir))


def digikomp(*args: str, env: dict[str, str]) -> float:
    """Run `digikomp ARGS` and return its wall-clock seconds; raise with its output if it fails."""
    started = time.perf_counter()
    result = subprocess.run(DIGIKOMP + list(args), env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"digikomp {' '.join(args)} failed ({result.returncode}):\n"
                           f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def quantiles(samples: list[float]) -> dict:
    """Median and 95th percentile of timings in seconds, as milliseconds."""
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 2)}


def on_each_database(module: str) -> list[dict]:
    """Run `python -m <module> --worker DATABASE_URL` on a fresh SQLite file and, if it answers, on a fresh
    PostgreSQL database (dropped afterwards), one after the other; return the rows the workers printed (the
    last line of their output, JSON: a row or a list of rows), or a row saying why a database was skipped or
    failed."""
    results: list[dict] = []
    name = module.rsplit(".", 1)[-1].removeprefix("bench_")
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", contextlib.nullcontext(f"sqlite:///{Path(folder) / 'bench.sqlite3'}"))]
        why = postgres_reachable()
        if why is None:
            targets.append(("postgresql", postgres_database(f"digikomp_bench_{name}_{os.getpid()}")))
        else:
            results.append({"database": "postgresql", "skipped": why})
        for database, target in targets:
            with target as url:
                env = environment(database_url=url, data_dir=Path(folder))
                try:
                    out = subprocess.run([sys.executable, "-m", module, "--worker", url], env=env,
                                         capture_output=True, text=True, check=True)
                except subprocess.CalledProcessError as exc:
                    results.append({"database": database, "error": exc.stderr[-2000:]})
                    continue
                reported = json.loads(out.stdout.strip().splitlines()[-1])
                results += reported if isinstance(reported, list) else [reported]
    return results


def setup_django(database_url: str) -> None:
    """In a worker process: point Django at the benchmark's database and set it up."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikomp.settings")
    import django

    django.setup()


def main(run: Callable[[], list[dict]], worker: Callable[[str], dict | list[dict]]) -> None:
    """A benchmark module's entry point: `--worker URL` measures one database, else run() measures all."""
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(sys.argv[2]), default=str))
    else:
        print(json.dumps(run(), indent=2, default=str))
