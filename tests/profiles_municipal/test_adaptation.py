"""Adopting and adapting a national profile through the pages, and the diff that shows every deviation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.profiles import selectors
from digikomp.profiles.models import Adaptation, AdaptationChange, Profile
from digikomp.profiles.resolution import Deviation
from tests.profiles_municipal.conftest import NURSE, html, ident

pytestmark = pytest.mark.usefixtures("shipped_norm")

PAGE = reverse("profiles:national", kwargs={"slug": NURSE})


def url(name: str) -> str:
    return reverse(f"profiles:{name}", kwargs={"slug": NURSE})


def table_data(client) -> dict:
    """The adaptation table as the page renders it, ready to post back."""
    form = client.get(PAGE).context["table_form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    return data


def effective_by_code(world):
    nurse = Profile.objects.get(slug=NURSE)
    return {c.code: e for c, e in selectors.effective_profile(nurse, world.aarhus).rows()}


def test_a_profile_that_is_not_adopted_shows_the_norm_and_offers_adoption(en, world):
    response = en("hr").get(PAGE)
    page = html(response)
    assert response.status_code == 200
    assert "Follows the norm" in page and url("adopt") in page
    assert "B1.1 Technology in one&#x27;s own professional practice" in page
    assert "level 3 (Proficient)" in page
    assert url("adaptation_save") not in page  # nothing to edit before adopting


def test_the_whole_adaptation_flow(en, world):
    client = en("municipal_admin")
    assert client.post(url("adopt")).status_code == 302
    adaptation = Adaptation.objects.get(municipality=world.aarhus, profile__slug=NURSE)
    assert AuditEntry.objects.filter(action="profile.adopt", object_id=str(adaptation.pk)).exists()

    # Raise B1.1, lower A1.2, make A2.3 essential (the norm: useful), with a note on the raise.
    data = table_data(client)
    assert data["B1.1-level"] == 3 and data["A1.2-level"] == 3 and data["A2.3-importance"] == "useful"
    data.update({"B1.1-level": "4", "B1.1-note": "Vi kører telemedicin i hele kommunen",
                 "A1.2-level": "2", "A2.3-importance": "essential"})
    response = client.post(url("adaptation_save"), data)
    assert response.status_code == 302 and response["Location"] == PAGE

    # Add a competence the norm does not hold, and remove one it does.
    response = client.post(url("adaptation_add"), {"competence": "D2.3", "level": "2", "importance": "useful",
                                                   "note": ""})
    assert response.status_code == 302
    assert client.post(url("adaptation_remove"), {"competence": "B3.2"}).status_code == 302

    by_code = effective_by_code(world)
    assert (by_code["B1.1"].level, by_code["B1.1"].deviation) == (4, Deviation.RAISED)
    assert by_code["B1.1"].note == "Vi kører telemedicin i hele kommunen"
    assert (by_code["A1.2"].level, by_code["A1.2"].deviation) == (2, Deviation.LOWERED)
    assert by_code["A2.3"].deviation == Deviation.IMPORTANCE and by_code["A2.3"].importance == "essential"
    assert (by_code["D2.3"].level, by_code["D2.3"].deviation) == (2, Deviation.ADDED)
    assert by_code["B3.2"].level is None and by_code["B3.2"].deviation == Deviation.REMOVED
    assert AdaptationChange.objects.filter(adaptation=adaptation).count() == 5
    assert AuditEntry.objects.filter(action="profile.adapt.set").count() == 4
    assert AuditEntry.objects.filter(action="profile.adapt.remove").count() == 1

    # The diff says every deviation in words, with the norm's level and the local one.
    diff = html(client.get(url("diff")))
    assert "5 deviations" in diff
    assert "Raised from level 3 (Proficient) to level 4 (Expert)" in diff
    assert "Lowered from level 3 (Proficient) to level 2 (Practised)" in diff
    assert "Added at level 2 (Practised); the norm does not require it" in diff
    assert "Removed; the norm requires level 2 (Practised)" in diff
    assert "Importance changed from Useful to Essential" in diff
    assert "Vi kører telemedicin i hele kommunen" in diff
    assert "A1.1 Basic use of workplace IT" not in diff  # only deviations

    # The municipality-wide summary counts them per kind.
    summary = client.get(reverse("profiles:deviations"))
    row = summary.context["rows"][0]
    assert row.counts == {"raised": 1, "lowered": 1, "added": 1, "removed": 1, "importance": 1}
    assert summary.context["grand_total"] == 5 and "Nurse" in html(summary)

    # The library marks the profile as adapted with its number of deviations.
    library = html(client.get(reverse("profiles:library")))
    assert "Adapted: 5 deviations" in library

    # The removed competence is listed apart and can be required again.
    page = html(client.get(PAGE))
    assert url("adaptation_restore") in page and 'value="B3.2"' in page
    assert client.post(url("adaptation_restore"), {"competence": "B3.2"}).status_code == 302
    assert effective_by_code(world)["B3.2"].deviation == Deviation.NONE

    # Setting levels back to the norm's removes the deviation; removing a local addition leaves nothing.
    data = table_data(client)
    data.update({"B1.1-level": "3", "A1.2-level": "3", "A2.3-importance": "useful"})
    assert client.post(url("adaptation_save"), data).status_code == 302
    assert client.post(url("adaptation_remove"), {"competence": "D2.3"}).status_code == 302
    assert not AdaptationChange.objects.filter(adaptation=adaptation).exists()
    assert "Your municipality has adopted this profile without deviating" in html(client.get(url("diff")))


def test_a_local_name_and_note(en, world):
    client = en("hr")
    client.post(url("adopt"))
    response = client.post(url("adaptation_describe"), {"local_name": "Hjemmesygeplejerske",
                                                        "local_note": "Gælder hjemmeplejen."})
    assert response.status_code == 302
    page = html(client.get(PAGE))
    assert "<h1>Hjemmesygeplejerske</h1>" in page and "The norm's name: Nurse" in page
    assert "Gælder hjemmeplejen." in page
    assert AuditEntry.objects.filter(action="profile.adapt.describe").exists()
    # The other municipality still sees the norm's name.
    assert "<h1>Nurse</h1>" in html(en("other_admin").get(PAGE))


def test_a_level_outside_the_scale_is_a_form_error_naming_the_row(en, world):
    client = en("municipal_admin")
    client.post(url("adopt"))
    data = table_data(client)
    data.update({"B1.1-level": "9", "A1.2-level": "2"})
    response = client.post(url("adaptation_save"), data)
    page = html(response)
    assert response.status_code == 200
    assert ("Local level for B1.1 Technology in one&#x27;s own professional practice: "
            "Choose a level of the scale.") in page
    assert 'href="#id_B1.1-level"' in page
    assert 'aria-invalid="true" aria-describedby="id_B1.1-level_error"' in page
    assert not AdaptationChange.objects.exists()  # the valid row was not saved either


def test_an_unknown_competence_is_a_form_error_naming_the_field(en, world):
    client = en("municipal_admin")
    client.post(url("adopt"))

    def add(competence, level):
        return client.post(url("adaptation_add"), {"competence": competence, "level": level,
                                                   "importance": "useful"})

    response = add("Z9.9", "2")
    assert response.status_code == 200
    assert "Competence: Choose a competence of the framework that the profile does not hold yet." \
        in html(response)
    # A competence the profile holds already cannot be "added" either.
    response = add("B1.1", "4")
    assert response.status_code == 200 and "Competence: Choose a competence" in html(response)
    response = add("D2.3", "7")
    assert "Level: Choose a level of the scale." in html(response)
    assert not AdaptationChange.objects.exists()


def test_a_note_without_a_deviation_is_refused(en, world):
    client = en("municipal_admin")
    client.post(url("adopt"))
    data = table_data(client)
    data["A1.1-note"] = "Bare en bemærkning"
    response = client.post(url("adaptation_save"), data)
    assert response.status_code == 200
    assert "A note explains a deviation from the norm" in html(response)


def test_changes_before_adopting_are_refused(en, world):
    client = en("municipal_admin")
    response = client.post(url("adaptation_add"),
                           {"competence": "D2.3", "level": "2", "importance": "useful"}, follow=True)
    assert "Adopt the profile before you adapt it." in html(response)
    assert not Adaptation.objects.exists()


def test_a_manager_reads_the_adaptation_but_cannot_change_it(en, world):
    en("municipal_admin").post(url("adopt"))
    adaptation = Adaptation.objects.get()
    from digikomp.profiles.services import adaptation_set

    adaptation_set(adaptation=adaptation, competence_identifier=ident("B1.1"), level=4)
    manager = en("manager")
    page = html(manager.get(PAGE))
    assert "Raised from level 3 (Proficient) to level 4 (Expert)" in page
    assert url("adaptation_save") not in page and "<select" not in page
    for name in ("adopt", "adaptation_save", "adaptation_add", "adaptation_remove", "adaptation_restore",
                 "adaptation_describe"):
        assert manager.post(url(name), {"competence": "B1.1"}).status_code == 403
    assert AdaptationChange.objects.get().level == 4


def test_another_municipality_sees_the_norm_untouched(en, world):
    en("municipal_admin").post(url("adopt"))
    from digikomp.profiles.services import adaptation_set

    adaptation_set(adaptation=Adaptation.objects.get(), competence_identifier=ident("B1.1"), level=4)
    other = en("other_admin")
    assert "Raised from" not in html(other.get(url("diff")))
    assert "Follows the norm" in html(other.get(PAGE))
    # København's admin adopting the profile makes København's adaptation, never touches Aarhus's.
    other.post(url("adopt"))
    assert Adaptation.objects.filter(municipality=world.kobenhavn).count() == 1
    assert AdaptationChange.objects.get().adaptation.municipality == world.aarhus


def test_an_unknown_profile_is_404(en):
    missing = reverse("profiles:national", kwargs={"slug": "findes-ikke"})
    assert en("municipal_admin").get(missing).status_code == 404
