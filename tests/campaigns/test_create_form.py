"""Creating a campaign: the form's choices come from the requester's municipality, bad input is refused with
the message next to its field, and the audience follows the units and profiles chosen."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from digikomp.assessments.models import Campaign, Invitation
from digikomp.profiles.models import Profile
from tests.campaigns.helpers import answered_campaign, populate
from tests.campaigns.test_flow import form_data
from tests.web.markup import find, text


@pytest.fixture
def populated(shipped_norm, world):
    populate(world)
    return world


def test_the_form_offers_the_municipality_s_units_and_profiles(populated, client_for):
    world = populated
    page = client_for("municipal_admin").get(reverse("campaigns:create"))
    assert page.status_code == 200
    unit_values = {a["value"] for a in find(page, "input", name="units")}
    assert unit_values == {str(world.units[k].pk) for k in ("root", "social", "home_care", "children", "school",
                                                             "culture")}
    assert str(world.units["kbh_library"].pk) not in unit_values
    # The tree is nested lists: home care sits inside the list under Social.
    body = page.content.decode()
    social = body.index(f'value="{world.units["social"].pk}"')
    assert body.index(f'value="{world.units["home_care"].pk}"') > social
    assert body[social:].index("<ul") < body[social:].index(f'value="{world.units["home_care"].pk}"')
    # Every input has a label; the threshold starts at the national default.
    for attrs in find(page, "input"):
        if attrs.get("type") not in ("hidden", None) and attrs.get("name") != "csrfmiddlewaretoken":
            assert f'for="{attrs["id"]}"' in body, attrs
    # The municipality's threshold: here the national floor, which these tests set to 3.
    assert find(page, "input", name="anonymity_k")[0]["value"] == "3"
    assert len(find(page, "input", name="profiles")) >= 20


def test_a_threshold_below_three_is_refused_next_to_its_field(populated, client_for):
    page = client_for("municipal_admin").post(reverse("campaigns:create"), form_data(anonymity_k="2"))
    assert page.status_code == 200 and not Campaign.objects.exists()
    field = find(page, "input", name="anonymity_k")[0]
    assert "id_anonymity_k_error" in field["aria-describedby"] and field["aria-invalid"] == "true"
    assert 'href="#id_anonymity_k"' in page.content.decode()
    assert "The campaign was not created" in text(page)


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"closes": (timezone.localdate() - timedelta(days=5)).isoformat()}, "closes", "close on or after"),
    ({"q1_text_da": "", "q1_text_en": "Only English"}, "q1_text_da", "Danish text"),
    ({"reminder_days": "seven"}, "reminder_days", "whole numbers"),
    ({"name": ""}, "name", "required"),
    ({"opens": "31.02.2026"}, "opens", "valid date"),
])
def test_bad_input_names_the_field_and_stores_nothing(populated, client_for, overrides, field, message):
    page = client_for("hr").post(reverse("campaigns:create"), form_data(**overrides))
    assert page.status_code == 200 and not Campaign.objects.exists()
    error = re.search(rf'id="id_{field}_error">(.*?)</p>', page.content.decode(), re.S)
    assert error and message in error.group(1)
    assert f'href="#id_{field}"' in page.content.decode()


def test_a_unit_of_another_municipality_cannot_be_chosen(populated, client_for):
    world = populated
    page = client_for("municipal_admin").post(reverse("campaigns:create"),
                                              form_data(units=[str(world.units["kbh_library"].pk)]))
    assert page.status_code == 200 and not Campaign.objects.exists()
    assert 'id="id_units_error"' in page.content.decode() and 'href="#field-units"' in page.content.decode()


def test_the_audience_follows_the_chosen_units_and_profiles(populated, client_for):
    world = populated
    assistant = Profile.objects.get(slug="social-og-sundhedsassistent", owner__isnull=True)
    admin = client_for("municipal_admin")
    admin.post(reverse("campaigns:create"), form_data(units=[str(world.units["social"].pk)],
                                                      profiles=[str(assistant.pk)]))
    campaign = Campaign.objects.get()
    assert list(campaign.audience_units.all()) == [world.units["social"]]
    page = admin.get(reverse("campaigns:detail", args=[campaign.pk]))
    assert "People in the audience 9" in text(page)  # Anna and eight assistants; not Carla (a leader)
    admin.post(reverse("campaigns:invite", args=[campaign.pk]))
    assert set(Invitation.objects.filter(campaign=campaign).values_list("profile", flat=True)) == {assistant.pk}


def test_an_earlier_series_makes_the_next_wave(populated, client_for):
    first = answered_campaign(populated, series="Digitale kompetencer")
    client_for("municipal_admin").post(reverse("campaigns:create"),
                                       form_data(series="Digitale kompetencer", new_series="", name="Runde 2"))
    second = Campaign.objects.get(name="Runde 2")
    assert second.series == first.series and second.wave == 2


def test_a_closed_campaign_invites_and_sends_nothing(populated, client_for):
    admin = client_for("municipal_admin")
    admin.post(reverse("campaigns:create"), form_data())
    campaign = Campaign.objects.get()
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page = admin.post(reverse("campaigns:invite", args=[campaign.pk]), follow=True)
    assert "The campaign has closed." in text(page) and not Invitation.objects.exists()
    page = admin.post(reverse("campaigns:send", args=[campaign.pk]), follow=True)
    assert "no e-mails were sent" in text(page)
    assert not find(page, "button", type="submit", class_="button")  # the buttons are gone


@pytest.mark.parametrize("name", ["campaigns:detail", "campaigns:links"])
def test_another_municipality_s_campaign_is_not_found(populated, client_for, name):
    campaign = answered_campaign(populated)
    assert client_for("other_admin").get(reverse(name, args=[campaign.pk])).status_code == 404
    assert client_for("manager").get(reverse(name, args=[campaign.pk])).status_code == 403
    assert client_for("employee").get(reverse(name, args=[campaign.pk])).status_code == 403
    assert client_for("anonymous").get(reverse(name, args=[campaign.pk])).status_code == 302


@pytest.mark.parametrize("name", ["campaigns:invite", "campaigns:send"])
def test_another_municipality_cannot_invite_or_send(populated, client_for, name):
    campaign = answered_campaign(populated)
    before = Invitation.objects.count()
    assert client_for("other_admin").post(reverse(name, args=[campaign.pk])).status_code == 404
    assert client_for("manager").post(reverse(name, args=[campaign.pk])).status_code == 403
    assert Invitation.objects.count() == before and Invitation.objects.filter(sent_at__isnull=False).count() == 0
