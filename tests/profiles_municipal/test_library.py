"""The profile library: national profiles of the municipality's release with their status, local profiles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from digikomp.profiles import services
from digikomp.profiles.models import JobProfile, Profile
from digikomp.profiles.municipal import services as local_services
from tests.profiles_municipal.conftest import NURSE, html, ident

LIBRARY = reverse("profiles:library")


@pytest.mark.usefixtures("shipped_norm")
def test_the_library_marks_each_national_profile_and_lists_local_ones(en, world):
    nurse = Profile.objects.get(slug=NURSE)
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=nurse)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident("B1.1"), level=4)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident("D2.3"), level=1)
    services.adaptation_get_or_create(municipality=world.aarhus, profile=Profile.objects.get(slug="laerer"))
    local = local_services.local_profile_create(municipality=world.aarhus, name_da="Natteplejer",
                                                name_en="Night carer", extends=nurse)
    JobProfile.objects.create(municipality=world.aarhus, job_code="7120", profile=local)
    local_services.local_profile_create(municipality=world.kobenhavn, name_da="Kun i København",
                                        name_en="Copenhagen only")

    response = en("manager").get(LIBRARY)
    assert response.status_code == 200
    library = response.context["library"]
    assert len(library.national) == 20 and library.release.version == "1.0" and library.newer is None
    rows = {row.profile.slug: row for row in library.national}
    assert rows[NURSE].deviations == 2 and rows["laerer"].adaptation and rows["laerer"].deviations == 0
    assert rows["bibliotekar"].adaptation is None
    assert [row.profile.slug for row in library.local] == ["natteplejer"]
    assert library.local[0].job_codes == 1 and library.local[0].extends.name == "Nurse"

    page = html(response)
    assert "Adapted: 2 deviations" in page and "Adopted, no deviations" in page and "Follows the norm" in page
    assert "Night carer" in page and "Copenhagen only" not in page
    assert reverse("profiles:local_create") not in page  # a manager cannot create profiles
    assert reverse("profiles:local_create") in html(en("hr").get(LIBRARY))


@pytest.mark.usefixtures("shipped_norm")
def test_the_library_is_danish_by_default(client_for):
    page = html(client_for("hr").get(LIBRARY))
    assert "Sygeplejerske" in page and "Alle medarbejdere" in page


def test_without_a_published_norm_the_library_says_so(en, world):
    response = en("municipal_admin").get(LIBRARY)
    assert response.status_code == 200 and "No norm has been published yet." in html(response)
    assert en("municipal_admin").get(reverse("profiles:national", kwargs={"slug": NURSE})).status_code == 404
