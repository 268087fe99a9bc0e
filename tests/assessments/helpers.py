"""A running campaign over the personas' world with the shipped norm."""

from datetime import timedelta

from django.utils import timezone

from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create
from digikomp.profiles.jobcodes import job_profile_set
from digikomp.profiles.models import Profile


def map_jobs(world):
    for code, slug in [("7120", "social-og-sundhedsassistent"), ("1410", "laerer"), ("9000", "linjeleder")]:
        job_profile_set(municipality=world.aarhus, job_code=code, profile=Profile.objects.get(slug=slug,
                                                                                              owner__isnull=True))


def open_campaign(world, **overrides):
    now = timezone.now()
    spec = CampaignSpec(name=overrides.pop("name", "Kortlægning 2026"), opens_at=now - timedelta(days=1),
                        closes_at=now + timedelta(days=14), **overrides)
    return campaign_create(municipality=world.aarhus, spec=spec)


def full_answers(invitation, level=2):
    return {"answers": {identifier: level for identifier in invitation.requirements}}


def close_campaign(campaign):
    """Close a campaign now (as if its last day had passed): its figures are released only then."""
    campaign.closes_at = timezone.now() - timedelta(seconds=1)
    campaign.save(update_fields=["closes_at"])
    return campaign


def invited_campaign(world, **overrides):
    """An open campaign over the shipped norm with the job codes mapped and everyone in its audience invited."""
    map_jobs(world)
    campaign = open_campaign(world, **overrides)
    invitations_create(campaign=campaign)
    return campaign
