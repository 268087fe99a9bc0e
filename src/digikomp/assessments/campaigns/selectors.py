"""Reads of campaigns for the pages, always starting from the requester's municipality.

The insight pages fetch their campaign here too, so "another municipality's campaign is a 404" holds in one
place for every page that names a campaign in its URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digikomp.assessments.models import Campaign, CampaignSeries
from digikomp.profiles.models import NormRelease, Profile
from digikomp.profiles.selectors import revision_in
from digikomp.tenancy.access import Access


def campaigns_for(access: Access) -> QuerySet[Campaign]:
    if access.municipality is None:
        return Campaign.objects.none()
    return Campaign.objects.of_municipality(access.municipality).select_related("series")


def get_campaign(access: Access, pk: int) -> Campaign:
    campaign = campaigns_for(access).select_related("municipality", "framework_version__framework",
                                                    "release").filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def series_for(access: Access) -> QuerySet[CampaignSeries]:
    if access.municipality is None:
        return CampaignSeries.objects.none()
    return CampaignSeries.objects.of_municipality(access.municipality).order_by("name")


def waves_of(campaign: Campaign) -> list[Campaign]:
    """Every campaign of the campaign's series (the waves to compare), oldest first."""
    return list(Campaign.objects.of_municipality(campaign.municipality_id).filter(series=campaign.series_id)
                .order_by("wave"))


def profile_name(profile: Profile, release: NormRelease | None) -> str:
    revision = revision_in(profile, release)
    return revision.name if revision else profile.slug


def campaign_profiles(campaign: Campaign) -> list[tuple[Profile, str]]:
    """The profiles the campaign invited people with, named as in the campaign's release."""
    ids = campaign.invitations.values("profile_id").distinct()
    profiles = [(p, profile_name(p, campaign.release)) for p in
                (Profile.objects.of_municipality(campaign.municipality_id) | Profile.objects.shared()).filter(pk__in=ids)]
    return sorted(profiles, key=lambda pair: pair[1].lower())


@dataclass(frozen=True)
class Status:
    code: str
    label: str


STATUSES = {
    "upcoming": _("Not open yet"),
    "open": _("Open"),
    "closed": _("Closed"),
}


def status_of(campaign: Campaign, now=None) -> Status:
    now = now or timezone.now()
    code = "upcoming" if now < campaign.opens_at else "closed" if campaign.is_closed(now) else "open"
    return Status(code, str(STATUSES[code]))


def last_day(campaign: Campaign):
    """The last day people can answer (a campaign closes at the start of the day after it): Campaign.last_day."""
    return campaign.last_day
