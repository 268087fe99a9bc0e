"""GET /api/v1/profiles and /api/v1/profiles/{id}: the national library, a municipality's adapted and local
profiles, and the effective requirements with every deviation from the norm marked. Public."""

import pytest

from digikomp.profiles.models import Profile
from digikomp.profiles.public.exports import national_profiles_json
from digikomp.profiles.selectors import national_norm
from digikomp.profiles.services import release_draft_create
from tests.norm_public.conftest import adapted, local_profile  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def get(api_for, url, persona="anonymous", **params):
    response = api_for(persona).get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def national(slug: str) -> Profile:
    return Profile.objects.get(owner__isnull=True, slug=slug)


def test_the_national_library_is_the_default(api_for, shipped_norm):
    profiles = get(api_for, "/api/v1/profiles")
    assert profiles == get(api_for, "/api/v1/profiles", owner="national")
    assert len(profiles) == shipped_norm.revisions.filter(profile__owner__isnull=True).count() >= 20
    nurse = next(p for p in profiles if p["slug"] == "sygeplejerske")
    assert nurse["kind"] == "national" and nurse["owner"] is None and nurse["release"] == shipped_norm.version
    assert nurse["name"]["da"] == "Sygeplejerske" and nurse["name"]["en"]
    assert nurse["extends"] == {"id": national("alle-medarbejdere").pk, "slug": "alle-medarbejdere"}
    assert nurse["url"] == f"http://testserver/api/v1/profiles/{nurse['id']}"
    assert nurse["deviations"] == 0


def test_a_municipality_lists_its_adapted_and_local_profiles(api_for, adapted, local_profile):  # noqa: F811
    profiles = get(api_for, "/api/v1/profiles", owner="751")
    assert [(p["slug"], p["kind"], p["owner"]) for p in profiles] == [
        ("sygeplejerske", "adapted", None), ("velfaerdsteknolog", "local", "751")]
    nurse, local = profiles
    assert nurse["local_name"] == "Sygeplejerske i Aarhus" and nurse["deviations"] == 4
    assert nurse["url"].endswith(f"/api/v1/profiles/{nurse['id']}?municipality=751")
    assert local["id"] == local_profile.pk and local["name"]["en"] == "Welfare technologist"
    assert local["extends"]["slug"] == "social-og-sundhedsassistent"


def test_another_municipality_has_none_of_them(api_for, adapted, local_profile):  # noqa: F811
    assert get(api_for, "/api/v1/profiles", owner="101") == []


@pytest.mark.parametrize("owner", ["kommune", "12345", "75a", "national,751"])
def test_a_bad_owner_is_400_naming_the_parameter(api_for, shipped_norm, owner):
    response = api_for("anonymous").get("/api/v1/profiles", {"owner": owner})
    assert response.status_code == 400 and "owner" in response.json()["errors"]


def test_an_unknown_municipality_is_404(api_for, shipped_norm):
    assert api_for("anonymous").get("/api/v1/profiles", {"owner": "999"}).status_code == 404
    profile = national("sygeplejerske")
    assert api_for("anonymous").get(f"/api/v1/profiles/{profile.pk}", {"municipality": "999"}).status_code == 404


def test_a_national_profile_has_the_national_norm_resolved(api_for, shipped_norm):
    profile = national("sygeplejerske")
    data = get(api_for, f"/api/v1/profiles/{profile.pk}")
    norm = national_norm(profile, shipped_norm)
    assert data["kind"] == "national" and data["municipality"] is None
    assert data["framework"] == "kommunernes-digitale-kompetencemodel" and data["framework_version"] == "1.0"
    assert {r["competence"] for r in data["requirements"]} == {str(i) for i in norm}
    # Inherited from "Alle medarbejdere" too: the extends chain is merged.
    assert len(data["requirements"]) > len(profile.revisions.get(release=shipped_norm).requirements.all())
    for row in data["requirements"]:
        req = norm[next(i for i in norm if str(i) == row["competence"])]
        assert (row["level"], row["importance"], row["norm_level"]) == (req.level, req.importance, req.level)
        assert row["deviation"] == "none" and row["level_name"]["da"]
    assert data["deviations"] == 0 and data["deviation_counts"] == {}


def test_requirements_agree_with_the_open_data_download(api_for, shipped_norm):
    download = {p["slug"]: p for p in national_profiles_json(shipped_norm)["profiles"]}
    profile = national("laerer")
    data = get(api_for, f"/api/v1/profiles/{profile.pk}")
    assert [(r["code"], r["level"], r["importance"]) for r in data["requirements"]] == [
        (r["competence"], r["level"], r["importance"]) for r in download["laerer"]["requirements"]]


def test_an_adapted_profile_marks_every_deviation(api_for, adapted):  # noqa: F811
    profile = adapted.adaptation.profile
    data = get(api_for, f"/api/v1/profiles/{profile.pk}", municipality="751")
    assert data["kind"] == "adapted" and data["municipality"] == "751"
    assert data["local_name"] == "Sygeplejerske i Aarhus"
    assert data["local_note"] == "Aarhus bruger Cura som omsorgssystem."
    rows = {r["competence"]: r for r in data["requirements"]}
    raised = rows[str(adapted.raised.identifier)]
    assert raised["deviation"] == "raised" and raised["level"] == raised["norm_level"] + 1
    assert raised["note"] == "Vi dokumenterer meget."
    lowered = rows[str(adapted.lowered.identifier)]
    assert lowered["deviation"] == "lowered" and lowered["level"] == lowered["norm_level"] - 1
    added = rows[str(adapted.added.identifier)]
    assert added["deviation"] == "added" and added["level"] == 2 and added["norm_level"] is None
    removed = rows[str(adapted.removed.identifier)]
    assert removed["deviation"] == "removed" and removed["level"] is None and removed["level_name"] is None
    assert removed["norm_level"] is not None
    assert data["deviation_counts"] == {"raised": 1, "lowered": 1, "added": 1, "removed": 1}
    assert data["deviations"] == 4
    assert sum(r["deviation"] == "none" for r in data["requirements"]) == len(rows) - 4


def test_the_national_view_of_an_adapted_profile_shows_no_deviation(api_for, adapted):  # noqa: F811
    data = get(api_for, f"/api/v1/profiles/{adapted.adaptation.profile.pk}")
    assert data["kind"] == "national" and data["deviations"] == 0
    assert str(adapted.added.identifier) not in {r["competence"] for r in data["requirements"]}


def test_a_municipality_that_did_not_adapt_reads_the_norm(api_for, adapted):  # noqa: F811
    data = get(api_for, f"/api/v1/profiles/{adapted.adaptation.profile.pk}", municipality="101")
    assert data["kind"] == "national" and data["municipality"] == "101" and data["deviations"] == 0


def test_a_local_profile_is_read_as_its_owner_applies_it(api_for, local_profile, shipped_norm):  # noqa: F811
    data = get(api_for, f"/api/v1/profiles/{local_profile.pk}")
    assert data == get(api_for, f"/api/v1/profiles/{local_profile.pk}", municipality="751")
    assert data["kind"] == "local" and data["owner"] == "751" and data["municipality"] == "751"
    a13 = shipped_norm.framework_version.competences.get(code="A1.3")
    own = next(r for r in data["requirements"] if r["competence"] == str(a13.identifier))
    assert own["level"] == 4
    base = national_norm(national("social-og-sundhedsassistent"), shipped_norm)
    assert {r["competence"] for r in data["requirements"]} >= {str(i) for i in base}


def test_a_local_profile_through_another_municipality_is_404(api_for, local_profile):  # noqa: F811
    response = api_for("anonymous").get(f"/api/v1/profiles/{local_profile.pk}", {"municipality": "101"})
    assert response.status_code == 404
    assert "Velfærdsteknolog" not in response.content.decode()


def test_a_profile_only_in_a_draft_release_is_404(api_for, shipped_norm):
    release_draft_create(version="2.0", framework_version=shipped_norm.framework_version)
    draft_only = Profile.objects.create(owner=None, slug="kun-i-kladden", framework=national("laerer").framework)
    assert api_for("anonymous").get(f"/api/v1/profiles/{draft_only.pk}").status_code == 404
    assert "kun-i-kladden" not in {p["slug"] for p in get(api_for, "/api/v1/profiles")}


def test_an_unknown_profile_is_404(api_for, shipped_norm):
    assert api_for("anonymous").get("/api/v1/profiles/999999").status_code == 404


def test_a_bad_municipality_parameter_is_400(api_for, shipped_norm):
    response = api_for("anonymous").get(f"/api/v1/profiles/{national('laerer').pk}", {"municipality": "Aarhus"})
    assert response.status_code == 400 and "municipality" in response.json()["errors"]


def test_every_persona_reads_the_same(api_for, adapted):  # noqa: F811
    url = f"/api/v1/profiles/{adapted.adaptation.profile.pk}"
    expected = get(api_for, url, municipality="751")
    for persona in ("municipal_admin", "other_admin", "provider"):
        assert get(api_for, url, persona, municipality="751") == expected
