"""Handing out links yourself: a page that says what exporting means, then a CSV of answer-only links (with unit
and e-mail), logged and marked on each invitation. The links DigiKomp e-mails are never in it."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from digikomp.assessments.links import exported_link, resolve
from digikomp.assessments.mail import personal_link
from digikomp.assessments.models import Campaign, Invitation
from digikomp.assessments.services import invitations_create
from digikomp.audit.models import AuditEntry
from tests.assessments.helpers import open_campaign
from tests.campaigns.helpers import populate
from tests.web.markup import find, text


@pytest.fixture
def campaign(shipped_norm, world):
    populate(world)  # 16 invited; Carla and the four librarians have no e-mail address
    campaign = open_campaign(world, anonymity_k=5)
    invitations_create(campaign=campaign)
    return campaign


def url(campaign) -> str:
    return reverse("campaigns:links", args=[campaign.pk])


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"] and response["Cache-Control"] == "no-store"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_page_says_what_exporting_means_and_exports_nothing(campaign, client_for):
    page = client_for("hr").get(url(campaign))
    assert page.status_code == 200
    body = text(page)
    assert "Whoever holds an exported link can answer the survey in that person's name" in body
    assert "does not show the person's answers or result" in body
    assert "recorded in the audit log with your name, the time and the number of links" in body
    assert "Only people without an e-mail address (5 links)" in body and "Everyone invited (16 links)" in body
    checked = [a for a in find(page, "input", type="radio", name="scope") if "checked" in a]
    assert [a["value"] for a in checked] == ["without_email"]  # the narrowest choice is the default
    assert "/svar/" not in page.content.decode()
    assert not Invitation.objects.filter(links_exported_at__isnull=False).exists()
    assert not AuditEntry.objects.filter(action="campaign.links_export").exists()


def test_the_campaign_page_leads_to_it(campaign, client_for):
    page = client_for("municipal_admin").get(reverse("campaigns:detail", args=[campaign.pk]))
    assert find(page, "a", href=url(campaign)) and "/svar/" not in page.content.decode()


def test_exporting_gives_answer_only_links_logs_and_marks_them(campaign, client_for, world):
    response = client_for("hr").post(url(campaign), {"scope": "without_email"})
    rows = rows_of(response)
    assert rows[0] == ["External id", "Name", "Unit", "E-mail", "Link (answers only)"]
    by_id = {row[0]: row for row in rows[1:]}
    assert sorted(by_id) == ["B0", "B1", "B2", "B3", "P3"]
    carla = Invitation.objects.get(campaign=campaign, person=world.people["carla"])
    assert by_id["P3"][1:4] == ["Carla Jensen", "Sociale Forhold og Beskæftigelse", ""]
    assert by_id["P3"][4] == exported_link(carla) != personal_link(carla)
    token = by_id["P3"][4].rstrip("/").rsplit("/", 1)[1]
    assert resolve(token) == (carla, True)  # an exported link: answers only
    exported = Invitation.objects.filter(links_exported_at__isnull=False)
    assert set(exported.values_list("person__external_id", flat=True)) == set(by_id)
    entry = AuditEntry.objects.get(action="campaign.links_export")
    assert entry.actor == world.user("hr") and entry.object_id == str(campaign.pk)
    assert entry.data == {"scope": "without_email", "links": 5, "new": 5}
    assert entry.municipality == world.aarhus


def test_everyone_on_request_and_the_same_links_again(campaign, client_for, world):
    admin = client_for("municipal_admin")
    first = {row[0]: row[4] for row in rows_of(admin.post(url(campaign), {"scope": "without_email"}))[1:]}
    everyone = rows_of(admin.post(url(campaign), {"scope": "all"}))[1:]
    assert len(everyone) == 16
    links = {row[0]: row[4] for row in everyone}
    assert {key: links[key] for key in first} == first  # already handed out: the same links
    anna = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    assert links["P1"] == exported_link(anna) and personal_link(anna) not in str(everyone)
    assert [row[3] for row in everyone if row[0] == "P1"] == ["anna@aarhus.example"]
    entries = AuditEntry.objects.filter(action="campaign.links_export").order_by("pk")
    assert [e.data for e in entries] == [{"scope": "without_email", "links": 5, "new": 5},
                                         {"scope": "all", "links": 16, "new": 11}]
    # The e-mailed link still works in full; it is a different key.
    assert resolve(personal_link(anna).rstrip("/").rsplit("/", 1)[1]) == (anna, False)


def test_a_name_that_looks_like_a_formula_is_written_as_text(campaign, client_for, world):
    carla = world.people["carla"]
    carla.name = "=HYPERLINK(\"http://evil\")"
    carla.save()
    body = client_for("hr").post(url(campaign), {"scope": "all"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body and ";=HYPERLINK" not in body


@pytest.mark.parametrize("data", [{}, {"scope": "everyone"}])
def test_a_missing_or_unknown_choice_is_refused_next_to_its_field(campaign, client_for, data):
    page = client_for("hr").post(url(campaign), data)
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")
    assert "There is a problem" in text(page)
    assert find(page, "a", href="#id_scope_0")
    assert not Invitation.objects.filter(links_exported_at__isnull=False).exists()
    assert not AuditEntry.objects.filter(action="campaign.links_export").exists()


def test_a_closed_campaign_exports_nothing(campaign, client_for):
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page = client_for("hr").get(url(campaign))
    assert "there is nothing to export" in text(page) and not find(page, "input", name="scope")
    refused = client_for("hr").post(url(campaign), {"scope": "all"})
    assert refused.status_code == 400 and "its links answer nothing any more" in text(refused)
    assert not Invitation.objects.filter(links_exported_at__isnull=False).exists()


@pytest.mark.parametrize("persona, status", [("other_admin", 404), ("manager", 403), ("employee", 403),
                                             ("anonymous", 302)])
def test_only_the_municipality_s_admins_and_hr_export(campaign, client_for, persona, status):
    response = client_for(persona).post(url(campaign), {"scope": "all"})
    assert response.status_code == status and "/svar/" not in response.content.decode()
    assert not Invitation.objects.filter(links_exported_at__isnull=False).exists()
