"""Django admin of the tenancy models: useful to superusers, closed to everyone else."""

import pytest
from django.test import Client
from django.urls import reverse

from digikomp.accounts.models import User
from tests.personas import PASSWORD

MODELS = ["municipality", "orgunit", "person", "unitmanager"]


@pytest.fixture
def superuser_client(world):
    client = Client()
    client.force_login(User.objects.create_superuser("root@digikomp.example", PASSWORD))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_a_superuser_can_list_and_search(superuser_client, model):
    url = reverse(f"admin:tenancy_{model}_changelist")
    assert superuser_client.get(url).status_code == 200
    assert superuser_client.get(url, {"q": "Aarhus"}).status_code == 200


def test_the_unit_list_finds_by_external_id(superuser_client):
    response = superuser_client.get(reverse("admin:tenancy_orgunit_changelist"), {"q": "HJP"})
    assert b"Hjemmeplejen Nord" in response.content
    assert b"Skovvangskolen" not in response.content


def test_a_superuser_can_open_a_unit(superuser_client, world):
    url = reverse("admin:tenancy_orgunit_change", args=[world.units["home_care"].pk])
    assert superuser_client.get(url).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_staff_who_are_not_superusers_are_kept_out(world, model):
    staff = User.objects.create_user("staff@digikomp.example", PASSWORD, is_staff=True)
    client = Client()
    client.force_login(staff)
    assert client.get(reverse(f"admin:tenancy_{model}_changelist")).status_code == 403


def test_a_municipal_admin_cannot_reach_the_admin(client_for):
    response = client_for("municipal_admin").get(reverse("admin:tenancy_person_changelist"))
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]
