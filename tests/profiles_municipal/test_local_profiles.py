"""Local profiles through the pages: create, edit, requirements, delete; validation and scoping."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.profiles import selectors, services
from digikomp.profiles.models import JobProfile, Profile, ProfileRevision, Requirement
from digikomp.profiles.municipal import services as local_services
from digikomp.profiles.resolution import Deviation
from tests.profiles_municipal.conftest import NURSE, html, ident

pytestmark = pytest.mark.usefixtures("shipped_norm")

CREATE = reverse("profiles:local_create")


def url(name: str, slug: str = "nattesygeplejerske") -> str:
    return reverse(f"profiles:{name}", kwargs={"slug": slug})


def create(client, **data):
    return client.post(CREATE, {"name_da": "Nattesygeplejerske", "name_en": "Night nurse", "slug": "",
                                "extends": NURSE, "description_da": "Nattevagt i hjemmeplejen.",
                                "description_en": "", **data})


def test_create_a_local_profile_that_extends_a_national_one_and_edit_its_requirements(en, world):
    client = en("municipal_admin")
    form = html(client.get(CREATE))
    assert 'name="name_da"' in form and f'<option value="{NURSE}">Nurse</option>' in form

    response = create(client)
    assert response.status_code == 302 and response["Location"] == url("local")  # slug from the Danish name
    profile = Profile.objects.get(owner=world.aarhus, slug="nattesygeplejerske")
    revision = ProfileRevision.objects.get(profile=profile, release__isnull=True)
    assert revision.extends.slug == NURSE and revision.name_en == "Night nurse"
    assert AuditEntry.objects.filter(action="profile.local.create", municipality=world.aarhus).exists()

    # Add one competence the nurse profile does not hold, and override one it does.
    assert client.post(url("local_requirement_add"),
                       {"competence": "D2.3", "level": "2", "importance": "useful"}).status_code == 302
    assert client.post(url("local_requirement_add"),
                       {"competence": "B1.1", "level": "4", "importance": "essential"}).status_code == 302
    page = html(client.get(url("local")))
    assert "Added at level 2 (Practised); the norm does not require it" in page
    assert "Raised from level 3 (Proficient) to level 4 (Expert)" in page
    assert "A1.1 Basic use of workplace IT" in page  # inherited through the nurse profile and "Alle"

    # Lower the override in the table, then remove the addition.
    response = client.post(url("local_requirements"), {"B1.1-level": "2", "B1.1-importance": "essential",
                                                       "D2.3-level": "2", "D2.3-importance": "useful"})
    assert response.status_code == 302
    assert client.post(url("local_requirement_remove"), {"competence": "D2.3"}).status_code == 302
    requirements = {r.competence_identifier: r.level for r in Requirement.objects.filter(revision=revision)}
    assert requirements == {ident("B1.1"): 2}
    effective = {c.code: e for c, e in selectors.effective_profile(profile, world.aarhus).rows()}
    assert effective["B1.1"].deviation == Deviation.LOWERED and "D2.3" not in effective
    assert AuditEntry.objects.filter(action="profile.local.requirement.set").count() == 3
    assert AuditEntry.objects.filter(action="profile.local.requirement.remove").count() == 1

    # The library lists it with its short name and number of own requirements.
    library = html(client.get(reverse("profiles:library")))
    assert "Night nurse" in library and "<code>nattesygeplejerske</code>" in library


def test_the_local_profile_reflects_the_adaptation_of_what_it_extends(en, world):
    client = en("hr")
    create(client)
    nurse = Profile.objects.get(slug=NURSE)
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=nurse)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident("B1.1"), level=4)
    page = client.get(url("local"))
    by_code = {line.competence.code: line for line in page.context["lines"]}
    assert by_code["B1.1"].effective.level == 4


def test_edit_the_name_slug_and_what_it_extends(en, world):
    client = en("municipal_admin")
    create(client)
    form = html(client.get(url("local_edit")))
    assert 'value="Nattesygeplejerske"' in form
    response = client.post(url("local_edit"), {"name_da": "Aftensygeplejerske", "name_en": "",
                                               "slug": "aften", "extends": "", "description_da": "",
                                               "description_en": ""})
    assert response.status_code == 302 and response["Location"] == url("local", "aften")
    revision = ProfileRevision.objects.get(profile__slug="aften", release__isnull=True)
    assert revision.name_da == "Aftensygeplejerske" and revision.extends is None
    assert "Nothing (from scratch)" in html(client.get(url("local", "aften")))
    assert client.get(url("local")).status_code == 404


@pytest.mark.parametrize("data, field, message", [
    ({"name_da": ""}, "name_da", "Write the profile&#x27;s Danish name."),
    ({"slug": "Store Bogstaver"}, "slug", "Use only lower-case letters a-z, digits and hyphens"),
    ({"slug": "ny"}, "slug", "The short name ny is reserved."),
    ({"slug": NURSE}, "slug", f"The short name {NURSE} belongs to a national profile."),
    ({"slug": "eksisterer"}, "slug",
     "Your municipality already has a profile with the short name eksisterer."),
    ({"extends": "findes-ikke"}, "extends", "Choose a national profile of your norm."),
])
def test_bad_input_is_a_form_error_naming_the_field(en, world, data, field, message):
    local_services.local_profile_create(municipality=world.aarhus, name_da="Eksisterer")
    response = create(en("municipal_admin"), **data)
    page = html(response)
    assert response.status_code == 200
    assert message in page
    assert f'href="#id_{field}"' in page and f'id="id_{field}_error"' in page
    assert Profile.objects.filter(owner=world.aarhus).count() == 1


def test_the_same_slug_in_another_municipality_is_fine(en, world):
    local_services.local_profile_create(municipality=world.kobenhavn, name_da="Nattesygeplejerske")
    assert create(en("municipal_admin")).status_code == 302
    assert Profile.objects.filter(slug="nattesygeplejerske").count() == 2


def test_bad_requirements_are_form_errors(en, world):
    client = en("municipal_admin")
    create(client)
    response = client.post(url("local_requirement_add"), {"competence": "Q1.1", "level": "2",
                                                          "importance": "useful"})
    assert "Competence: Choose a competence of the framework" in html(response)
    response = client.post(url("local_requirement_add"), {"competence": "D2.3", "level": "5",
                                                          "importance": "useful"})
    assert "Level: Choose a level of the scale." in html(response)
    client.post(url("local_requirement_add"), {"competence": "D2.3", "level": "2", "importance": "useful"})
    response = client.post(url("local_requirements"), {"D2.3-level": "0", "D2.3-importance": "useful"})
    assert "Level for D2.3 Automation and digital workflows: Choose a level of the scale." in html(response)
    assert Requirement.objects.get(revision__profile__slug="nattesygeplejerske").level == 2


def test_the_service_refuses_what_the_form_cannot_send(world):
    profile = local_services.local_profile_create(municipality=world.aarhus, name_da="Lokal")
    set_requirement = local_services.local_profile_requirement_set
    with pytest.raises(local_services.LocalProfileError) as refused:
        set_requirement(profile=profile, competence_identifier=ident("A1.1"), level=9)
    assert "level" in refused.value.errors
    with pytest.raises(local_services.LocalProfileError) as refused:
        set_requirement(profile=profile, competence_identifier=uuid.uuid4(), level=2)
    assert "competence" in refused.value.errors
    assert not Requirement.objects.filter(revision__profile=profile).exists()
    nurse = Profile.objects.get(slug=NURSE)
    with pytest.raises(local_services.LocalProfileError):  # a national profile is not edited as a local one
        local_services.local_profile_update(profile=nurse, name_da="Kapret")


def test_a_profile_a_job_code_maps_to_cannot_be_deleted(en, world):
    client = en("municipal_admin")
    create(client)
    profile = Profile.objects.get(slug="nattesygeplejerske")
    JobProfile.objects.create(municipality=world.aarhus, job_code="7120", profile=profile)
    page = html(client.get(url("local_delete")))
    assert "Job codes 7120 map to this profile." in page
    assert client.post(url("local_delete")).status_code == 200
    assert Profile.objects.filter(pk=profile.pk).exists()

    JobProfile.objects.all().delete()
    response = client.post(url("local_delete"))
    assert response.status_code == 302 and response["Location"] == reverse("profiles:library")
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert AuditEntry.objects.filter(action="profile.local.delete", municipality=world.aarhus).exists()


def test_another_municipality_gets_404_for_an_aarhus_local_profile(en, world):
    create(en("municipal_admin"))
    other = en("other_admin")
    for name in ("local", "local_edit", "local_delete"):
        assert other.get(url(name)).status_code == 404
    for name in ("local_requirements", "local_requirement_add", "local_requirement_remove", "local_delete",
                 "local_edit"):
        assert other.post(url(name), {"competence": "D2.3", "level": "2", "importance": "useful",
                                      "name_da": "Kapret"}).status_code == 404
    assert Profile.objects.get(slug="nattesygeplejerske").revisions.get().name_da == "Nattesygeplejerske"
    assert "nattesygeplejerske" not in html(other.get(reverse("profiles:library")))


def test_a_manager_reads_a_local_profile_but_cannot_change_it(en, world):
    create(en("municipal_admin"))
    manager = en("manager")
    page = html(manager.get(url("local")))
    assert "Night nurse" in page and url("local_requirement_add") not in page
    assert manager.get(CREATE).status_code == 403
    for name in ("local_edit", "local_requirements", "local_requirement_add", "local_requirement_remove",
                 "local_delete"):
        assert manager.post(url(name), {"competence": "D2.3", "level": "2"}).status_code == 403
