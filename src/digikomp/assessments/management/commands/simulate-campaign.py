"""`digikomp simulate-campaign --municipality CODE --respond 0.7 [--wave N]`: a campaign filled with
plausible answers through the same submission code as real respondents, for demos and load.

Answers are drawn around each competence's required level, with a personal tendency that stays the same from
wave to wave (so panel analysis has something to find) and a small improvement per wave. Earlier waves are
dated back a year per wave and closed after filling; `--closed` closes the latest one too (a campaign's figures
are shown only once it has closed).
"""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from digikomp.assessments.models import Campaign, CampaignSeries
from digikomp.assessments.services import (
    CampaignSpec,
    SurveyError,
    campaign_create,
    invitations_create,
    response_submit,
)
from digikomp.tenancy.models import Municipality

SERIES = "Digitale kompetencer"


def _tendency(person_id: int) -> float:
    digest = hashlib.sha256(f"tendency:{person_id}".encode()).digest()
    return (digest[0] / 255 - 0.5) * 1.6  # -0.8 .. +0.8 levels


class Command(BaseCommand):
    help = "Create a campaign and fill it with plausible answers through the real submission code."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, metavar="CODE")
        parser.add_argument("--respond", type=float, default=0.7, help="Share of invited people who answer.")
        parser.add_argument("--wave", type=int, default=None, help="Wave number in the series (default: next).")
        parser.add_argument("--waves-total", type=int, default=None,
                            help="How many waves the series will have; earlier waves are dated further back.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--closed", action="store_true",
                            help="Close the campaign after filling it, so its figures are released.")

    def handle(self, *args, municipality: str, respond: float, wave: int | None, waves_total: int | None,
               seed: int, closed: bool = False, **options):
        place = Municipality.objects.filter(code=municipality).first()
        if place is None:
            raise CommandError(f"Unknown municipality {municipality}")
        if not 0 <= respond <= 1:
            raise CommandError("--respond must be between 0 and 1")
        series = CampaignSeries.objects.of_municipality(place).filter(name=SERIES).first()
        next_wave = (series.campaigns.order_by("-wave").values_list("wave", flat=True).first() or 0) + 1 \
            if series else 1
        wave = wave or next_wave
        if wave != next_wave:
            raise CommandError(f"The next wave of the series is {next_wave}")
        years_back = max((waves_total or wave) - wave, 0)
        now = timezone.now()
        opens = now - timedelta(days=365 * years_back + 14)
        campaign = campaign_create(municipality=place, spec=CampaignSpec(
            name=f"Kortlægning af digitale kompetencer, runde {wave}", series=SERIES, opens_at=opens,
            closes_at=now + timedelta(days=21), reminder_days=[7, 14]))
        invitations = invitations_create(campaign=campaign)
        rng = random.Random(seed * 1000 + wave)
        answered = 0
        for invitation in campaign.invitations.select_related("campaign", "unit"):
            if rng.random() >= respond:
                continue
            tendency = _tendency(invitation.person_id) + 0.25 * (wave - 1)
            answers = {}
            for identifier, (required, _importance) in invitation.requirements.items():
                if rng.random() < 0.04:
                    answers[identifier] = None  # "ved ikke"
                    continue
                level = round(required + tendency + rng.gauss(0, 0.8))
                answers[identifier] = min(max(level, 1), 4)
            try:
                response_submit(invitation=invitation, body={"answers": answers,
                                                             "share_with_manager": rng.random() < 0.3})
            except SurveyError as exc:
                raise CommandError(str(exc)) from exc
            answered += 1
        if years_back:
            Campaign.objects.of_municipality(campaign.municipality_id).filter(pk=campaign.pk).update(closes_at=opens + timedelta(days=35))
        elif closed:  # answered over the last two weeks, closed yesterday
            Campaign.objects.of_municipality(campaign.municipality_id).filter(pk=campaign.pk).update(closes_at=now - timedelta(days=1))
        self.stdout.write(f"{campaign.name}: {len(invitations)} invited, {answered} answered")
