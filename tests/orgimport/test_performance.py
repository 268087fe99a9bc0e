"""The import runs a bounded number of queries, whatever the number of rows (no query per row)."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digikomp.orgimport.generate import generate_export, mutate_export, write_export


def queries_for_import(folder, run_import) -> int:
    with CaptureQueriesContext(connection) as queries:
        # The second, generated anew, deactivates all of the first.
        result = run_import(folder, "--show", "0", "--allow-mass-deactivation")
    assert result.error is None, result.stderr
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_rows(run_import, aarhus, tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    call_command("generate-org", str(small), "--people", "60", "--units", "10", stdout=io.StringIO())
    call_command("generate-org", str(large), "--people", "1200", "--units", "120", stdout=io.StringIO())
    few = queries_for_import(small, run_import)
    many = queries_for_import(large, run_import)  # all units and people but the root are new here
    # One INSERT per 1,000 rows is the only thing that grows.
    assert many <= few + 4 and many < 30


def test_a_reimport_with_changes_writes_only_the_changed_rows(run_import, aarhus, tmp_path):
    first = generate_export(people=800, units=60, seed=5)
    write_export(first, tmp_path / "first")
    write_export(mutate_export(first, seed=6), tmp_path / "later")
    run_import(tmp_path / "first")
    with CaptureQueriesContext(connection) as queries:
        run_import(tmp_path / "later")
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    # Units, people, managers at most one statement each (plus the audit entry), never one per changed row.
    assert len(writes) <= 8, writes
