"""Re-importing is an upsert by external id: moves, renames, re-parenting, deactivation and return."""

from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport import exports


def units(municipality):
    return {u.external_id: u for u in OrgUnit.objects.filter(municipality=municipality)}


def people(municipality):
    return {
        p.external_id: p
        for p in Person.objects.filter(municipality=municipality).select_related("primary_unit")
    }


def test_importing_the_same_export_again_changes_nothing(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path))
    before = {u.pk: (u.updated_at, u.path) for u in OrgUnit.objects.all()}
    stamps = {p.pk: p.updated_at for p in Person.objects.all()}
    result = run_import(tmp_path, "--language", "en")
    assert "Nothing to change" in result.stdout
    assert {u.pk: (u.updated_at, u.path) for u in OrgUnit.objects.all()} == before
    assert {p.pk: p.updated_at for p in Person.objects.all()} == stamps


def test_a_moved_person_moves_and_a_renamed_unit_is_renamed(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path / "1"))
    first = units(aarhus)
    files = exports.edited({
        exports.ENGAGEMENTS: [("E6;P4;HJP", "E6;P4;SFO")],
        exports.ORGANISATION: [("SFO;SFO Skovvang;", "SFO;SFO Skovvangen;")],
        exports.PEOPLE: [("Jens Lund;jens.lund@", "Jens Lund Holm;jens.holm@")],
    })
    result = run_import(exports.write(tmp_path / "2", files), "--language", "en")
    after = units(aarhus)
    assert after["SFO"].pk == first["SFO"].pk and after["SFO"].name == "SFO Skovvangen"
    found = people(aarhus)
    assert found["P4"].primary_unit.external_id == "SFO"
    assert (found["P2"].name, found["P2"].email) == ("Jens Lund Holm", "jens.holm@soebjerg.example")
    assert "SFO Skovvangen (SFO): SFO Skovvang → SFO Skovvangen" in result.stdout
    assert "Ali Hassan (P4): Hjemmeplejen Nord → SFO Skovvangen" in result.stdout
    assert Person.objects.filter(municipality=aarhus).count() == 6


def test_a_reparented_unit_moves_with_everything_below_it(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path / "1"))
    # Skovvangskolen (with its SFO below) moves from Børn og Unge to below Hjemmeplejen Nord.
    files = exports.edited({exports.ORGANISATION: [("SKO;Skovvangskolen;BU", "SKO;Skovvangskolen;HJP")]})
    run_import(exports.write(tmp_path / "2", files))
    u = units(aarhus)
    assert u["SKO"].parent == u["HJP"]
    assert u["SKO"].path == u["HJP"].path + OrgUnit.path_segment(u["SKO"].pk) and u["SKO"].depth == 3
    assert u["SFO"].path == u["SKO"].path + OrgUnit.path_segment(u["SFO"].pk) and u["SFO"].depth == 4
    assert u["SFO"].is_within(u["SUN"]) and not u["SFO"].is_within(u["BU"])
    # The tree the selectors see agrees: everything below SUN by path prefix.
    below_sun = set(
        OrgUnit.objects.filter(path__startswith=u["SUN"].path).values_list("external_id", flat=True)
    )
    assert below_sun == {"SUN", "HJP", "SKO", "SFO"}


def test_people_and_units_no_longer_present_become_inactive_and_return(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path / "1"))
    # HJP closes (Ali moves to SUN); Jens leaves, and with him his manager role.
    files = exports.edited({
        exports.ORGANISATION: [("HJP;Hjemmeplejen Nord;SUN;Plejevej 2;8999;Søbjerg\n", "")],
        exports.ENGAGEMENTS: [("E6;P4;HJP", "E6;P4;SUN"), ("E2;P2;SKO;1;S2;1;Månedslønnet;2015-08-01\n", ""),
                              ("E3;P2;SFO;1;S3;0;Timelønnet;2012-08-01\n", "")],
        exports.PEOPLE: [(f"P2;{exports.FAKE_CPRS[1]};Jens Lund;jens.lund@soebjerg.example;;Lærer\n", "")],
        exports.MANAGERS: [("P2;SKO;1;Skoleleder\n", "")],
    })
    result = run_import(exports.write(tmp_path / "2", files), "--language", "en")
    assert "Units deactivated (1):" in result.stdout and "Managers ended (1):" in result.stdout
    u, p = units(aarhus), people(aarhus)
    assert not u["HJP"].active and u["HJP"].path.startswith(u["SUN"].path)  # kept, not deleted
    assert not p["P2"].active and p["P2"].primary_unit.external_id == "SKO"  # kept with their last unit
    assert not UnitManager.objects.get(person=p["P2"]).active
    assert OrgUnit.objects.filter(municipality=aarhus).count() == 6

    result = run_import(exports.write(tmp_path / "3"), "--language", "en")
    u, p = units(aarhus), people(aarhus)
    assert u["HJP"].active and p["P2"].active and p["P4"].primary_unit.external_id == "HJP"
    assert UnitManager.objects.get(person=p["P2"]).active
    assert "Units reactivated (1):" in result.stdout and "People reactivated (1):" in result.stdout
    assert Person.objects.filter(municipality=aarhus).count() == 6


def test_a_person_whose_engagements_end_becomes_inactive_and_keeps_their_last_unit(
    run_import, aarhus, tmp_path
):
    run_import(exports.write(tmp_path / "1"))
    files = exports.edited({exports.ENGAGEMENTS: [("E6;P4;HJP;1", "E6;P4;HJP;0")]})
    run_import(exports.write(tmp_path / "2", files))
    ali = people(aarhus)["P4"]
    assert not ali.active and ali.primary_unit.external_id == "HJP" and ali.job_code == "52002"


def test_a_new_manager_title_is_updated(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path / "1"))
    files = exports.edited({exports.MANAGERS: [("P2;SKO;1;Skoleleder", "P2;SKO;1;Konstitueret skoleleder")]})
    result = run_import(exports.write(tmp_path / "2", files), "--language", "en")
    assert UnitManager.objects.get(person__external_id="P2").title == "Konstitueret skoleleder"
    assert "Managers with a new title (1):" in result.stdout


def test_another_municipality_with_the_same_ids_is_untouched(run_import, aarhus, tmp_path):
    run_import(exports.write(tmp_path), municipality="101")
    run_import(tmp_path)
    files = exports.edited({exports.ORGANISATION: [("SFO;SFO Skovvang;", "SFO;Fritteren;")]})
    run_import(exports.write(tmp_path / "2", files))
    assert OrgUnit.objects.get(municipality__code="101", external_id="SFO").name == "SFO Skovvang"
    assert OrgUnit.objects.get(municipality=aarhus, external_id="SFO").name == "Fritteren"
