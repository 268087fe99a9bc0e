"""The national figure beside a municipality's own (insights.selectors.national_comparison), and the attacks
on it: subtracting one's own figures, reading it before and after another municipality's campaign closes, and
a small municipality or one with a higher threshold. Other municipalities' released figures are written by
hand (the release itself is tested in test_differencing); the oracle is worked out by hand below.

k = 3 (the national floor here), so a municipality counts only where its top figure has at least 2k = 6
respondents, or 2 x its own threshold where that is higher."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from digikomp.assessments.services import CampaignSpec, campaign_create
from digikomp.insights import selectors
from digikomp.insights.models import FigureRelease, ReleasedTally
from digikomp.insights.release import RELEASE_FORMAT
from digikomp.lib.anonymity import threshold_for
from digikomp.tenancy.models import Municipality, OrgUnit
from tests.campaigns.helpers import answered_campaign, populate


@pytest.fixture(autouse=True)
def _national_floor_of_three(settings):
    settings.DIGIKOMP_ANONYMITY_K = 3


@pytest.fixture
def aarhus(shipped_norm, world):
    populate(world)
    return answered_campaign(world)


def released_elsewhere(code: str, competence, levels: dict[int, int], meeting: int, *, municipality_k=None,
                       closed=True, profile=None):
    """Municipality `code`'s latest campaign, closed, with its top unit's released figure for `competence`."""
    municipality = Municipality.objects.get(code=code)
    if municipality_k:
        municipality.anonymity_k = municipality_k
        municipality.save()
    root = OrgUnit.objects.filter(municipality=municipality, parent__isnull=True).first() or \
        OrgUnit.objects.create(municipality=municipality, external_id=f"ROOT{code}", name=f"Kommune {code}")
    now = timezone.now()
    campaign = campaign_create(municipality=municipality, spec=CampaignSpec(
        name=f"Kortlægning {code}", series=f"Serie {code}", opens_at=now - timedelta(days=20),
        closes_at=now - timedelta(days=1) if closed else now + timedelta(days=5)))
    if closed:
        release = FigureRelease.objects.create(campaign=campaign, k=threshold_for(campaign), format=RELEASE_FORMAT)
        for profile_id in {None, profile}:
            ReleasedTally.objects.create(release=release, unit=root, profile_id=profile_id,
                                         competence_identifier=competence.identifier, meeting=meeting,
                                         **{f"level_{lv}": n for lv, n in levels.items()})
    return campaign


def generic(campaign):
    return campaign.framework_version.competences.filter(generic=True).order_by("position").first()


def test_the_national_figure_pools_the_other_municipalities_by_hand(aarhus):
    g = generic(aarhus)
    released_elsewhere("101", g, {3: 6, 1: 4}, meeting=6)      # København: n 10, sum 22
    released_elsewhere("461", g, {2: 20}, meeting=10)          # Odense: n 20, sum 40
    released_elsewhere("851", g, {4: 12}, meeting=12)          # Aalborg: n 12, sum 48
    figure = selectors.national_comparison(campaign=aarhus)[g.identifier]
    assert figure.municipalities == 3
    assert figure.cell.n == 42
    assert figure.cell.mean == pytest.approx(110 / 42)
    assert figure.cell.share_meeting == pytest.approx(28 / 42) and figure.cell.exact
    # Competences nobody else answered have no national figure.
    assert set(selectors.national_comparison(campaign=aarhus)) == {g.identifier}


def test_with_fewer_than_three_other_municipalities_there_is_no_national_figure(aarhus):
    """With one other municipality, the "national" figure would be that municipality's own, and with the
    reader's own included, national minus own would give it away: so two others are not enough either."""
    g = generic(aarhus)
    released_elsewhere("101", g, {3: 6, 1: 4}, meeting=6)
    released_elsewhere("461", g, {2: 20}, meeting=10)
    assert selectors.national_comparison(campaign=aarhus) == {}


def test_subtracting_one_s_own_figures_gives_nothing(aarhus, world):
    """The attack: national minus own = the others. The reader's own municipality is not in the figure, so
    the figure is the same whatever their own answers were (here: with and without their own release)."""
    g = generic(aarhus)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10), ("851", {4: 12}, 12)]:
        released_elsewhere(code, g, levels, meeting)
    before = selectors.national_comparison(campaign=aarhus)[g.identifier]
    # Aarhus's own figure in its release, changed by hand: the national figure does not move.
    ReleasedTally.objects.filter(release__campaign=aarhus, competence_identifier=g.identifier).update(
        level_1=500, meeting=0)
    assert selectors.national_comparison(campaign=aarhus)[g.identifier] == before


def test_a_small_municipality_cannot_be_read_by_difference_over_time(aarhus):
    """Esbjerg's five respondents (below 2k = 6: its own pages would show a share of 0 or 100 % only as a
    bound) do not count; so reading the national figure before and after its campaign closes shows no
    difference. When Aalborg's twelve (>= 2k) close, the difference is Aalborg's top figure: a figure its own
    policy shows exactly, never a group below k."""
    g = generic(aarhus)
    released_elsewhere("101", g, {3: 6, 1: 4}, meeting=6)
    released_elsewhere("461", g, {2: 20}, meeting=10)
    released_elsewhere("147", g, {2: 7}, meeting=0)            # Frederiksberg: n 7
    first = selectors.national_comparison(campaign=aarhus)[g.identifier]
    released_elsewhere("561", g, {4: 5}, meeting=5)            # Esbjerg: all five meet it
    assert selectors.national_comparison(campaign=aarhus)[g.identifier] == first
    released_elsewhere("851", g, {4: 12}, meeting=12)          # Aalborg
    second = selectors.national_comparison(campaign=aarhus)[g.identifier]
    assert second.cell.n - first.cell.n == 12 >= 2 * 3
    assert second.municipalities == first.municipalities + 1 == 4


def test_a_municipality_s_higher_threshold_counts_too(aarhus):
    """Frederiksberg raised its threshold to 5: its eight respondents are below its 2k = 10 and do not count,
    though they would under the reader's k = 3."""
    g = generic(aarhus)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10), ("851", {4: 12}, 12)]:
        released_elsewhere(code, g, levels, meeting)
    before = selectors.national_comparison(campaign=aarhus)[g.identifier]
    released_elsewhere("147", g, {1: 8}, meeting=0, municipality_k=5)
    assert selectors.national_comparison(campaign=aarhus)[g.identifier] == before


def test_open_campaigns_count_nowhere(aarhus, world):
    g = generic(aarhus)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10)]:
        released_elsewhere(code, g, levels, meeting)
    released_elsewhere("851", g, {4: 12}, meeting=12, closed=False)  # still open: nothing released
    assert selectors.national_comparison(campaign=aarhus) == {}
    # The reader's own open campaign shows nothing, national figures included.
    open_one = answered_campaign(world, name="Kortlægning 2027", series="Anden", closed=False)
    released_elsewhere("851", g, {4: 12}, meeting=12)
    assert selectors.national_comparison(campaign=open_one) == {}
    assert g.identifier in selectors.national_comparison(campaign=aarhus)


def test_the_heatmap_shows_the_national_row_to_the_municipality_s_readers(aarhus, world, client_for):
    g = generic(aarhus)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10), ("851", {4: 12}, 12)]:
        released_elsewhere(code, g, levels, meeting)
    url = reverse("insights:heatmap", kwargs={"pk": aarhus.pk, "unit": "AAR"})
    for persona in ("municipal_admin", "hr"):
        client = client_for(persona)
        client.cookies["digikomp_language"] = "en"
        html = client.get(url).content.decode()
        foot = html.split("<tfoot>")[1].split("</tfoot>")[0]
        assert "National" in foot and "other municipalities" in foot
        cell = foot.split(f'data-col="{g.code}">')[1].split("</td>")[0]
        assert "67 %" in cell and "n = </span>42" in cell and "3 municipalities" in cell
        assert "2,6" in cell or "2.6" in cell
    # A competence without three municipalities shows no figure in the row.
    other = aarhus.framework_version.competences.exclude(pk=g.pk).order_by("position").first()
    assert "too few municipalities" in foot.split(f'data-col="{other.code}">')[1].split("</td>")[0]


def test_no_national_row_without_enough_municipalities(aarhus, client_for):
    html = client_for("municipal_admin").get(
        reverse("insights:heatmap", kwargs={"pk": aarhus.pk, "unit": "AAR"})).content.decode()
    assert "<tfoot>" not in html


def test_the_coverage_page_shows_the_national_share_beside_the_own(aarhus, world, client_for):
    g = generic(aarhus)
    for code, levels, meeting in [("101", {3: 6, 1: 4}, 6), ("461", {2: 20}, 10), ("851", {4: 12}, 12)]:
        released_elsewhere(code, g, levels, meeting)
    client = client_for("municipal_admin")
    client.cookies["digikomp_language"] = "en"
    html = client.get(reverse("insights:coverage", kwargs={"pk": aarhus.pk, "unit": "AAR"})).content.decode()
    assert "National: meet the requirement" in html
    row = html.split(f"<th scope=\"row\">{g.code} ")[1].split("</tr>")[0]
    assert row.rstrip().endswith('<td class="num">67 %</td>')  # 28 of 42, by hand above
