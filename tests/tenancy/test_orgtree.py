"""orgtree: counts per unit, visible ancestors and search, straight against the selectors' scope."""

from digikomp.accounts.models import RoleAssignment
from digikomp.tenancy import orgtree
from digikomp.tenancy.access import access_for
from digikomp.tenancy.models import OrgUnit, Person


def _counts(rows):
    return {row.unit.external_id: (row.sub_units, row.people) for row in rows}


def test_unit_rows_count_direct_sub_units_and_the_whole_subtree_of_people(world):
    access = access_for(world.user("municipal_admin"))
    units = [world.units["social"], world.units["children"], world.units["home_care"]]
    assert _counts(orgtree.unit_rows(access, units)) == {"SOC": (1, 2), "BOU": (1, 1), "HJP": (0, 1)}


def test_unit_rows_of_nested_units_count_people_for_each(world):
    # A manager who leads both a unit and one below it sees both listed; the upper one includes the lower.
    assignment = RoleAssignment.objects.get(user=world.user("manager"))
    assignment.units.add(world.units["home_care"])
    access = access_for(world.user("manager"))
    assert _counts(orgtree.unit_rows(access, [world.units["social"], world.units["home_care"]])) == {
        "SOC": (1, 2), "HJP": (0, 1),
    }


def test_unit_rows_do_not_mistake_a_longer_sibling_id_for_a_child(world):
    # Paths are zero-padded keys, so unit 1's path is never a prefix of unit 10's; a sibling created later
    # with a longer key must not borrow the first unit's people.
    root = world.units["root"]
    sibling = OrgUnit.objects.create(municipality=world.aarhus, external_id="X", name="X", parent=root)
    Person.objects.create(municipality=world.aarhus, external_id="PX", name="Xenia", primary_unit=sibling)
    access = access_for(world.user("municipal_admin"))
    counts = _counts(orgtree.unit_rows(access, [world.units["social"], sibling]))
    assert counts == {"SOC": (1, 2), "X": (0, 1)}


def test_unit_rows_of_nothing_is_nothing(world, django_assert_num_queries):
    access = access_for(world.user("municipal_admin"))
    with django_assert_num_queries(0):
        assert orgtree.unit_rows(access, []) == []


def test_visible_ancestors_stop_at_what_the_manager_may_see(world):
    school, home_care = world.units["school"], world.units["home_care"]
    admin, manager = access_for(world.user("municipal_admin")), access_for(world.user("manager"))
    assert [u.external_id for u in orgtree.visible_ancestors(admin, school)] == ["AAR", "BOU"]
    assert [u.external_id for u in orgtree.visible_ancestors(manager, home_care)] == ["SOC"]
    assert orgtree.visible_ancestors(admin, world.units["root"]) == []


def test_search_needs_every_word_and_ignores_blank_queries(world):
    access = access_for(world.user("hr"))
    units, people = orgtree.search(access, "  ")
    assert units == [] and people == []
    units, people = orgtree.search(access, "sociale forhold")
    assert [u.external_id for u in units] == ["SOC"] and people == []
    _units, people = orgtree.search(access, "jensen carla")
    assert [p.external_id for p in people] == ["P3"]


def test_search_is_empty_for_roles_without_an_organisation_scope(world):
    assert orgtree.search(access_for(world.user("employee")), "Anna") == ([], [])


def test_search_ignores_the_case_of_danish_letters(world):
    # SQLite's LIKE folds only A-Z; the search must find Æ, Ø and Å however they are typed, as on PostgreSQL.
    unit = OrgUnit.objects.create(municipality=world.aarhus, external_id="AEL", name="Ældrepleje Øst",
                                  parent=world.units["social"])
    Person.objects.create(municipality=world.aarhus, external_id="PÅ", name="Åse Østergård",
                          primary_unit=unit)
    access = access_for(world.user("municipal_admin"))
    for query in ("ældrepleje", "ÆLDREPLEJE øst", "ØST"):
        units, _people = orgtree.search(access, query)
        assert [u.external_id for u in units] == ["AEL"], query
    for query in ("åse", "ØSTERGÅRD", "åse østergård"):
        _units, people = orgtree.search(access, query)
        assert [p.external_id for p in people] == ["PÅ"], query
