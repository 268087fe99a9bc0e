"""Helpers for benchmarks: a throw-away PostgreSQL database, running `digikomp` against a database, timing.

Each benchmark target gets its own database (a temporary SQLite file, or a `digikomp_bench_*` database on the
local PostgreSQL), set up by running `digikomp migrate` in a subprocess with DATABASE_URL and
DIGIKOMP_DATA_DIR set, so that benchmarks never touch the developer's own database and need no Django
settings of their own.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
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
