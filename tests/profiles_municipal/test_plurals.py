"""Counted messages agree with their number in Danish: "Profilen for 1 stillingskode er gemt", never
"Profilerne for 1 stillingskoder"."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from digikomp.profiles.models import Profile

pytestmark = pytest.mark.usefixtures("shipped_norm")

SAVE = reverse("profiles:job_codes_save")


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_saving_one_job_code_says_one_and_two_say_two(client_for, world):
    client = client_for("hr")  # reads Danish, as every first-time user does
    ssa = str(Profile.objects.get(slug="social-og-sundhedsassistent").pk)
    response = client.post(SAVE, {"code-7120": ssa, "code-1410": "", "code-9000": ""}, follow=True)
    assert "Profilen for 1 stillingskode er gemt." in _messages(response)
    response = client.post(SAVE, {"code-7120": "", "code-1410": ssa, "code-9000": ssa}, follow=True)
    assert "Profilerne for 3 stillingskoder er gemt." in _messages(response)


@pytest.mark.parametrize(("singular", "plural", "one", "many"), [
    ("Saved the change to %(count)s competence.", "Saved the changes to %(count)s competences.",
     "Ændringen af 1 kompetence er gemt.", "Ændringerne af 4 kompetencer er gemt."),
    ("Imported the profile of %(count)s job code.", "Imported the profiles of %(count)s job codes.",
     "Profilen for 1 stillingskode er importeret.", "Profilerne for 4 stillingskoder er importeret."),
    ("%(count)s conflict needs a decision before the new norm can be taken in.",
     "%(count)s conflicts need a decision before the new norm can be taken in.",
     "1 konflikt skal afgøres, før den nye norm kan tages i brug.",
     "4 konflikter skal afgøres, før den nye norm kan tages i brug."),
])
def test_the_danish_catalogue_has_both_forms(singular, plural, one, many):
    with translation.override("da"):
        assert ngettext(singular, plural, 1) % {"count": 1} == one
        assert ngettext(singular, plural, 4) % {"count": 4} == many
