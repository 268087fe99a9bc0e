"""When a campaign may open and close (assessments/campaign_dates.py): between 1 January 2000 and two years
from now, closing after opening. Years like 361 and 3804 were stored, came back in no RFC 3339 form and let a
campaign far ahead stand as its municipality's latest; a day like 31.12.9999 crashed the form."""

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from digikomp.assessments.campaign_dates import date_errors, day_error
from digikomp.assessments.models import Campaign
from digikomp.assessments.services import CampaignSpec, SurveyError, campaign_create
from tests.assessments.helpers import map_jobs

NOW = timezone.make_aware(datetime(2026, 5, 1, 12, 0))


def at(year, month=1, day=1) -> datetime:
    return timezone.make_aware(datetime(year, month, day))


@pytest.mark.parametrize("opens, closes, fields", [
    (at(2026, 5, 1), at(2026, 6, 1), set()),
    (at(2000, 1, 1), at(2000, 2, 1), set()),  # long ago is fine: a campaign entered afterwards
    (at(2028, 4, 1), at(2028, 4, 30), set()),  # just inside two years
    (at(361, 1, 1), at(2026, 6, 1), {"opens_at"}),
    (at(1999, 12, 31), at(2026, 6, 1), {"opens_at"}),
    (at(2026, 5, 1), at(3804, 1, 1), {"closes_at"}),
    (at(2028, 6, 1), at(2028, 7, 1), {"opens_at", "closes_at"}),  # more than two years ahead
    (at(2026, 6, 1), at(2026, 5, 1), {"closes_at"}),  # closes before it opens
    (at(2026, 6, 1), at(2026, 6, 1), {"closes_at"}),
])
def test_the_rule(opens, closes, fields, settings):
    assert set(date_errors(opens, closes, now=NOW)) == fields


def test_the_message_names_the_range(settings):
    with timezone.override("Europe/Copenhagen"):
        message = date_errors(at(361), at(2026, 6, 1), now=NOW)["opens_at"]
    assert "2000" in message and "2028" in message


def test_a_day_outside_the_range_has_the_same_message_for_forms(settings):
    assert day_error(at(2026, 6, 1).date(), now=NOW) is None
    assert day_error(datetime(9999, 12, 31).date(), now=NOW) == date_errors(at(361), at(2026, 6, 1),
                                                                              now=NOW)["opens_at"]


def test_campaign_create_refuses_a_year_361_and_stores_nothing(shipped_norm, world):
    with pytest.raises(SurveyError) as refused:
        campaign_create(municipality=world.aarhus, spec=CampaignSpec(
            name="Tastefejl", opens_at=at(361), closes_at=timezone.now() + timedelta(days=14)))
    assert set(refused.value.errors) == {"opens_at"}
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("field, value", [("opens_at", "0361-01-01T00:00:00Z"), ("closes_at", "3804-01-01T00:00:00Z"),
                                          ("opens_at", "2999-01-01T00:00:00+01:00")])
def test_the_api_refuses_dates_out_of_range_naming_the_field(api_for, shipped_norm, world, field, value):
    now = timezone.now()
    body = {"name": "Kortlægning", "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat(), field: value}
    response = api_for("hr").post("/api/v1/municipalities/751/campaigns", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"] and "2000" in response.json()["errors"][field]
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("field, day", [("opens", "0361-01-01"), ("closes", "9999-12-31"), ("opens", "2999-06-01")])
def test_the_campaign_form_refuses_dates_out_of_range_beside_the_field(shipped_norm, world, settings, field, day):
    settings.DIGIKOMP_ANONYMITY_K = 3
    map_jobs(world)
    client = Client(raise_request_exception=False)
    client.force_login(world.user("municipal_admin"))
    today = timezone.localdate()
    data = {"name": "Digitale kompetencer", "series": "", "new_series": "", "anonymity_k": "3",
            "opens": today.isoformat(), "closes": (today + timedelta(days=20)).isoformat(), "reminder_days": "",
            field: day}
    response = client.post("/app/kortlaegning/ny/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html and "Vælg en dato fra" in html
    assert not Campaign.objects.exists()
