"""GET /api/v1/municipalities/{code}/campaigns/{id}/heatmap: exactly build_heatmap's numbers, suppressed cells
without numbers, managers confined to the units they lead."""

import pytest

from digikomp.assessments.models import Invitation
from digikomp.insights.heatmap import build_heatmap
from digikomp.profiles.models import Profile
from tests.campaigns.helpers import answered_campaign, populate


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3  # the populated world is small: its campaign uses k = 3


@pytest.fixture
def campaign(shipped_norm, world):
    """k = 3, closed; SOC has 9 respondents, KUL 4 and BOU 2 (hidden: below k, see tests/campaigns/helpers.py)."""
    populate(world)
    return answered_campaign(world)


def url(campaign) -> str:
    return f"/api/v1/municipalities/751/campaigns/{campaign.pk}/heatmap"


def heatmap(api_for, campaign, persona="hr", **params):
    response = api_for(persona).get(url(campaign), params)
    assert response.status_code == 200, response.content
    return response.json()


def expected(campaign, unit, profile_id=None) -> dict:
    """The heatmap as build_heatmap gives it, in the API's shape: {unit external id: {identifier: cell}}."""
    built = build_heatmap(campaign=campaign, unit=unit, profile_id=profile_id)
    return {row.external_id: {str(c.identifier): cell.as_dict() for c, cell in zip(built.competences, cells)}
            for row, cells in built.table()}


def cells(data) -> dict:
    return {row["unit"]: row["cells"] for row in data["rows"]}


def test_the_numbers_are_build_heatmaps_for_the_whole_municipality(api_for, campaign, world):
    data = heatmap(api_for, campaign, unit="AAR")
    assert cells(data) == expected(campaign, world.units["root"])
    assert data["unit"] == "AAR" and data["k"] == 3 and data["profile"] is None and data["released"] is True
    assert data["campaign"] == {"id": campaign.pk, "name": campaign.name, "wave": 1}
    assert [row["unit"] for row in data["rows"]] == ["AAR", "BOU", "KUL", "SOC"]  # the unit, then its children
    competences = list(campaign.framework_version.competences.order_by("position"))
    assert [c["identifier"] for c in data["competences"]] == [str(c.identifier) for c in competences]
    assert data["competences"][0]["title"] == {"da": competences[0].title_da, "en": competences[0].title_en}


def test_a_drilled_down_unit_is_build_heatmaps_too(api_for, campaign, world):
    data = heatmap(api_for, campaign, unit="SOC")
    assert cells(data) == expected(campaign, world.units["social"])
    shown = [cell for row in data["rows"] for cell in row["cells"].values() if not cell.get("suppressed")]
    assert shown and all(cell["n"] >= 3 or cell["n"] == 0 for cell in shown)


def test_suppressed_cells_carry_no_numbers(api_for, campaign):
    data = heatmap(api_for, campaign, unit="AAR")
    every = [cell for row in data["rows"] for cell in row["cells"].values()]
    assert any(cell.get("suppressed") for cell in every)
    for cell in every:
        # Hidden: the flag and nothing else. Shown: at least k people, or nobody (which reveals nobody).
        assert cell == {"suppressed": True} or cell["n"] == 0 or cell["n"] >= data["k"]
    # BOU has two respondents: nothing of it is shown.
    assert all(cell == {"suppressed": True} or cell["n"] == 0 for cell in cells(data)["BOU"].values())
    assert any(cell.get("suppressed") for cell in cells(data)["BOU"].values())


def test_the_profile_filter_is_build_heatmaps_too(api_for, campaign, world):
    assistant = Profile.objects.get(owner__isnull=True, slug="social-og-sundhedsassistent")
    data = heatmap(api_for, campaign, unit="AAR", profile=assistant.pk)
    assert data["profile"] == assistant.pk
    assert cells(data) == expected(campaign, world.units["root"], assistant.pk)


def test_another_wave_by_number(api_for, campaign, world):
    second = answered_campaign(world, name="Kortlægning 2027", wave=2)
    assert second.series_id == campaign.series_id and second.wave == 2
    data = heatmap(api_for, campaign, unit="AAR", wave=2)
    assert data["campaign"]["id"] == second.pk and cells(data) == expected(second, world.units["root"])
    assert heatmap(api_for, second, unit="AAR", wave=1)["campaign"]["id"] == campaign.pk


def test_without_a_unit_the_top_unit_is_shown(api_for, campaign, world):
    assert heatmap(api_for, campaign)["unit"] == "AAR"
    assert heatmap(api_for, campaign, "manager")["unit"] == "SOC"


def test_a_manager_sees_the_units_they_lead(api_for, campaign, world):
    data = heatmap(api_for, campaign, "manager", unit="SOC")
    assert cells(data) == expected(campaign, world.units["social"])
    assert cells(heatmap(api_for, campaign, "manager", unit="HJP")) == expected(campaign, world.units["home_care"])


@pytest.mark.parametrize("unit", ["AAR", "BOU", "SKO", "KUL", "NO-SUCH-UNIT"])
def test_a_manager_gets_404_outside_their_units(api_for, campaign, unit):
    response = api_for("manager").get(url(campaign), {"unit": unit})
    assert response.status_code == 404 and "cells" not in response.content.decode()


@pytest.mark.parametrize("persona, status", [("other_admin", 404), ("employee", 404), ("national_editor", 404),
                                             ("provider", 404), ("anonymous", 401)])
def test_others_get_nothing(api_for, campaign, persona, status):
    response = api_for(persona).get(url(campaign), {"unit": "AAR"})
    assert response.status_code == status and "cells" not in response.content.decode()


def test_another_municipality_cannot_name_the_campaign_under_its_own_code(api_for, campaign):
    response = api_for("other_admin").get(f"/api/v1/municipalities/101/campaigns/{campaign.pk}/heatmap",
                                          {"unit": "KBH"})
    assert response.status_code == 404


@pytest.mark.parametrize("params, parameter", [
    ({"unit": "AAR", "wave": 7}, "wave"),
    ({"unit": "AAR", "wave": "x"}, "wave"),
    ({"unit": "AAR", "profile": 999999}, "profile"),
    ({"unit": "AAR", "profile": "laerer"}, "profile"),
])
def test_bad_parameters_are_400_naming_them(api_for, campaign, params, parameter):
    response = api_for("hr").get(url(campaign), params)
    assert response.status_code == 400 and parameter in response.json()["errors"]


def test_a_profile_nobody_was_invited_with_is_400(api_for, campaign):
    nobody = Profile.objects.get(owner__isnull=True, slug="topledelse")
    assert not Invitation.objects.filter(campaign=campaign, profile=nobody).exists()
    response = api_for("hr").get(url(campaign), {"unit": "AAR", "profile": nobody.pk})
    assert response.status_code == 400 and "profile" in response.json()["errors"]


def test_an_open_campaign_releases_no_figure(api_for, shipped_norm, world):
    """Read, let one more person answer, read again: while the campaign is open every cell is suppressed, so
    the two readings are the same and carry no number."""
    populate(world)
    campaign = answered_campaign(world, closed=False, skip=("P3", "H0"))
    first = heatmap(api_for, campaign, unit="AAR")
    from digikomp.assessments.services import response_submit

    late = Invitation.objects.get(campaign=campaign, person__external_id="H0")
    response_submit(invitation=late, body={"answers": {i: 4 for i in late.requirements}})
    second = heatmap(api_for, campaign, unit="AAR")
    assert first == second and first["released"] is False
    assert all(cell == {"suppressed": True} for row in first["rows"] for cell in row["cells"].values())


@pytest.mark.parametrize(("params", "status"), [
    ({}, 200), ({"wave": 2}, 200), ({"wave": 9}, 400), ({"wave": "x"}, 400), ({"profile": "nurse"}, 400),
    ({"profile": "assistant"}, 200), ({"unit": "nope"}, 404), ({"unit": "KBH"}, 404),
])
def test_the_page_and_the_api_read_a_parameter_the_same_way(api_for, client_for, campaign, world, params,
                                                            status):
    """One scope resolver (insights/scope.py): the same question gets the same answer from the heatmap page and
    from the API. Page parameters are Danish (runde, profil) and the unit is in the page's path."""
    second = answered_campaign(world, name="Kortlægning 2027", wave=2)
    profiles = {"nurse": Profile.objects.get(slug="sygeplejerske", owner__isnull=True).pk,
                "assistant": Invitation.objects.filter(campaign=campaign).values_list("profile", flat=True)[0]}
    api_params = {key: profiles.get(value, value) for key, value in {"unit": "SOC", **params}.items()}
    api = api_for("hr").get(url(campaign), api_params)
    page_params = {{"wave": "runde", "profile": "profil"}[key]: value
                   for key, value in api_params.items() if key != "unit"}
    page = client_for("hr").get(f"/app/indsigt/{campaign.pk}/enheder/{api_params['unit']}/", page_params)
    if status == 200 and "wave" in params:
        assert page.status_code == 302 and f"/{second.pk}/" in page["Location"]
        assert api.json()["campaign"]["id"] == second.pk
    else:
        assert (api.status_code, page.status_code) == (status, status)
    if status == 400:
        parameter = next(iter(params))
        assert parameter in api.json()["errors"]
