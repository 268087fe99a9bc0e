"""The demo that `make run` serves: seed-demo builds it through the real import, and every login works."""

import pytest
from django.core.management import call_command

from digikomp.accounts.models import User
from digikomp.assessments.models import Campaign, Response
from digikomp.insights.models import FigureRelease
from digikomp.profiles.models import Adaptation, JobProfile
from digikomp.profiles.selectors import profile_for_person
from digikomp.tenancy.models import OrgUnit, Person

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "demo-DigiKomp-2026"


def test_seed_demo_builds_the_demo_once_and_every_login_works(client, capsys):
    call_command("seed-demo", people=300, units=30, waves=2)
    out = capsys.readouterr().out
    assert OrgUnit.objects.filter(municipality__code="751").count() == 30
    people = Person.objects.filter(municipality__code="751", active=True)
    assert people.count() > 250
    # Every active person with a job code has a profile.
    assert all(profile_for_person(p) is not None for p in people.exclude(job_code="")[:100])
    assert Adaptation.objects.filter(municipality__code="751").exists()
    # One login per role, and on the admin's page "Users and roles" an invited manager and a deactivated user.
    emails = list(User.objects.filter(is_active=True, invited_at__isnull=True).values_list("email", flat=True))
    assert len(emails) == 6
    invited = User.objects.get(email="ny.leder@aarhus.demo")
    assert not invited.has_usable_password() and invited.role_assignments.get().units.exists()
    assert not User.objects.get(email="tidligere.hr@aarhus.demo").is_active
    for email in emails:
        assert email in out
        response = client.post("/konto/login/", {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.post("/konto/logout/")
    manager = User.objects.get(email="leder@aarhus.demo")
    assert manager.person is not None and manager.role_assignments.get().units.exists()
    client.post("/konto/login/", {"username": "admin@aarhus.demo", "password": DEMO_PASSWORD})
    users_page = client.get("/app/brugere/").content.decode()
    assert all(email in users_page for email in ["hr@aarhus.demo", "ny.leder@aarhus.demo", "tidligere.hr@aarhus.demo"])
    assert "Inviteret" in users_page and "Deaktiveret" in users_page
    client.post("/konto/logout/")

    # Two closed waves with released figures, so every insight page has data at once, and a third still open.
    upcoming = Campaign.objects.get(series__name="Forårskortlægning")
    assert list(Campaign.objects.exclude(pk=upcoming.pk).order_by("wave").values_list("wave", flat=True)) == [1, 2, 3]
    # A fourth campaign opens in two weeks, invited and unanswered: it can still be changed and deleted.
    assert not upcoming.is_open() and not upcoming.is_closed() and upcoming.invitations.exists()
    assert upcoming.custom_questions.count() == 2 and not upcoming.responses.exists()
    assert Response.objects.filter(campaign__wave=2).count() > 150
    closed = [c for c in Campaign.objects.exclude(pk=upcoming.pk).order_by("wave") if c.is_closed()]
    assert [c.wave for c in closed] == [1, 2]
    assert all(FigureRelease.objects.filter(campaign=c).exists() for c in closed)
    third = Campaign.objects.get(wave=3)
    assert third.is_open() and not FigureRelease.objects.filter(campaign=third).exists()
    assert Response.objects.filter(campaign=third).exists()
    mappings = JobProfile.objects.count()
    call_command("seed-demo", people=300, units=30, waves=2)  # a second run keeps what is there
    assert OrgUnit.objects.filter(municipality__code="751").count() == 30
    assert User.objects.count() == 8 and JobProfile.objects.count() == mappings
    assert Campaign.objects.count() == 4


def test_no_unit_with_50_respondents_has_a_hidden_cell_in_the_generated_demo(capsys):
    """The over-suppression the probe found (Område Nord's own total hidden to protect two people placed
    directly above it), measured on a generated organisation: among the cells of units where at least 50
    people gave a level, the share hidden is reported and must be 0."""
    from django.db.models import Sum

    from digikomp.assessments.models import UnitTally
    from digikomp.insights.heatmap import build_heatmap

    call_command("seed-demo", people=1200, units=40, waves=2)
    campaign = Campaign.objects.get(wave=2)
    truth = {(row["unit_id"], row["competence_identifier"]): sum(row[f"l{i}"] for i in range(1, 9))
             for row in UnitTally.objects.filter(campaign=campaign).values("unit_id", "competence_identifier")
             .annotate(**{f"l{i}": Sum(f"level_{i}") for i in range(1, 9)})}
    big = hidden = 0
    for unit in OrgUnit.objects.filter(municipality__code="751"):
        heatmap = build_heatmap(campaign=campaign, unit=unit)
        for competence in heatmap.competences:
            if truth.get((unit.pk, competence.identifier), 0) >= 50:
                big += 1
                hidden += heatmap.cell(unit, competence).suppressed
    print(f"hidden cells among units with >= 50 respondents: {hidden} of {big}")
    assert big > 100 and hidden == 0
