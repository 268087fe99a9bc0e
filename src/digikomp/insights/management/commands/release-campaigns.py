"""`digikomp release-campaigns`: release the figures of every closed campaign that has no current release.

A campaign's figures are computed once after it closes (insights/release.py). Run this from cron every few
minutes so that the first manager to open a freshly closed campaign does not wait for it; a page that finds no
release makes it itself, so nothing breaks when the command has not run.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from digikomp.assessments.models import Campaign
from digikomp.insights.release import current_release


class Command(BaseCommand):
    help = "Release the figures of every closed campaign that has no release for its current threshold."

    def handle(self, *args, **options):
        released = 0
        every = Campaign.objects.unscoped("the command releases every municipality's closed campaigns")
        for campaign in every.filter(closes_at__lte=timezone.now()).select_related("municipality"):
            existing = getattr(campaign, "figure_release", None)
            started = time.perf_counter()
            release = current_release(campaign)
            if release is not None and (existing is None or existing.pk != release.pk):
                released += 1
                self.stdout.write(f"{campaign.municipality.code} {campaign.name}: {release.responses} responses "
                                  f"released with k = {release.k} in {time.perf_counter() - started:.1f} s")
        self.stdout.write(f"{released} campaign(s) released.")
