"""accounts.services as the demo seeding and other code call it directly."""

import pytest
from rest_framework.authtoken.models import Token

from digikomp.accounts.models import User
from digikomp.accounts.services import api_token_for, user_create
from digikomp.lib.errors import ServiceError
from digikomp.tenancy.access import access_for
from tests.personas import PASSWORD


def test_user_create_returns_what_it_did(world):
    first = user_create(email="chef@aarhus.dk", password=PASSWORD, role="manager", municipality_code="751",
                        unit_ids=["BOU"], name="Chef")
    assert first.user_created and first.role_added and first.units_added == ("BOU",)
    again = user_create(email="chef@aarhus.dk", role="manager", municipality_code="751",
                        unit_ids=["BOU", "SOC"])
    assert not again.user_created and not again.role_added and again.units_added == ("SOC",)
    assert again.user == first.user
    # The new manager's Access covers both subtrees.
    assert len(access_for(first.user).managed_paths) == 2


def test_user_create_reports_an_unknown_role_without_touching_anything(world):
    with pytest.raises(ServiceError) as excinfo:
        user_create(email="x@aarhus.dk", password=PASSWORD, role="mayor", municipality_code="751")
    assert list(excinfo.value.errors) == ["role"]


def test_user_create_rolls_back_on_error(world):
    with pytest.raises(ServiceError):
        user_create(email="x@aarhus.dk", password="short", role="hr", municipality_code="751")
    assert not User.objects.filter(email="x@aarhus.dk").exists()


def test_a_national_editor_can_also_become_a_municipal_admin(world):
    editor = world.user("national_editor")
    result = user_create(email=editor.email, role="municipal_admin", municipality_code="751")
    editor.refresh_from_db()
    assert result.role_added and editor.municipality == world.aarhus


def test_api_token_for_keeps_the_key_until_rotated(world):
    user = world.user("municipal_admin")
    key = api_token_for(user=user)
    assert api_token_for(user=user) == key
    rotated = api_token_for(user=user, rotate=True)
    assert rotated != key
    assert list(Token.objects.filter(user=user).values_list("key", flat=True)) == [rotated]
