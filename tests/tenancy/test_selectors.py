import pytest
from django.http import Http404

from digikomp.tenancy import selectors
from digikomp.tenancy.access import access_for


def test_admin_sees_every_unit_of_own_municipality_only(world):
    access = access_for(world.user("municipal_admin"))
    ids = set(selectors.visible_units(access).values_list("external_id", flat=True))
    assert ids == {"AAR", "SOC", "HJP", "BOU", "SKO"}


def test_manager_sees_the_subtree_they_lead(world):
    access = access_for(world.user("manager"))
    assert set(selectors.visible_units(access).values_list("external_id", flat=True)) == {"SOC", "HJP"}
    assert set(selectors.visible_people(access).values_list("external_id", flat=True)) == {"P1", "P3"}


def test_other_municipality_gets_404_for_same_external_id(world):
    access = access_for(world.user("other_admin"))
    with pytest.raises(Http404):
        selectors.get_unit(access, "SOC")
    # Both municipalities have a person "P1"; each admin gets their own.
    assert selectors.get_person(access, "P1").name == "Dorte Holm"


def test_employee_sees_no_org(world):
    access = access_for(world.user("employee"))
    assert not selectors.visible_units(access).exists()
    assert not selectors.visible_people(access).exists()


def test_unit_paths_nest(world):
    home_care, social = world.units["home_care"], world.units["social"]
    assert home_care.is_within(social)
    assert home_care.depth == 2 and social.depth == 1


def test_within_is_the_subtree_of_units_or_paths(world):
    from digikomp.tenancy.models import OrgUnit, Person

    social, school = world.units["social"], world.units["school"]
    units = OrgUnit.objects.filter(selectors.within(social))
    assert set(units.values_list("external_id", flat=True)) == {"SOC", "HJP"}
    people = Person.objects.filter(selectors.within(social.path, school, via="primary_unit"))
    assert set(people.values_list("external_id", flat=True)) == {"P1", "P2", "P3"}
    assert not OrgUnit.objects.filter(selectors.within()).exists()
