"""What an OS2mo import means: units, primary units, job codes, managers, inactive rows; dry run; audit."""

from digikomp.audit.models import AuditEntry
from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport import exports


def people(municipality):
    return {
        p.external_id: p
        for p in Person.objects.filter(municipality=municipality).select_related("primary_unit")
    }


def test_it_imports_units_with_their_tree_and_addresses(run_import, aarhus, tmp_path):
    result = run_import(exports.write(tmp_path))
    assert result.error is None
    units = {u.external_id: u for u in OrgUnit.objects.filter(municipality=aarhus)}
    assert set(units) == {"ROOT", "BU", "SKO", "SFO", "SUN", "HJP"}
    assert units["ROOT"].parent is None and units["ROOT"].depth == 0
    assert units["SFO"].parent == units["SKO"] and units["SFO"].depth == 3
    assert units["SFO"].path == units["SKO"].path + OrgUnit.path_segment(units["SFO"].pk)
    assert units["SFO"].is_within(units["BU"]) and not units["HJP"].is_within(units["BU"])
    assert (units["SKO"].street, units["SKO"].postcode, units["SKO"].city) == (
        "Skovvangen 4",
        "8999",
        "Søbjerg",
    )
    assert all(u.active for u in units.values())


def test_the_engagement_marked_primary_decides_the_unit(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    jens = people(aarhus)["P2"]
    assert jens.primary_unit.external_id == "SKO"  # not SFO, although that engagement started earlier
    assert (jens.job_code, jens.job_title) == ("51001", "Lærer")


def test_without_a_primary_mark_the_earliest_engagement_decides(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    anne = people(aarhus)["P3"]
    assert anne.primary_unit.external_id == "SFO"  # started 01-08-2016, before SKO in 2019
    # Its stillingskode has no Stillingskode#, so the StillingskodeID is the job code.
    assert (anne.job_code, anne.job_title) == ("S3", "Pædagog")


def test_the_earliest_start_compares_dates_not_text(run_import, aarhus, tmp_path):
    # 31-12-2015 sorts after 2019-08-01 as text but is the earlier date.
    files = exports.edited(
        {exports.ENGAGEMENTS: [("01-08-2016", "2020-01-01"), ("2019-08-01", "31-12-2015")]}
    )
    run_import(exports.write(tmp_path, files))
    assert people(aarhus)["P3"].primary_unit.external_id == "SKO"


def test_job_title_comes_from_the_stillingskode_with_the_bruger_title_as_fallback(
    run_import, aarhus, tmp_path
):
    run_import(exports.write(tmp_path))
    found = people(aarhus)
    assert (found["P1"].job_code, found["P1"].job_title) == ("59001", "Direktør")
    assert (found["P4"].job_code, found["P4"].job_title) == ("52002", "Social- og sundhedshjælper")
    assert (found["P6"].job_code, found["P6"].job_title) == ("56001", "Sekretær")


def test_inactive_engagements_are_ignored(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    found = people(aarhus)
    assert found["P4"].primary_unit.external_id == "HJP"  # the inactive SKO row is marked primary
    bo = found["P5"]
    assert not bo.active and bo.primary_unit is None
    assert (bo.job_code, bo.job_title) == ("", "Tidligere lærer")
    assert all(found[p].active for p in ("P1", "P2", "P3", "P4", "P6"))


def test_inactive_rows_may_refer_to_units_and_people_that_are_gone(run_import, aarhus, tmp_path):
    files = exports.edited({
        exports.ENGAGEMENTS: [("E8;P5;SKO;0", "E8;P5;CLOSED;0")],
        exports.MANAGERS: [("P3;SKO;0", "P9;GONE;0")],
    })
    assert run_import(exports.write(tmp_path, files)).error is None
    assert Person.objects.filter(municipality=aarhus).count() == 6


def test_managers_come_from_active_leder_rows(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    managers = {
        (m.person.external_id, m.unit.external_id): m
        for m in UnitManager.objects.filter(unit__municipality=aarhus).select_related("person", "unit")
    }
    assert set(managers) == {("P1", "BU"), ("P2", "SKO")}  # P3's row is inactive
    assert managers[("P2", "SKO")].title == "Skoleleder" and managers[("P2", "SKO")].active


def test_mobile_numbers_are_not_stored(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    assert not any("20304050" in str(v) for p in Person.objects.values() for v in p.values())


def test_a_dry_run_stores_nothing_and_lists_what_would_change(run_import, aarhus, tmp_path):
    result = run_import(exports.write(tmp_path), "--dry-run", "--language", "en")
    assert result.error is None
    assert not OrgUnit.objects.filter(municipality=aarhus).exists()
    assert not Person.objects.filter(municipality=aarhus).exists()
    assert not AuditEntry.objects.filter(action="org.import").exists()
    assert "Nothing was stored" in result.stdout
    assert "Units created (6):" in result.stdout
    assert "Skovvangskolen (SKO): Børn og Unge" in result.stdout
    assert "People created (6):" in result.stdout
    assert "Managers added (2):" in result.stdout


def test_a_real_run_prints_the_same_summary_and_writes_the_audit_log(run_import, aarhus, tmp_path):
    dry = run_import(exports.write(tmp_path), "--dry-run", "--language", "en").stdout
    real = run_import(tmp_path, "--language", "en").stdout
    assert dry.splitlines()[1:] == real.splitlines()[1:]  # only the heading differs
    entry = AuditEntry.objects.get(action="org.import")
    assert entry.municipality == aarhus and entry.actor is None and entry.actor_label == "system"
    assert entry.data["units_created"] == 6 and entry.data["people_created"] == 6
    assert entry.data["managers_added"] == 2 and entry.data["source"] == "os2mo"


def test_the_report_is_in_danish_by_default(run_import, aarhus, tmp_path):
    result = run_import(exports.write(tmp_path), "--dry-run")
    assert "Enheder oprettet (6):" in result.stdout
    assert "Intet blev gemt" in result.stdout


def test_an_unknown_municipality_is_an_error(run_import, tmp_path):
    result = run_import(exports.write(tmp_path), municipality="9999")
    assert result.error is not None and "9999" in str(result.error)
