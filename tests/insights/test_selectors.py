"""Coverage, distributions, response rates, waves and the national picture, against known answers."""

import pytest

from digikomp.assessments.models import Invitation
from digikomp.assessments.services import invitations_create, response_submit
from digikomp.insights import selectors
from digikomp.insights.heatmap import build_heatmap
from digikomp.tenancy.models import Person
from tests.assessments.helpers import close_campaign, map_jobs, open_campaign


@pytest.fixture
def answered(shipped_norm, world, settings):
    """Eight assistants in home care (HJP) and three teachers at the school (SKO) answer; k = 3; closed."""
    settings.DIGIKOMP_ANONYMITY_K = 3
    for i in range(8):
        Person.objects.create(municipality=world.aarhus, external_id=f"H{i}", name=f"Hjælper {i}",
                              job_code="7120", primary_unit=world.units["home_care"])
    for i in range(2):
        Person.objects.create(municipality=world.aarhus, external_id=f"L{i}", name=f"Lærer {i}",
                              job_code="1410", primary_unit=world.units["school"])
    map_jobs(world)
    campaign = open_campaign(world, anonymity_k=3)
    invitations_create(campaign=campaign)
    for invitation in Invitation.objects.filter(campaign=campaign).select_related("person"):
        if invitation.person.external_id in ("P3",):
            continue  # Carla (leader) does not answer
        level = 4 if invitation.person.external_id.startswith("H") else 1
        response_submit(invitation=invitation, body={"answers": {i: level for i in invitation.requirements}})
    return close_campaign(campaign)


def test_coverage_and_distribution_match_the_answers(answered, world):
    root = world.units["root"]
    coverage = selectors.coverage(campaign=answered, unit=root)
    # Generic competences: the eight new assistants at level 4; Anna, Bo and the two teachers at level 1.
    generic = next(r for r in coverage.rows if r.competence.generic)
    assert generic.n == 12 and generic.share_meeting == pytest.approx(8 / 12)
    distribution = next(d for d in selectors.distributions(campaign=answered, unit=root) if d.competence.generic)
    assert distribution.levels[4] == 8 and distribution.levels[1] == 4 and distribution.mean == pytest.approx(3.0)


def test_response_rates_hide_small_groups(answered, world):
    rates = {r.unit.external_id: r for r in selectors.response_rates(campaign=answered, unit=world.units["root"])}
    assert rates["AAR"].invited == 13 and rates["AAR"].responded == 12
    # Children of the root: SOC (9 responded of 10) and BOU (3 of 3); with k = 3 both can be shown.
    assert rates["SOC"].responded == 9 and rates["BOU"].responded == 3 and not rates["BOU"].suppressed


def test_waves_compare_the_same_unit(answered, world):
    by_competence = selectors.waves(unit=world.units["root"], campaign=answered)
    cells = next(iter(by_competence.values()))
    assert [c.campaign for c in cells] == [answered]


def test_the_national_picture_shows_each_municipality_under_its_own_threshold(answered, world):
    national = selectors.national_heatmap(framework_version=answered.framework_version)
    assert [m.code for m in national.municipalities] == ["751"]
    generic = next(c for c in national.competences if c.generic)
    cell = national.cells[(world.aarhus.pk, generic.identifier)]
    assert cell.n == 12 and cell.mean == pytest.approx(3.0)
    # Aarhus raises its threshold above its 12 respondents: its row is hidden nationally too.
    world.aarhus.anonymity_k = 20
    world.aarhus.save()
    answered.municipality.refresh_from_db()
    national = selectors.national_heatmap(framework_version=answered.framework_version)
    assert national.cells[(world.aarhus.pk, generic.identifier)].suppressed


def test_an_open_campaign_is_not_in_the_national_picture(answered, world):
    answered.closes_at = answered.opens_at + (answered.closes_at - answered.opens_at) * 1000
    answered.save()
    national = selectors.national_heatmap(framework_version=answered.framework_version)
    assert national.municipalities == []


def test_a_heatmap_with_a_profile_filter_hides_the_small_profile_group(answered, world):
    from digikomp.profiles.models import Profile

    world.aarhus.anonymity_k = 5  # the municipality raises k after the close: the release follows
    world.aarhus.save()
    answered.municipality.refresh_from_db()
    teacher = Profile.objects.get(slug="laerer")
    heatmap = build_heatmap(campaign=answered, unit=world.units["root"], profile_id=teacher.pk)
    generic = next(c for c in heatmap.competences if c.generic)
    assert heatmap.k == 5
    assert heatmap.cell(world.units["root"], generic).suppressed  # 3 teachers < 5, nobody to pool them with
    # Unfiltered, the nine assistants are shown and the three teachers are left out of the root's figure.
    unfiltered = build_heatmap(campaign=answered, unit=world.units["root"])
    assert unfiltered.cell(world.units["root"], generic).n == 9
