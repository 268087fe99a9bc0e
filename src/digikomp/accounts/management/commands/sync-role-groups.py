"""`digikomp sync-role-groups`: put every user in the groups their roles bring (and out of the others)."""

from django.core.management.base import BaseCommand

from digikomp.accounts.groups import sync_role_groups
from digikomp.accounts.models import User


class Command(BaseCommand):
    help = "Bring the Django groups that follow from roles (national editors: Redaktører) in step for every user."

    def handle(self, *args, **options):
        users = User.objects.all()
        for user in users:
            sync_role_groups(user)
        self.stdout.write(f"{users.count()} users in step.")
