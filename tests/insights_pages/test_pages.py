"""The companions of the heatmap: coverage with level distributions, knowledge checks against self-ratings,
change between waves, and the national picture. Each number is the selector's; hidden rows show none."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from digikomp.assessments.models import Answer, Invitation, KnowledgeItem
from digikomp.assessments.services import (
    CampaignSpec,
    campaign_create,
    invitations_create,
    knowledge_items,
    response_submit,
)
from digikomp.insights import selectors
from tests.assessments.helpers import close_campaign
from tests.campaigns.helpers import answered_campaign, level_for, populate
from tests.insights_pages.markup import heatmap_cells, plain
from tests.web.markup import find, text


def url(name, campaign, unit, **params):
    base = reverse(f"insights:{name}", kwargs={"pk": campaign.pk, "unit": unit})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def table_rows(page, table_class, part: int = 1) -> dict[str, str]:
    """Competence code -> the plain text of its row's cells (part=0: of its row header)."""
    body = page.content.decode().split(f'class="table {table_class}"')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.split("<tbody>")[1], re.S):
        header = plain(re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1))
        rows[header.split()[0]] = plain(row.split("</th>", 1)[part])
    return rows


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


def test_coverage_shows_the_selector_s_numbers_and_hides_small_groups(campaign, world, client_for):
    page = client_for("municipal_admin").get(url("coverage", campaign, "BOU"))
    assert page.status_code == 200
    coverage = selectors.coverage(campaign=campaign, unit=world.units["children"])
    rows = table_rows(page, "coverage-table")
    hidden = 0
    for row in coverage.rows:
        shown = rows[row.competence.code]
        if row.n is None:
            hidden += 1
            assert shown.startswith("–") and not re.search(r"\d", shown)
        elif row.n:
            assert shown.split()[0] == str(row.n)
            assert f"{round(row.share_meeting * 100)} %" in shown
    assert hidden > 0  # BOU has two respondents: hidden wherever they answered


def test_coverage_overall_distributions_and_gap_links(campaign, world, client_for):
    client = client_for("hr")
    page = client.get(url("coverage", campaign, "SOC"))
    coverage = selectors.coverage(campaign=campaign, unit=world.units["social"])
    assert f"{round(coverage.overall * 100)} %" in text(page).split("Overall coverage:")[1][:10]
    distributions = {d.competence.code: d for d in selectors.distributions(campaign=campaign,
                                                                            unit=world.units["social"])}
    charts = find(page, "svg", role="img")
    shown = [d for d in distributions.values() if not d.suppressed and d.n]
    assert len(charts) == len(shown) > 0
    body = page.content.decode()
    for distribution in shown:
        # The chart's text alternative holds every level's count.
        desc = re.search(rf'<desc id="dist-{distribution.competence.pk}-desc">(.*?)</desc>', body, re.S).group(1)
        for level, count in distribution.levels.items():
            assert f"{level}. " in desc and f": {count} (" in desc
    # Competences where fewer than half meet the requirement link to their page in the norm.
    headers = table_rows(page, "coverage-table", part=0)
    gaps = [r for r in coverage.rows if r.n and r.share_meeting < 0.5]
    assert gaps
    assert [code for code, header in headers.items() if "large gap" in header] == [r.competence.code for r in gaps]
    for row in gaps:
        link = reverse("norm:competence", kwargs={"slug": "kommunernes-digitale-kompetencemodel",
                                                  "version": campaign.framework_version.version,
                                                  "code": row.competence.code})
        assert f'href="{link}"' in body
    assert client.get(link).status_code == 200


def test_knowledge_checks_against_self_ratings(shipped_norm, world, client_for):
    populate(world)
    now = timezone.now()
    campaign = campaign_create(municipality=world.aarhus, spec=CampaignSpec(
        name="Med tjek", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9), anonymity_k=3,
        knowledge_checks=True))
    invitations_create(campaign=campaign)
    generic = list(campaign.framework_version.competences.filter(generic=True).order_by("position")[:2])
    for competence in generic:
        KnowledgeItem.objects.create(key=f"page-test-{competence.code}", competence_identifier=competence.identifier, level=1, question_da="?",
                                     options_da=["Rigtigt", "Forkert"], correct=0)
    for invitation in Invitation.objects.filter(campaign=campaign).select_related("person"):
        if invitation.person.external_id == "P3":
            continue
        right = invitation.person.external_id.startswith("H")
        body = {"answers": {i: level_for(invitation, i) for i in invitation.requirements},
                "knowledge": {str(item.pk): 0 if right else 1 for item in knowledge_items(invitation)}}
        response_submit(invitation=invitation, body=body)
    close_campaign(campaign)

    page = client_for("municipal_admin").get(url("knowledge", campaign, "AAR"))
    assert page.status_code == 200
    rows = table_rows(page, "knowledge-table")
    assert set(rows) == {c.code for c in generic}
    # The oracle from the raw answers: everyone but Carla answered; BOU's two teachers are below k = 3 and
    # left out of the root's figure (their pool is too small even at the root). The question is at level 1 and
    # every self-rating is 1-4, so all 13 rated themselves at or above it: the shares are of 13, the assistants
    # (H*) answered right, the others wrong; nobody rated below, so no share of them is shown.
    counted = [i for i in Invitation.objects.filter(campaign=campaign).select_related("person", "unit")
               if i.person.external_id != "P3" and not i.unit.path.startswith(world.units["children"].path)]
    right = sum(i.person.external_id.startswith("H") for i in counted)
    assert (len(counted), right) == (13, 8)
    for competence in generic:
        ratings = [Answer.objects.get(response__invitation=i, competence_identifier=competence.identifier).level
                   for i in counted]
        assert all(level >= 1 for level in ratings)
        expected = ["1.", *level_name_words(campaign, 1), "13", "13", f"{round(100 * right / 13)} %",
                    f"{round(100 * (13 - right) / 13)} %", "0", "–"]
        assert rows[competence.code].split() == " ".join(expected).split()
    text = page.content.decode()
    assert "weak signal" in text and "one time in four" in text

    # In BOU the two teachers are below k = 3: hidden.
    bou = table_rows(client_for("hr").get(url("knowledge", campaign, "BOU")), "knowledge-table")
    level = " ".join(["1.", *level_name_words(campaign, 1)])
    assert bou and all(v.startswith(level) and v[len(level):].strip().startswith("–")
                   and not re.search(r"\d", v[len(level):]) for v in bou.values()), bou


def level_name_words(campaign, value: int) -> list[str]:
    return campaign.framework_version.levels.get(value=value).name.split()


def test_a_campaign_without_checks_says_so(campaign, client_for):
    page = client_for("municipal_admin").get(url("knowledge", campaign, "AAR"))
    assert "This campaign had no knowledge checks." in text(page)


def test_change_between_waves(campaign, world, client_for):
    second = answered_campaign(world, name="Kortlægning 2027", wave=2)
    page = client_for("municipal_admin").get(url("waves", second, "SOC"))
    assert page.status_code == 200
    by_competence = selectors.waves(unit=world.units["social"], campaign=second)
    rows = table_rows(page, "waves-table")
    checked = 0
    for identifier, cells in by_competence.items():
        competence = next(c for c in second.framework_version.competences.all() if c.identifier == identifier)
        shown = rows[competence.code]
        first, last = cells
        if first.n and last.n:
            assert f"{round(first.share_meeting * 100)} %" in shown and f"{round(last.share_meeting * 100)} %" in shown
            assert f"n = {first.n}" in shown and f"n = {last.n}" in shown
            sign, value = re.findall(r"([+−±])(\d+)$", shown)[0]
            points = round((last.share_meeting - first.share_meeting) * 100)
            assert (sign, int(value)) == ("+" if points > 0 else "−" if points < 0 else "±", abs(points))
            checked += 1
    assert checked > 0
    assert "Wave 1" in text(page) and "Wave 2" in text(page)


def test_the_national_picture_has_each_municipality_as_a_row(campaign, world, client_for):
    page = client_for("national_editor").get(reverse("insights:national"))
    assert page.status_code == 200
    national = selectors.national_heatmap(framework_version=campaign.framework_version)
    cells = heatmap_cells(page)
    assert {row for row, _col in cells} == {"751"}
    hidden = 0
    for competence in national.competences:
        value = national.cells[(world.aarhus.pk, competence.identifier)]
        shown = cells[("751", competence.code)]
        if value.suppressed:
            hidden += 1
            assert shown.hidden and not re.search(r"\d", shown.text)
        elif value.n:
            assert shown.n == value.n and abs(shown.mean - value.mean) <= 0.05
    # Aarhus's 15 respondents are above the national k = 5 on the generic competences; two teachers are not.
    assert hidden > 0
    assert client_for("municipal_admin").get(reverse("insights:national")).status_code == 403
    assert client_for("national_editor").get(reverse("insights:national"), {"version": "999"}).status_code == 404


def test_the_index_lists_the_campaigns_for_managers_too(campaign, client_for):
    page = client_for("manager").get(reverse("insights:index"))
    assert page.status_code == 200 and reverse("insights:campaign", args=[campaign.pk]) in page.content.decode()
    other = client_for("other_admin").get(reverse("insights:index"))
    assert other.status_code == 200 and reverse("insights:campaign", args=[campaign.pk]) not in other.content.decode()

