"""The console commands: `digikomp import-org` exits with status 1 on bad input; `digikomp generate-org`."""

import csv
import io
from collections import Counter

import pytest
from django.core.management import ManagementUtility, call_command

from digikomp.lib.problems import Problems
from digikomp.orgimport.generate import generate_export, mutate_export, write_export
from digikomp.orgimport.sources import read_path
from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport import exports

# The console entry point closes every database connection when it finishes (BaseCommand.run_from_argv), which
# only a transactional test survives; serialized_rollback restores the 98 municipalities afterwards.
CONSOLE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@CONSOLE
def test_import_org_exits_with_status_1_and_prints_the_report(aarhus, tmp_path, capsys):
    files = exports.edited({exports.ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ")]})
    path = exports.write(tmp_path, files)
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["digikomp", "import-org", "--municipality", "751", str(path), "--language", "en"]
        ).execute()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "The import was stopped by 1 problem; nothing was stored." in err
    assert "plan2learn_engagement.csv, line 10, column AfdelingsId" in err
    assert not OrgUnit.objects.filter(municipality=aarhus).exists()


@CONSOLE
def test_import_org_exits_with_status_0_when_it_imports(aarhus, tmp_path, capsys):
    path = exports.write(tmp_path)
    ManagementUtility(["digikomp", "import-org", "--municipality", "751", str(path)]).execute()
    assert Person.objects.filter(municipality=aarhus).count() == 6


def generate(folder, *args):
    call_command("generate-org", str(folder), *args, stdout=io.StringIO())
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_generate_org_is_deterministic_with_a_seed(tmp_path):
    first = generate(tmp_path / "a", "--people", "50", "--units", "9", "--seed", "4")
    again = generate(tmp_path / "b", "--people", "50", "--units", "9", "--seed", "4")
    other = generate(tmp_path / "c", "--people", "50", "--units", "9", "--seed", "5")
    assert first == again and first != other
    assert set(first) == set(exports.BASE)


def test_a_generated_export_imports_with_the_sizes_asked_for(run_import, aarhus, tmp_path):
    generate(tmp_path, "--people", "300", "--units", "40", "--seed", "2")
    result = run_import(tmp_path)
    assert result.error is None, result.stderr
    assert OrgUnit.objects.filter(municipality=aarhus).count() == 40
    assert Person.objects.filter(municipality=aarhus).count() == 300
    # One manager per unit, each working in the unit they lead.
    managers = UnitManager.objects.filter(unit__municipality=aarhus, active=True).select_related("person")
    assert managers.count() == 40 and all(m.person.primary_unit_id == m.unit_id for m in managers)
    # A few people have only inactive engagements; most are active.
    inactive = Person.objects.filter(municipality=aarhus, active=False).count()
    assert 0 < inactive < 30


def test_generated_people_have_jobs_that_fit_their_units(tmp_path):
    export = generate_export(people=2000, units=150, seed=3)
    units = {u.id: u for u in export.tree.values()}
    titles = {row["StillingskodeID"]: row["Stillingskode"] for row in export.job_codes}
    jobs_by_type = Counter()
    for row in export.engagements:
        if row["Primær"] == "1" and row["AktivStatus"] == "1":
            jobs_by_type[(units[row["AfdelingsId"]].kind, titles[row["StillingskodeId"]])] += 1
    assert jobs_by_type[("skole", "Lærer")] > jobs_by_type[("skole", "Pædagog")] > 0
    assert jobs_by_type[("hjemmepleje", "Social- og sundhedshjælper")] > 0
    assert jobs_by_type[("skole", "Social- og sundhedshjælper")] == 0
    assert jobs_by_type[("bibliotek", "Bibliotekar")] > 0
    names = [u.name for u in export.tree.values()]
    assert any(n.endswith("skolen") for n in names) and any(n.startswith("Plejecenter") for n in names)
    # Both date formats and both ways of choosing the primary engagement occur.
    dates = [row["StartdatoEngagement"] for row in export.engagements]
    assert any(d[4] == "-" for d in dates) and any(d[2] == "-" for d in dates)
    by_person = Counter(row["BrugerId"] for row in export.engagements if row["AktivStatus"] == "1")
    twice = {p for p, n in by_person.items() if n == 2}
    unmarked = {
        row["BrugerId"] for row in export.engagements if row["BrugerId"] in twice and row["Primær"] == "1"
    }
    assert twice and twice - unmarked


def test_a_mutated_export_changes_about_five_percent(tmp_path):
    export = generate_export(people=1000, units=60, seed=3)
    later = mutate_export(export, seed=4)
    before = {row["BrugerId"] for row in export.users}
    after = {row["BrugerId"] for row in later.users}
    assert 10 <= len(before - after) <= 20 and 10 <= len(after - before) <= 20
    assert sum(a["Afdelingsnavn"] != b["Afdelingsnavn"] for a, b in zip(export.units, later.units)) >= 1
    assert sum(a["Parentid"] != b["Parentid"] for a, b in zip(export.units, later.units)) >= 1
    write_export(later, tmp_path / "later")
    problems = Problems()
    assert read_path(tmp_path / "later", problems) is not None, [p.text for p in problems]


def test_generated_files_are_semicolon_separated_with_the_os2mo_headers(tmp_path):
    files = generate(tmp_path, "--people", "20", "--units", "5", "--encoding", "cp1252")
    header = files["plan2learn_engagement.csv"].decode("cp1252").splitlines()[0]
    assert header == "EngagementId;BrugerId;AfdelingsId;AktivStatus;StillingskodeId;Primær;Engagementstype;" \
                     "StartdatoEngagement"
    rows = list(csv.DictReader(io.StringIO(files["plan2learn_bruger.csv"].decode("cp1252")), delimiter=";"))
    assert len(rows) == 20 and all(row["CPR"] for row in rows)
