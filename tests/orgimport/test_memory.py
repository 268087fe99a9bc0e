"""An import stays within 300 MB of memory, whatever is uploaded: measured in a process of its own.

The attack that started this: a 450 KB ZIP file holding a 450 MB plan2learn_bruger.csv of NUL bytes took the web
worker to 3.1 GB before it was refused. Each test runs the real import in a child process (memory_child.py) on a
copy of the test database, and reads that process's peak resident memory (its high-water mark, VmHWM: the
ru_maxrss of a child started by a big test process starts at the parent's size), which includes Django itself
(about 75 MB). The files are made here, on the fly.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

from digikomp.lib.inputs import MAX_TEMPLATE_ROWS
from digikomp.orgimport.snapshot import MAX_UNITS
from digikomp.orgimport.template import COLUMNS as TEMPLATE_COLUMNS
from tests.orgimport import exports

BOUND_MB = 300
REPO = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory) -> Path:
    """For runs on PostgreSQL: a SQLite database migrated from scratch, for the child processes."""
    target = tmp_path_factory.mktemp("memory") / "migrated.sqlite3"
    subprocess.run([sys.executable, "-m", "digikomp", "migrate", "-v", "0"], check=True, cwd=REPO,
                   env={**os.environ, "DATABASE_URL": f"sqlite:///{target}"}, timeout=900)
    return target


@pytest.fixture
def run_child(db, tmp_path, request):
    """run_child(mode, *args) -> the child's report. Each child gets a database of its own: a copy of the
    migrated test database (the municipalities and all), so that what it writes never reaches the tests'."""
    from django.db import connection

    def database(name: str) -> Path:
        target = tmp_path / f"{name}.sqlite3"
        if connection.vendor != "sqlite":
            shutil.copy(request.getfixturevalue("migrated_sqlite"), target)
            return target
        # The committed state: the test's own transaction is open, and another connection does not see it.
        source, copy = sqlite3.connect(connection.settings_dict["NAME"]), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        return target

    def run(mode: str, *args) -> dict:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database(mode)}",
               "DIGIKOMP_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "digikomp.settings",
               "PYTHONWARNINGS": "ignore"}
        done = subprocess.run([sys.executable, "-m", "tests.orgimport.memory_child", mode, *map(str, args)],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    return run


def nul_zip(path: Path, *, megabytes: int, others: bool = False) -> Path:
    """A ZIP file holding plan2learn_bruger.csv of NUL bytes (deflated about a thousand to one), and with
    `others` the other four files of the small export."""
    chunk = b"\0" * MB
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("plan2learn_bruger.csv", "w") as member:
            for _ in range(megabytes):
                member.write(chunk)
        for name, data in exports.as_uploads() if others else []:
            if name != exports.PEOPLE:
                archive.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = nul_zip(tmp_path_factory.mktemp("bomb") / "eksport.zip", megabytes=450)
    assert path.stat().st_size < 600 * 1024  # the size of the probe's file
    return path


def refusal_of_the_bomb(text: str) -> None:
    # The file, its unpacked size and the limit (in Danish: "450,0 MB", "64,0 MB").
    assert "450,0\xa0MB" in text and "64,0\xa0MB" in text


def test_the_zip_bomb_is_refused_from_its_stated_size(run_child, bomb):
    report = run_child("parse", bomb)
    assert report["peak_mb"] < BOUND_MB
    assert not report["imported"]
    [(file, text)] = report["problems"]
    assert file == "plan2learn_bruger.csv"
    refusal_of_the_bomb(text)
    assert "eksport.zip" in text


def test_the_command_refuses_the_zip_bomb(run_child, bomb):
    report = run_child("cli", bomb)
    assert report["peak_mb"] < BOUND_MB
    assert report["status"] == 1
    assert "plan2learn_bruger.csv: " in report["stderr"]
    refusal_of_the_bomb(report["stderr"])


def test_the_upload_page_refuses_the_zip_bomb(run_child, bomb):
    report = run_child("web", bomb)
    assert report["peak_mb"] < BOUND_MB
    assert report["status"] == 200 and not report["previewed"]
    [(file, _line, _column, text)] = report["problems"]
    assert file == "plan2learn_bruger.csv"
    refusal_of_the_bomb(text)


def test_a_file_within_the_limits_is_read_as_a_stream(run_child, tmp_path):
    # 60 MB of NUL bytes is within the limit: read whole, as the import used to, it took 60 MB of bytes, as much
    # again decoded, and four times that in the reader. Streamed, the first line ends the reading.
    report = run_child("parse", nul_zip(tmp_path / "eksport.zip", megabytes=60, others=True))
    assert not report["imported"]
    assert [file for file, _text in report["problems"]] == ["plan2learn_bruger.csv"]
    assert "100.000" in report["problems"][0][1]  # the longest line it reads
    assert report["peak_mb"] - report["before_mb"] < 30


@pytest.fixture(scope="module")
def largest_export(tmp_path_factory) -> Path:
    """Twice the largest municipality: 90,000 people and 2,000 units, 193,000 rows in all (the limit is
    200,000) and 25 MB."""
    folder = tmp_path_factory.mktemp("largest") / "export"
    call_command("generate-org", str(folder), "--people", "90000", "--units", "2000", "--seed", "3",
                 stdout=io.StringIO())
    return folder


def test_the_largest_import_the_limits_allow_stays_within_the_bound_on_the_web(run_child, largest_export):
    report = run_child("web", *sorted(largest_export.iterdir()))
    assert report["status"] == 302 and report["previewed"] and report["applied"], report
    assert report["peak_mb"] < BOUND_MB


def test_the_largest_import_the_limits_allow_stays_within_the_bound_on_the_command_line(run_child,
                                                                                        largest_export):
    report = run_child("cli", largest_export, "--show", "0")
    assert report["status"] == 0, report["stderr"]
    assert report["peak_mb"] < BOUND_MB


def test_the_costliest_template_the_limits_allow_stays_within_the_bound_on_the_web(run_child, tmp_path):
    # 100,000 rows, each a person, and 10,000 units with a manager each: the most a template may hold, and a
    # row of the template costs more than a row of an export (it can hold a unit and a manager too).
    path = tmp_path / "organisation.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(";".join(column.name for column in TEMPLATE_COLUMNS) + "\n")
        out.write("K;Kommune;;Kommune;;;;;;;;;;\n")
        for i in range(1, MAX_TEMPLATE_ROWS):
            unit = i % (MAX_UNITS - 1)
            if i < MAX_UNITS:
                out.write(f"U{unit};Enhed {unit};K;Skole;M{i};Navn Navnesen {i};m{i}@kommune.example;"
                          f"K{i % 300};Stilling {i % 300};ja;Leder;Vej {unit};{unit};By\n")
            else:
                out.write(f"U{unit};;;;M{i};Navn Navnesen {i};m{i}@kommune.example;K{i % 300};"
                          f"Stilling {i % 300};nej;;;;\n")
    report = run_child("web", path)
    assert report["status"] == 302 and report["previewed"] and report["applied"], report
    assert report["peak_mb"] < BOUND_MB
