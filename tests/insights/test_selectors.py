"""Coverage, distributions, response rates, waves and the national picture, against known answers."""

import pytest

from digikomp.assessments.models import Invitation
from digikomp.assessments.services import invitations_create, response_submit
from digikomp.insights import selectors
from digikomp.insights.heatmap import build_heatmap
from digikomp.tenancy.models import Person
from tests.assessments.helpers import map_jobs, open_campaign


@pytest.fixture
def answered(shipped_norm, world):
    """Eight assistants in home care (HJP) and three teachers at the school (SKO) answer; k = 3."""
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
    return campaign


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


def test_the_national_picture_suppresses_small_municipalities(answered, world):
    national = selectors.national_heatmap(framework_version=answered.framework_version, k=3)
    assert [m.code for m in national.municipalities] == ["751"]
    generic = next(c for c in national.competences if c.generic)
    n, mean, share = national.cells[(world.aarhus.pk, generic.identifier)]
    assert n == 12 and mean == pytest.approx(3.0)
    # With k above Aarhus's respondents the single municipality is hidden.
    national = selectors.national_heatmap(framework_version=answered.framework_version, k=20)
    assert national.cells[(world.aarhus.pk, generic.identifier)] is None


def test_a_heatmap_with_a_profile_filter_hides_the_small_profile_group(answered, world):
    from digikomp.profiles.models import Profile

    teacher = Profile.objects.get(slug="laerer")
    heatmap = build_heatmap(campaign=answered, unit=world.units["root"], profile_id=teacher.pk, k=5)
    generic = next(c for c in heatmap.competences if c.generic)
    assert heatmap.cell(world.units["root"], generic).suppressed  # 3 teachers < 5
