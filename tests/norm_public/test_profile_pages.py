"""The public profile pages: the national library, one profile with table and chart, a municipality's adapted
and local profiles with their deviations, and that a draft release never shows."""

import re
import xml.etree.ElementTree as ET

import pytest

from digikomp.profiles import services
from digikomp.profiles.models import Profile, Requirement
from digikomp.profiles.selectors import effective_profile
from tests.norm_public.conftest import MODEL
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db


def svg_of(response) -> ET.Element:
    match = re.search(r"<svg\b.*?</svg>", response.content.decode(), flags=re.DOTALL)
    assert match, "no inline SVG on the page"
    return ET.fromstring(match.group(0))


def table_rows(response) -> list[str]:
    """Text of each body row of the requirements table."""
    html = response.content.decode()
    body = re.search(r'<table class="table requirements[^"]*">.*?<tbody>(.*?)</tbody>', html, flags=re.DOTALL).group(1)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in re.findall(r"<tr\b.*?</tr>", body, flags=re.DOTALL)]


def test_the_library_lists_every_national_profile_in_groups(client, shipped_norm):
    response = client.get("/normen/profiler/")
    assert response.status_code == 200
    slugs = list(Profile.objects.filter(owner=None).values_list("slug", flat=True))
    assert len(slugs) == 20
    for slug in slugs:
        assert find(response, "a", href=f"/normen/profiler/{slug}/"), slug
    headings = [h["id"] for h in find(response, "h2") if h.get("id", "").startswith("gruppe-")]
    assert headings == ["gruppe-alle", "gruppe-omsorg", "gruppe-laering", "gruppe-forvaltning",
                        "gruppe-digitalisering", "gruppe-ledelse"]
    html = response.content.decode()
    management = html[html.index('id="gruppe-ledelse"'):]
    assert "/normen/profiler/mellemleder/" in management and "/normen/profiler/laerer/" not in management
    page = text(response)
    assert "Lærer" in page and "Sygeplejerske" in page
    # Descriptions are shown with each profile.
    assert "Læreren i folkeskolen" in page
    assert find(response, "a", href="/normen/profiler/data.json")


def test_the_library_is_empty_before_a_release_is_published(client, db):
    response = client.get("/normen/profiler/")
    assert response.status_code == 200
    assert "Der er endnu ikke udgivet nogen nationale rolleprofiler." in text(response)
    assert client.get("/normen/profiler/laerer/").status_code == 404


def test_a_profile_page_shows_the_role_its_requirements_and_a_chart(client, shipped_norm):
    profile = Profile.objects.get(owner=None, slug="laerer")
    effective = effective_profile(profile, None, shipped_norm)
    response = client.get("/normen/profiler/laerer/")
    assert response.status_code == 200
    page = text(response)
    revision = effective.revision
    assert "Lærer" in page and " ".join(revision.description_da.split()) in page
    # ESCO occupation and the profile it builds on.
    assert find(response, "a", href=revision.esco_uri)
    assert find(response, "a", href="/normen/profiler/alle-medarbejdere/")

    rows = table_rows(response)
    assert len(rows) == len(effective.required) > 12  # its own requirements plus those of "Alle medarbejdere"
    levels = {level.value: level.name_da for level in shipped_norm.framework_version.levels.all()}
    for competence, item in effective.rows():
        row = next(r for r in rows if f"{competence.code} {competence.title_da}" in r)
        assert f"{item.level} – {levels[item.level]}" in row
        assert ("Væsentlig" if item.importance == "essential" else "Nyttig") in row
    inherited = next(r for r in rows if r.startswith("A3 ") and "A3.1 " in r)
    assert inherited.endswith("Alle medarbejdere")  # "Stated by": the generic competence comes from the base

    assert find(response, "caption", id="requirements-caption")
    assert all(th.get("scope") for th in find(response, "th") if th.get("scope") is not None)
    svg = svg_of(response)
    assert svg.get("role") == "img"
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.find(f"{ns}title").text == "Krævede niveauer: Lærer"
    assert len([r for r in svg.iter(f"{ns}rect") if r.get("class") == "chart-bar"]) == len(effective.required)
    assert "A1.1 Basal brug af arbejdspladsens it" in svg.find(f"{ns}desc").text
    assert find(response, "a", href="/normen/profiler/laerer/pdf/da/", hreflang="da")
    assert find(response, "a", href="/normen/profiler/laerer/pdf/en/", hreflang="en")


def test_the_base_profile_lists_the_profiles_that_build_on_it(client, shipped_norm):
    response = client.get("/normen/profiler/alle-medarbejdere/")
    assert find(response, "a", href="/normen/profiler/sygeplejerske/")
    assert len(table_rows(response)) == 12


def test_a_draft_release_is_never_shown(client, shipped_norm):
    draft = services.release_draft_create(version="1.1", framework_version=shipped_norm.framework_version)
    services.library_load(data={"framework": MODEL, "profiles": [{
        "slug": "hemmelig", "name": {"da": "Hemmelig profil", "en": "Secret"}, "extends": None,
        "requirements": [{"competence": "A1.1", "level": 4, "importance": "essential"}]}]}, release=draft)
    revision = draft.revisions.get(profile__slug="laerer")
    revision.name_da = "Lærer (udkast)"
    revision.save()
    Requirement.objects.filter(revision=revision).update(level=4)

    assert client.get("/normen/profiler/hemmelig/").status_code == 404
    assert client.get("/normen/profiler/hemmelig/pdf/da/").status_code == 404
    listing = text(client.get("/normen/profiler/"))
    assert "Hemmelig profil" not in listing and "udkast" not in listing
    page = client.get("/normen/profiler/laerer/")
    assert "Lærer (udkast)" not in text(page)
    assert not any("4 – Ekspert" in row for row in table_rows(page) if "A1.2" in row)
    assert "hemmelig" not in client.get("/normen/profiler/data.json").content.decode()


def test_an_adapted_profile_shows_every_deviation_in_words(client, adapted):
    response = client.get("/normen/kommuner/751/profiler/sygeplejerske/")
    assert response.status_code == 200
    page = text(response).replace(" :", ":")  # "<strong>A1.1 …</strong>: Raised …"
    assert "Sygeplejerske i Aarhus" in page
    assert "Aarhus bruger Cura som omsorgssystem." in page
    assert "National profil tilpasset af Aarhus" in page
    assert find(response, "a", href="/normen/profiler/sygeplejerske/")

    levels = {level.value: level.name_da for level in adapted.raised.version.levels.all()}
    norm = {c.code: e for c, e in effective_profile(adapted.adaptation.profile).rows()}

    def label(value):
        return f"{value} – {levels[value]}"

    raised, lowered = norm[adapted.raised.code], norm[adapted.lowered.code]
    assert f"{adapted.raised.code} {adapted.raised.title_da}: Hævet fra {label(raised.level)} til " \
           f"{label(raised.level + 1)}" in page
    assert f"{adapted.lowered.code} {adapted.lowered.title_da}: Sænket fra {label(lowered.level)} til " \
           f"{label(lowered.level - 1)}" in page
    assert f"{adapted.added.code} {adapted.added.title_da}: Tilføjet på {label(2)} (ikke i normen)" in page
    removed = norm[adapted.removed.code]
    assert f"{adapted.removed.code} {adapted.removed.title_da}: Fjernet (normen kræver " \
           f"{label(removed.level)})" in page
    assert "Vi dokumenterer meget." in page  # the note on a change
    assert "Profilen afviger fra den nationale norm på 4 punkter" in page

    rows = table_rows(response)
    removed_row = next(r for r in rows if adapted.removed.code in r)
    assert "Ikke krævet" in removed_row and label(removed.level) in removed_row
    assert len(find(response, "tr", class_="deviation deviation-raised")) == 1
    # The chart marks the norm behind each raised, lowered or removed competence.
    svg = svg_of(response)
    markers = [x for x in svg.iter("{http://www.w3.org/2000/svg}line") if x.get("class") == "chart-reference"]
    assert len(markers) == 3
    assert find(response, "a", href="/normen/kommuner/751/profiler/sygeplejerske/pdf/en/")


def test_a_profile_the_municipality_has_not_adapted_is_404(client, adapted):
    assert client.get("/normen/kommuner/751/profiler/laerer/").status_code == 404
    assert client.get("/normen/kommuner/101/profiler/sygeplejerske/").status_code == 404  # København did not
    assert client.get("/normen/kommuner/9999/profiler/sygeplejerske/").status_code == 404
    assert client.get("/normen/kommuner/751/profiler/laerer/pdf/da/").status_code == 404


def test_an_adaptation_without_changes_says_it_follows_the_norm(client, shipped_norm, world):
    profile = Profile.objects.get(owner=None, slug="laerer")
    services.adaptation_get_or_create(municipality=world.aarhus, profile=profile)
    response = client.get("/normen/kommuner/751/profiler/laerer/")
    assert response.status_code == 200
    assert "Ingen afvigelser: Profilen følger den nationale norm." in text(response)
    assert not find(response, "tr", class_="deviation deviation-raised")


def test_a_local_profile_is_public_with_what_it_builds_on(client, local_profile):
    response = client.get("/normen/kommuner/751/profiler/velfaerdsteknolog/")
    assert response.status_code == 200
    page = text(response)
    assert "Velfærdsteknolog" in page and "Lokal profil i Aarhus" in page
    assert "Afprøver og indfører velfærdsteknologi i hjemmeplejen." in page
    assert find(response, "a", href="/normen/profiler/social-og-sundhedsassistent/")
    assert any("A1.3 " in row and "4 – Ekspert" in row for row in table_rows(response))
    # The local profile belongs to Aarhus alone.
    assert client.get("/normen/kommuner/101/profiler/velfaerdsteknolog/").status_code == 404


def test_the_municipality_page_lists_adapted_and_local_profiles(client, adapted, local_profile):
    response = client.get("/normen/kommuner/751/profiler/")
    assert response.status_code == 200
    assert find(response, "a", href="/normen/kommuner/751/profiler/sygeplejerske/")
    assert find(response, "a", href="/normen/kommuner/751/profiler/velfaerdsteknolog/")
    page = text(response)
    assert "Sygeplejerske i Aarhus Sygeplejerske 4" in page  # local name, national profile, deviations
    assert "Velfærdsteknolog Social- og sundhedsassistent" in page
    other = client.get("/normen/kommuner/101/profiler/")
    assert other.status_code == 200
    assert "Kommunen har ikke tilpasset nogen national profil." in text(other)
    assert client.get("/normen/kommuner/9999/profiler/").status_code == 404


def test_an_adapted_profile_is_read_against_the_release_the_municipality_took_in(client, adapted):
    """A newer release with a changed norm does not change Aarhus's page until Aarhus takes it in."""
    release = services.release_draft_create(version="1.1", framework_version=adapted.raised.version)
    revision = release.revisions.get(profile__slug="sygeplejerske")
    revision.name_da = "Sygeplejerske (ny udgave)"
    revision.save()
    services.release_publish(release=release, changelog_da="Nyt navn.")
    assert "Sygeplejerske (ny udgave)" in text(client.get("/normen/profiler/sygeplejerske/"))
    page = text(client.get("/normen/kommuner/751/profiler/sygeplejerske/"))
    assert "ny udgave" not in page and "1.0, udgivet" in page
