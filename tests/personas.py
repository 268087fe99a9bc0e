"""Personas: two municipalities with a small org tree each, and a user for every role.

Aarhus (751) is "ours"; København (101) is "the other municipality" whose users must never see Aarhus's data.
Built through the models directly so that every test, including the permission matrix, starts from the same
known world. The `world` fixture builds it once per test session and puts its rows back into each test that asks
for it (tests/snapshot.py); `WorldKeys` reads the World of those rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digikomp.accounts.models import RoleAssignment, User
from digikomp.tenancy.models import Municipality, OrgUnit, Person, UnitManager
from digikomp.tenancy.roles import Role

PASSWORD = "korrekt-hest-batteri-hæfteklamme"


@dataclass
class World:
    aarhus: Municipality
    kobenhavn: Municipality
    units: dict[str, OrgUnit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def user(self, persona: str) -> User:
        return self.users[persona]


@dataclass(frozen=True)
class WorldKeys:
    """The primary keys of a built world's units, people and users, to read the same World from its rows."""

    units: dict[str, int]
    people: dict[str, int]
    users: dict[str, int]

    @classmethod
    def of(cls, world: World) -> WorldKeys:
        return cls(*({name: obj.pk for name, obj in objects.items()}
                     for objects in (world.units, world.people, world.users)))

    def read(self) -> World:
        """The World as build_world returns it, related objects included: a unit's parent is the World's unit, a
        person's municipality the World's municipality (so that reading them costs no query, as before)."""
        world = World(aarhus=Municipality.objects.get(code="751"), kobenhavn=Municipality.objects.get(code="101"))
        municipalities = {world.aarhus.pk: world.aarhus, world.kobenhavn.pk: world.kobenhavn}
        units = OrgUnit.objects.in_bulk(self.units.values())
        people = Person.objects.in_bulk(self.people.values())
        users = User.objects.in_bulk(self.users.values())
        for unit in units.values():
            unit.municipality = municipalities[unit.municipality_id]
            unit.parent = units[unit.parent_id] if unit.parent_id else None
        for person in people.values():
            person.municipality = municipalities[person.municipality_id]
            person.primary_unit = units[person.primary_unit_id] if person.primary_unit_id else None
        for user in users.values():
            user.municipality = municipalities[user.municipality_id] if user.municipality_id else None
            user.person = people[user.person_id] if user.person_id else None
        world.units = {name: units[pk] for name, pk in self.units.items()}
        world.people = {name: people[pk] for name, pk in self.people.items()}
        world.users = {name: users[pk] for name, pk in self.users.items()}
        return world


def _unit(municipality, external_id, name, parent=None, unit_type="Afdeling"):
    return OrgUnit.objects.create(
        municipality=municipality, external_id=external_id, name=name, parent=parent, unit_type=unit_type
    )


def _user(email, role, municipality=None, person=None, units=()):
    user = User.objects.create_user(email, PASSWORD, full_name=email.split("@")[0], municipality=municipality,
                                    person=person)
    assignment = RoleAssignment.objects.create(user=user, role=role)
    assignment.units.set(units)
    return user


def build_world() -> World:
    aarhus = Municipality.objects.get(code="751")
    kobenhavn = Municipality.objects.get(code="101")
    world = World(aarhus=aarhus, kobenhavn=kobenhavn)
    u = world.units
    u["root"] = _unit(aarhus, "AAR", "Aarhus Kommune", unit_type="Kommune")
    u["social"] = _unit(aarhus, "SOC", "Sociale Forhold og Beskæftigelse", u["root"], "Magistratsafdeling")
    u["home_care"] = _unit(aarhus, "HJP", "Hjemmeplejen Nord", u["social"])
    u["children"] = _unit(aarhus, "BOU", "Børn og Unge", u["root"], "Magistratsafdeling")
    u["school"] = _unit(aarhus, "SKO", "Skovvangskolen", u["children"], "Skole")
    u["kbh_root"] = _unit(kobenhavn, "KBH", "Københavns Kommune", unit_type="Kommune")
    u["kbh_library"] = _unit(kobenhavn, "BIB", "Hovedbiblioteket", u["kbh_root"])

    p = world.people
    p["anna"] = Person.objects.create(municipality=aarhus, external_id="P1", name="Anna Sørensen",
                                      email="anna@aarhus.example", job_code="7120",
                                      job_title="Social- og sundhedsassistent", primary_unit=u["home_care"])
    p["bo"] = Person.objects.create(municipality=aarhus, external_id="P2", name="Bo Nielsen",
                                    email="bo@aarhus.example", job_code="1410", job_title="Lærer",
                                    primary_unit=u["school"])
    p["carla"] = Person.objects.create(municipality=aarhus, external_id="P3", name="Carla Jensen",
                                       job_code="9000", job_title="Leder", primary_unit=u["social"])
    p["kbh_dorte"] = Person.objects.create(municipality=kobenhavn, external_id="P1", name="Dorte Holm",
                                           job_title="Bibliotekar", primary_unit=u["kbh_library"])
    UnitManager.objects.create(unit=u["social"], person=p["carla"], title="Direktør")

    s = world.users
    s["national_editor"] = _user("redaktoer@kl.example", Role.NATIONAL_EDITOR)
    s["municipal_admin"] = _user("admin@aarhus.example", Role.MUNICIPAL_ADMIN, aarhus)
    s["hr"] = _user("hr@aarhus.example", Role.HR, aarhus)
    s["manager"] = _user("leder@aarhus.example", Role.MANAGER, aarhus, p["carla"], [u["social"]])
    s["employee"] = _user("anna@aarhus.example", Role.EMPLOYEE, aarhus, p["anna"])
    s["provider"] = _user("udbyder@akademi.example", Role.PROVIDER)
    s["other_admin"] = _user("admin@kbh.example", Role.MUNICIPAL_ADMIN, kobenhavn)
    return world


# Every persona the permission matrix runs, plus the anonymous visitor.
PERSONAS = ["anonymous", "national_editor", "municipal_admin", "hr", "manager", "employee", "provider",
            "other_admin"]
