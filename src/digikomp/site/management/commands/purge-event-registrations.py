"""`digikomp purge-event-registrations`: delete the sign-ups of events that ended more than 30 days ago (the
consent text promises it). Run it daily (cron or a systemd timer); `make run` runs it with the scheduled
publishing."""

from django.core.management.base import BaseCommand

from digikomp.site.models.registrations import REGISTRATION_RETENTION_DAYS
from digikomp.site.registrations import purge_past_registrations


class Command(BaseCommand):
    help = f"Delete event sign-ups {REGISTRATION_RETENTION_DAYS} days after their event."

    def handle(self, *args, **options):
        deleted = purge_past_registrations()
        if deleted:
            self.stdout.write(f"Deleted {deleted} sign-ups of past events.")
