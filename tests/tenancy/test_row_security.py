"""PostgreSQL row-level security, the second guard (tenancy/rls.py): with the connection limited to one
municipality, a deliberately unscoped query returns none of another municipality's rows.

The test database's user is a superuser, and superusers always bypass row security, so each test switches to
a role made for the purpose (`digikomp_rls_test`, no login, no superuser) for its own transaction."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings

from digikomp.tenancy import rls
from digikomp.tenancy.models import OrgUnit, UnitManager

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="row-level security is PostgreSQL's; SQLite keeps the application guard")

ROLE = "digikomp_rls_test"


@pytest.fixture
def as_application_role(db):
    """Run the rest of the test as a plain role with the application's rights on every table."""
    with connection.cursor() as cursor:
        try:
            with transaction.atomic():
                cursor.execute(f"CREATE ROLE {ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS")
        except Exception:  # made by an earlier test or another test database of this server
            pass
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {ROLE}")
        cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ROLE}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROLE}")
        cursor.execute(f"SET LOCAL ROLE {ROLE}")
    connection.digikomp_bypasses_rls = None  # asked again: this role is bound by row security
    yield
    rls.clear()
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
    connection.digikomp_bypasses_rls = None


def _raw(sql: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def test_a_superuser_connection_is_not_limited_at_all(world):
    """The test database's user bypasses row security, so a request spends no query on setting the limit."""
    assert rls.bypasses(connection)
    rls.limit_to(world.aarhus.pk)
    assert rls.current() in ("", None)


def test_every_tenant_table_has_a_forced_policy_unless_left_to_the_application_guard(db):
    tables = _raw("SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity")
    policies = rls.policies()
    assert {t for t, condition in policies.items() if condition} <= set(tables)
    assert rls.application_guard_only() == ["accounts_roleassignment"]


def test_an_unscoped_query_limited_to_one_municipality_sees_none_of_another(world, as_application_role):
    assert set(_raw("SELECT DISTINCT municipality_id FROM tenancy_orgunit")) == {world.aarhus.pk,
                                                                                world.kobenhavn.pk}
    rls.limit_to(world.kobenhavn.pk)
    assert set(_raw("SELECT DISTINCT municipality_id FROM tenancy_orgunit")) == {world.kobenhavn.pk}
    assert set(_raw("SELECT DISTINCT municipality_id FROM tenancy_person")) == {world.kobenhavn.pk}
    # Through another table: Aarhus's one unit manager is hidden with its unit.
    assert _raw("SELECT count(*) FROM tenancy_unitmanager") == [0]
    assert list(UnitManager._base_manager.all()) == []
    assert {u.municipality_id for u in OrgUnit._base_manager.all()} == {world.kobenhavn.pk}
    # Nor may a row of another municipality be written.
    with pytest.raises(Exception, match="row-level security"), transaction.atomic():
        OrgUnit.objects.create(municipality=world.aarhus, external_id="X", name="Smuglet")
    rls.clear()
    assert _raw("SELECT count(*) FROM tenancy_unitmanager") == [1]


@override_settings(ROOT_URLCONF="tests.tenancy.rls_urls")
def test_a_request_of_a_municipal_user_cannot_read_another_municipality_even_unscoped(world, as_application_role):
    client = Client()
    client.force_login(world.user("other_admin"))
    assert client.get("/every-unit/").json() == {"municipalities": [world.kobenhavn.pk]}
    assert rls.current() in ("", None)  # cleared when the request ended: a pooled connection carries nothing on
    client.force_login(world.user("hr"))
    assert client.get("/every-unit/").json() == {"municipalities": [world.aarhus.pk]}
    national = Client()
    national.force_login(world.user("national_editor"))  # no municipality: the limit of the second guard
    assert national.get("/every-unit/").json() == {"municipalities": sorted([world.aarhus.pk,
                                                                             world.kobenhavn.pk])}


def test_an_explicit_escape_lifts_the_limit_for_its_block_only(world, as_application_role):
    from digikomp.tenancy.guard import across_municipalities

    rls.limit_to(world.kobenhavn.pk)
    with across_municipalities("a test of the escape"):
        assert OrgUnit.objects.count() == len(world.units)
    assert OrgUnit.objects.unscoped("a test of the escape").count() == len(world.units)
    assert OrgUnit._base_manager.count() == 2  # København's two units again
