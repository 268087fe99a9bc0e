"""The heatmap page: the numbers are insights.heatmap's, hidden cells show no number, drilling down and up stays
inside what the requester may see, and the filters pick a profile or another wave."""

import re

import pytest
from django.urls import reverse

from digikomp.insights.heatmap import build_heatmap
from digikomp.profiles.models import Profile
from tests.campaigns.helpers import answered_campaign, populate
from tests.insights_pages.markup import assert_matches, heatmap_cells, row_headers
from tests.web.markup import text


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def heatmap_url(campaign, unit: str, **params) -> str:
    url = reverse("insights:heatmap", kwargs={"pk": campaign.pk, "unit": unit})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


def test_the_heatmap_shows_the_numbers_of_insights_heatmap(campaign, world, client_for):
    page = client_for("municipal_admin").get(heatmap_url(campaign, "AAR"))
    assert page.status_code == 200
    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"])
    assert [u.external_id for u in heatmap.rows] == ["AAR", "BOU", "KUL", "SOC"]
    assert assert_matches(heatmap_cells(page), heatmap) > 0
    shown = [c for c in heatmap_cells(page).values() if not c.hidden and not c.empty]
    assert shown  # and some cells are shown: the root has 15 respondents on the generic competences
    # The legend explains "–" with this campaign's k.
    assert "fewer than 3 respondents" in text(page)


def test_child_rows_drill_down_and_breadcrumbs_lead_back_up(campaign, world, client_for):
    client = client_for("hr")
    page = client.get(heatmap_url(campaign, "AAR"))
    headers = row_headers(page)
    assert "href" not in headers["AAR"]  # the unit itself
    assert f'href="{heatmap_url(campaign, "SOC")}"' in headers["SOC"]
    soc = client.get(heatmap_url(campaign, "SOC"))
    assert_matches(heatmap_cells(soc), build_heatmap(campaign=campaign, unit=world.units["social"]))
    crumbs = soc.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert f'href="{heatmap_url(campaign, "AAR")}"' in crumbs and 'aria-current="page">Sociale' in crumbs


def test_the_profile_filter_shows_the_filtered_heatmap(campaign, world, client_for):
    assistant = Profile.objects.get(slug="social-og-sundhedsassistent", owner__isnull=True)
    page = client_for("municipal_admin").get(heatmap_url(campaign, "AAR", profil=assistant.pk))
    assert page.status_code == 200
    filtered = build_heatmap(campaign=campaign, unit=world.units["root"], profile_id=assistant.pk)
    assert_matches(heatmap_cells(page), filtered)
    # The filter is kept when drilling down.
    assert f'href="{heatmap_url(campaign, "SOC", profil=assistant.pk)}"' in row_headers(page)["SOC"]
    selected = re.search(r'<option value="(\d+)" selected>', page.content.decode())
    assert selected and selected.group(1) == str(assistant.pk)


def test_a_profile_outside_the_campaign_is_refused_naming_what_is_wrong(campaign, client_for):
    nurse = Profile.objects.get(slug="sygeplejerske", owner__isnull=True)
    client = client_for("municipal_admin", "da")
    refused = client.get(heatmap_url(campaign, "AAR", profil=nurse.pk))
    assert refused.status_code == 400
    assert "Ingen blev inviteret med denne profil i denne runde." in text(refused)
    assert client.get(heatmap_url(campaign, "AAR", profil="x")).status_code == 400


def test_the_wave_filter_moves_to_the_same_unit_in_another_wave(campaign, world, client_for):
    second = answered_campaign(world, name="Kortlægning 2027", wave=2)
    assert second.series == campaign.series and second.wave == 2
    client = client_for("municipal_admin")
    # The wave is named by its number in the series, as the API names it.
    response = client.get(heatmap_url(campaign, "SOC", runde=2))
    assert response.status_code == 302 and response["Location"] == heatmap_url(second, "SOC")
    assert client.get(heatmap_url(second, "SOC", runde=1))["Location"] == heatmap_url(campaign, "SOC")
    page = client.get(heatmap_url(second, "SOC"))
    assert '<option value="2" selected>' in page.content.decode()
    # Another series' campaign is no wave of this one, whatever its id.
    other = answered_campaign(world, series="Andet", name="Andet")
    assert client.get(heatmap_url(campaign, "SOC", runde=other.pk)).status_code == 400
    assert client.get(heatmap_url(campaign, "SOC", runde=7)).status_code == 400


def test_a_manager_sees_only_the_subtree_they_lead(campaign, world, client_for):
    manager = client_for("manager")
    start = manager.get(reverse("insights:campaign", args=[campaign.pk]))
    assert start.status_code == 302 and start["Location"] == heatmap_url(campaign, "SOC")
    page = manager.get(heatmap_url(campaign, "SOC"))
    assert page.status_code == 200
    assert_matches(heatmap_cells(page), build_heatmap(campaign=campaign, unit=world.units["social"]))
    crumbs = page.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Aarhus Kommune" not in crumbs  # the root is above what the manager may see
    assert manager.get(heatmap_url(campaign, "HJP")).status_code == 200
    for outside in ("AAR", "BOU", "SKO", "KUL", "KBH", "nope"):
        assert manager.get(heatmap_url(campaign, outside)).status_code == 404, outside


@pytest.mark.parametrize(("persona", "status"), [
    ("other_admin", 404), ("employee", 403), ("provider", 403), ("national_editor", 403), ("anonymous", 302),
])
def test_others_get_nothing(campaign, client_for, persona, status):
    client = client_for(persona)
    for url in (heatmap_url(campaign, "SOC"), reverse("insights:campaign", args=[campaign.pk])):
        response = client.get(url)
        assert response.status_code == status
        assert b"hm-cell" not in response.content


def test_danish_pages_write_the_mean_with_a_decimal_comma(campaign, world, client_for):
    page = client_for("municipal_admin", language="da").get(heatmap_url(campaign, "SOC"))
    cells = [c for c in heatmap_cells(page).values() if not c.hidden and not c.empty]
    assert cells and all(re.search(r"⌀ \d,\d", c.text) for c in cells)
    assert_matches(heatmap_cells(page), build_heatmap(campaign=campaign, unit=world.units["social"]))


def test_the_largest_gaps_link_to_the_competence_in_the_norm(campaign, world, client_for):
    client = client_for("municipal_admin")
    page = client.get(heatmap_url(campaign, "AAR"))
    gaps = page.content.decode().split('id="gaps"')[1].split("</ol>")[0]
    links = re.findall(r'href="(/normen/[^"]+)"', gaps)
    heatmap = build_heatmap(campaign=campaign, unit=world.units["root"])
    # A gap: a shown cell where fewer than 80 % meet the requirement, ranked by how many do not (n minus those
    # meeting it), then the lower share; a share shown as "at least" concerns at most one person and is none.
    ranked = []
    for c in heatmap.competences:
        cell = heatmap.cell(world.units["root"], c)
        if cell.suppressed or not cell.n or cell.share_bound == "at_least" or round(cell.share_meeting * 100) >= 80:
            continue
        missing = cell.n - round(cell.share_meeting * cell.n)
        if missing:
            ranked.append((-missing, cell.share_meeting, c.position, c.code, missing, cell.n))
    ranked.sort()
    assert len(ranked) >= 5 and len(links) == 5
    assert [link.rstrip("/").split("/")[-1] for link in links] == [entry[3] for entry in ranked[:5]]
    first = ranked[0]
    assert f"{first[4]} of {first[5]} do" in text_of(gaps)
    assert client.get(links[0]).status_code == 200


def test_a_gap_leads_to_the_published_cases_about_its_area(campaign, world, client_for):
    """From a gap to how other municipalities worked with it: the link carries the area's count of published
    cases and opens the catalogue filtered on that area; areas without cases get no link."""
    from tests.catalogue.helpers import make_case

    client = client_for("municipal_admin")
    first = client.get(heatmap_url(campaign, "AAR"))
    gaps = first.content.decode().split('id="gaps"')[1].split("</ol>")[0]
    assert "/katalog/" not in gaps  # the catalogue is empty
    top_code = re.findall(r'href="/normen/[^"]+/kompetencer/([^/"]+)/"', gaps)[0]
    area = campaign.framework_version.competences.get(code=top_code).area
    make_case(title="Ambassadører", slug="a", areas=(area.code,))
    make_case(title="Café", slug="b", areas=(area.code,))
    make_case(title="Kladde", slug="c", areas=(area.code,), publish=False)
    gaps = client.get(heatmap_url(campaign, "AAR")).content.decode().split('id="gaps"')[1].split("</ol>")[0]
    link = f'/katalog/?kompetenceomr%C3%A5de={area.code}'
    assert f'href="{link}"' in gaps and f"2 cases about {area.code}" in gaps
    assert client.get(link).context["result"].total == 2
