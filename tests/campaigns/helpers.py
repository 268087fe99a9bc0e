"""A populated Aarhus for the campaign and insight pages: more people in the personas' tree, a unit of its own
for the library, and campaigns whose answers are submitted through the real submission code.

With k = 3 and everyone but Carla answering, the root's children are SOC (9 respondents), BOU (2: hidden) and
KUL (4: hidden too, or BOU could be worked out as the root minus SOC minus KUL), so every page has shown and
hidden cells side by side.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from digikomp.assessments.models import Campaign, Invitation
from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create, response_submit
from digikomp.profiles.jobcodes import job_profile_set
from digikomp.profiles.models import Profile
from digikomp.tenancy.models import OrgUnit, Person
from tests.assessments.helpers import close_campaign, map_jobs


def populate(world) -> None:
    """Eight more assistants in home care, one more teacher at the school, four librarians in KUL."""
    map_jobs(world)
    job_profile_set(municipality=world.aarhus, job_code="2000",
                    profile=Profile.objects.get(slug="bibliotekar", owner__isnull=True))
    aarhus = world.aarhus
    world.units["culture"] = OrgUnit.objects.create(municipality=aarhus, external_id="KUL", name="Kultur",
                                                    parent=world.units["root"])
    for i in range(8):
        Person.objects.create(municipality=aarhus, external_id=f"H{i}", name=f"Hjælper {i}", job_code="7120",
                              email=f"h{i}@aarhus.example", primary_unit=world.units["home_care"])
    Person.objects.create(municipality=aarhus, external_id="L0", name="Lærer Null", job_code="1410",
                          email="l0@aarhus.example", primary_unit=world.units["school"])
    for i in range(4):
        Person.objects.create(municipality=aarhus, external_id=f"B{i}", name=f"Bibliotekar {i}", job_code="2000",
                              primary_unit=world.units["culture"])  # no e-mail: they get their link by hand


def level_for(invitation: Invitation, identifier: str, wave: int = 1) -> int:
    """A spread of levels that differs by person, competence and wave (1..4)."""
    seed = sum(map(ord, invitation.person.external_id)) + sum(map(ord, identifier[:4])) + wave
    return 1 + seed % 4


def answer_all(campaign: Campaign, *, skip=("P3",), wave: int = 1) -> int:
    """Everyone invited answers, except the people in `skip` (Carla by default); returns how many answered."""
    answered = 0
    for invitation in Invitation.objects.filter(campaign=campaign).select_related("person", "campaign"):
        if invitation.person.external_id in skip:
            continue
        body = {"answers": {i: level_for(invitation, i, wave) for i in invitation.requirements}}
        response_submit(invitation=invitation, body=body)
        answered += 1
    return answered


def answered_campaign(world, *, series: str = "Kortlægning", name: str = "Kortlægning 2026", wave: int = 1,
                      closed: bool = True, skip=("P3",), **overrides) -> Campaign:
    """A campaign everyone but Carla answered; closed afterwards (its figures released) unless `closed` is
    False."""
    now = timezone.now()
    spec = CampaignSpec(name=name, series=series, opens_at=now - timedelta(days=1),
                        closes_at=now + timedelta(days=14), anonymity_k=overrides.pop("anonymity_k", 3), **overrides)
    campaign = campaign_create(municipality=world.aarhus, spec=spec)
    invitations_create(campaign=campaign)
    answer_all(campaign, skip=skip, wave=wave)
    return close_campaign(campaign) if closed else campaign
