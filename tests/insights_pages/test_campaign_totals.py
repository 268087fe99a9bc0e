"""insights.selectors.campaign_totals: the invited and responded of a whole campaign (the campaign list's
columns): the sum of the roots' released rows, so a root below k is left out and cannot be subtracted."""

import pytest

from digikomp.assessments.models import Campaign
from digikomp.insights import selectors
from digikomp.tenancy.models import OrgUnit, Person
from tests.campaigns.helpers import answered_campaign, populate


@pytest.fixture
def populated(shipped_norm, world):
    populate(world)
    return world


def test_the_totals_are_the_root_s_response_rate(populated):
    campaign = answered_campaign(populated)
    root = selectors.response_rates(campaign=campaign, unit=populated.units["root"])[0]
    totals = selectors.campaign_totals(campaign=campaign)
    # 15 of 16 answered; the two at the school (BOU's only people) are a group below k = 3 with nobody to
    # pool with below the root, so they are left out of every released count, the total included.
    assert (totals.invited, totals.responded) == (root.invited, root.responded) == (16, 13)
    assert totals.rate == pytest.approx(13 / 16)


def test_fewer_respondents_than_k_are_hidden(populated):
    campaign = answered_campaign(populated)
    Campaign.objects.filter(pk=campaign.pk).update(anonymity_k=16)
    campaign.refresh_from_db()
    totals = selectors.campaign_totals(campaign=campaign)
    assert totals.invited == 16 and totals.responded is None and totals.rate is None


def test_a_second_root_below_k_is_left_out_of_the_total(populated):
    world = populated
    # A second top unit with two people: shown on its own it is hidden, so the total must not reveal it.
    extra = OrgUnit.objects.create(municipality=world.aarhus, external_id="X", name="Selvejende institution")
    for i in range(2):
        Person.objects.create(municipality=world.aarhus, external_id=f"X{i}", name=f"X {i}", job_code="7120",
                              primary_unit=extra)
    campaign = answered_campaign(world)
    assert selectors.response_rates(campaign=campaign, unit=extra)[0].suppressed
    totals = selectors.campaign_totals(campaign=campaign)
    aarhus = selectors.response_rates(campaign=campaign, unit=world.units["root"])[0]
    # The total is the shown roots' sum: minus Aarhus it leaves nothing of the hidden root.
    assert totals.invited == 18 and totals.responded == aarhus.responded == 13
