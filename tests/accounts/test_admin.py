"""Django admin of users and roles: superusers only, users identified by e-mail."""

import pytest
from django.test import Client
from django.urls import reverse

from digikomp.accounts.models import User
from tests.personas import PASSWORD


@pytest.fixture
def superuser_client(world):
    client = Client()
    client.force_login(User.objects.create_superuser("root@digikomp.example", PASSWORD))
    return client


def test_a_superuser_lists_searches_and_opens_users(superuser_client, world):
    url = reverse("admin:accounts_user_changelist")
    response = superuser_client.get(url, {"q": "aarhus.example"})
    assert response.status_code == 200
    assert b"hr@aarhus.example" in response.content and b"admin@kbh.example" not in response.content
    change = superuser_client.get(reverse("admin:accounts_user_change", args=[world.user("manager").pk]))
    assert change.status_code == 200
    assert b"role_assignments-TOTAL_FORMS" in change.content


def test_a_superuser_creates_a_user_by_email_with_a_role(superuser_client, world):
    response = superuser_client.post(reverse("admin:accounts_user_add"), {
        "email": "ny@aarhus.dk", "municipality": world.aarhus.pk,
        "usable_password": "true", "password1": PASSWORD, "password2": PASSWORD,
        "role_assignments-TOTAL_FORMS": "1", "role_assignments-INITIAL_FORMS": "0",
        "role_assignments-0-role": "hr",
    })
    assert response.status_code == 302, response.content
    user = User.objects.get(email="ny@aarhus.dk")
    assert user.check_password(PASSWORD)
    assert list(user.role_assignments.values_list("role", flat=True)) == ["hr"]


def test_staff_who_are_not_superusers_are_kept_out(world):
    staff = User.objects.create_user("staff@digikomp.example", PASSWORD, is_staff=True)
    client = Client()
    client.force_login(staff)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_user_change", args=[staff.pk])).status_code == 403
