import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from digikomp.lib.problems import Problems
from digikomp.orgimport.sources import read_path
from digikomp.tenancy.models import Municipality, OrgUnit, Person, UnitManager


@pytest.fixture
def aarhus(db) -> Municipality:
    return Municipality.objects.get(code="751")


class Result:
    def __init__(self, stdout: str, stderr: str, error: CommandError | None):
        self.stdout, self.stderr, self.error = stdout, stderr, error


@pytest.fixture
def run_import(db):
    """run_import(path, "--dry-run", ...) -> Result with the command's stdout, stderr and CommandError."""

    def run(path, *args, municipality: str = "751") -> Result:
        out, err = io.StringIO(), io.StringIO()
        error = None
        try:
            call_command(
                "import-org", str(path), "--municipality", municipality, *args, stdout=out, stderr=err
            )
        except CommandError as exc:
            error = exc
        return Result(out.getvalue(), err.getvalue(), error)

    return run


@pytest.fixture
def rejected(run_import, aarhus):
    """rejected(path) -> the problems of a folder the import refuses; asserts the refusal stored nothing."""

    def check(path, *args) -> list:
        result = run_import(path, *args)
        assert result.error is not None and result.error.returncode == 1
        assert not OrgUnit.objects.filter(municipality=aarhus).exists()
        assert not Person.objects.filter(municipality=aarhus).exists()
        assert not UnitManager.objects.filter(unit__municipality=aarhus).exists()
        problems = Problems()
        assert read_path(path, problems) is None
        found = list(problems)
        # The report the operator sees lists every one of them.
        for problem in found:
            assert problem.file in result.stderr
        assert len(result.stderr.strip().splitlines()) == len(found) + 2
        return found

    return check
