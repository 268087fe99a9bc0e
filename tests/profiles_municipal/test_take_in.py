"""Taking in a new norm release through the page: the norm's changes, required decisions on conflicts,
redundant local changes, and the banner in the library."""

from __future__ import annotations

import pytest
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.profiles import selectors, services
from digikomp.profiles.models import AdaptationChange, MunicipalNorm, Profile
from digikomp.profiles.resolution import Deviation
from tests.profiles_municipal.conftest import NURSE, html, ident, publish_release

pytestmark = pytest.mark.usefixtures("shipped_norm")

TAKE_IN = reverse("profiles:take_in")
LIBRARY = reverse("profiles:library")


@pytest.fixture
def adapted(world):
    """Aarhus raised B1.1 (3 -> 4), lowered A1.2 (3 -> 2) and lowered A1.3 (3 -> 2) for nurses."""
    nurse = Profile.objects.get(slug=NURSE)
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=nurse)
    for code, level in {"B1.1": 4, "A1.2": 2, "A1.3": 2}.items():
        services.adaptation_set(adaptation=adaptation, competence_identifier=ident(code), level=level)
    return nurse


def change_for(code: str) -> AdaptationChange:
    return AdaptationChange.objects.get(competence_identifier=ident(code))


def by_code(profile, municipality):
    return {c.code: e for c, e in selectors.effective_profile(profile, municipality).rows()}


def test_taking_in_a_release_with_conflicts_needs_a_decision_for_each(en, world, adapted, shipped_norm):
    # Release 2.0 drops B1.1 (Aarhus raised it), lowers A1.2 to 2 (what Aarhus already says), lowers A1.3 to 1
    # (so Aarhus's lowering to 2 is now a raise) and adds D1.3.
    second = publish_release("2.0", remove=["B1.1"], set_levels={"A1.2": 2, "A1.3": 1, "D1.3": 2})
    client = en("municipal_admin")

    library = html(client.get(LIBRARY))
    assert "The norm has a new version: review and take it in" in library
    assert "Norm release 2.0 has been published. Your municipality still follows release 1.0." in library

    page = html(client.get(TAKE_IN))
    assert "Norm release 2.0 replaces release 1.0." in page and "Release 2.0." in page  # the changelog
    assert "Changes in the norm for Nurse" in page
    assert "The norm no longer requires it; it used to require level 3 (Proficient)" in page
    assert "The norm lowered it from level 3 (Proficient) to level 2 (Practised)" in page
    assert "The norm now requires it at level 2 (Practised)" in page
    assert ("You set it to level 4 (Expert) where the norm said level 3 (Proficient); the new norm no longer "
            "requires it.") in page
    assert ("You lowered it from level 3 (Proficient) to level 2 (Practised); the new norm requires level 1 "
            "(Beginner), so your level is now a raise.") in page
    assert "You set it to level 2 (Practised), which is now what the norm says." in page
    b11, a13 = change_for("B1.1"), change_for("A1.3")
    assert f'name="decision-{b11.pk}"' in page and f'name="decision-{a13.pk}"' in page

    # Without decisions nothing happens, and the form names each conflict.
    response = client.post(TAKE_IN, {f"decision-{b11.pk}": "keep"})
    page = html(response)
    assert response.status_code == 200
    assert ("Nurse: A1.3 Welfare technology and digital aids: "
            "Choose whether to keep or drop your change.") in page
    assert f'href="#id_decision-{a13.pk}_0"' in page
    assert "Nurse: B1.1" not in page.split("error-summary")[1].split("</div>")[0]
    assert selectors.release_for(world.aarhus) == shipped_norm

    # Keep the raised B1.1 as a local addition, drop the now-upside-down A1.3.
    response = client.post(TAKE_IN, {f"decision-{b11.pk}": "keep", f"decision-{a13.pk}": "drop"})
    assert response.status_code == 302 and response["Location"] == LIBRARY
    assert selectors.release_for(world.aarhus) == second
    effective = by_code(adapted, world.aarhus)
    assert (effective["B1.1"].level, effective["B1.1"].deviation) == (4, Deviation.ADDED)
    assert (effective["A1.3"].level, effective["A1.3"].deviation) == (1, Deviation.NONE)
    assert (effective["A1.2"].level, effective["A1.2"].deviation) == (2, Deviation.NONE)
    assert effective["D1.3"].level == 2
    assert AuditEntry.objects.filter(action="norm.take_in", municipality=world.aarhus).exists()

    # The banner is gone and the page says there is nothing to take in.
    assert "The norm has a new version" not in html(client.get(LIBRARY))
    assert "There is nothing to take in." in html(client.get(TAKE_IN))


def test_a_bogus_decision_is_a_form_error(en, world, adapted):
    publish_release("2.0", remove=["B1.1"])
    b11 = change_for("B1.1")
    response = en("hr").post(TAKE_IN, {f"decision-{b11.pk}": "maybe"})
    assert response.status_code == 200 and "Select a valid choice" in html(response)
    assert MunicipalNorm.objects.get(municipality=world.aarhus).release.version == "1.0"


def test_without_conflicts_the_release_is_taken_in_at_once(en, world, adapted):
    publish_release("2.0", set_levels={"D1.3": 2})
    client = en("hr")
    page = html(client.get(TAKE_IN))
    assert "The norm now requires it at level 2 (Practised)" in page and "decision-" not in page
    assert client.post(TAKE_IN).status_code == 302
    assert selectors.release_for(world.aarhus).version == "2.0"
    assert by_code(adapted, world.aarhus)["B1.1"].deviation == Deviation.RAISED  # local changes survive


def test_a_municipality_that_never_took_in_a_release_takes_in_the_latest(en, world):
    publish_release("2.0", set_levels={"D1.3": 2})
    client = en("other_admin")
    assert not MunicipalNorm.objects.filter(municipality=world.kobenhavn).exists()
    page = html(client.get(TAKE_IN))
    assert "Your municipality has not taken in a norm release yet." in page
    assert client.post(TAKE_IN).status_code == 302
    assert MunicipalNorm.objects.get(municipality=world.kobenhavn).release.version == "2.0"
    # Aarhus, which has not visited the page, is untouched.
    assert not MunicipalNorm.objects.filter(municipality=world.aarhus).exists()


def test_a_manager_sees_the_banner_but_cannot_take_in(en, world, adapted):
    publish_release("2.0", remove=["B1.1"])
    manager = en("manager")
    library = html(manager.get(LIBRARY))
    assert "The norm has a new version" in library and TAKE_IN not in library
    assert manager.get(TAKE_IN).status_code == 403
    assert manager.post(TAKE_IN, {f"decision-{change_for('B1.1').pk}": "drop"}).status_code == 403
    assert selectors.release_for(world.aarhus).version == "1.0"
