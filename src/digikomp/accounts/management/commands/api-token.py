"""`digikomp api-token EMAIL [--rotate]`: print the user's API token, creating it if missing.

Only the key goes to stdout, so scripts can capture it: `TOKEN=$(digikomp api-token integration@aarhus.dk)`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from digikomp.accounts.models import User
from digikomp.accounts.services import api_token_for
from digikomp.lib.errors import ServiceError


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a property: argparse needs a real string, in the language active at run time
        return _("Print the API token of a user (created if missing); --rotate replaces it.")

    def add_arguments(self, parser):
        parser.add_argument("email", help=_("The user's login e-mail address."))
        parser.add_argument(
            "--rotate", action="store_true", help=_("Replace the token; the old one stops working.")
        )

    def handle(self, *args, **options):
        email = User.objects.normalize_email(options["email"].strip()).lower()
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(_("There is no user with the e-mail address %(email)s.") % {"email": email})
        try:
            key = api_token_for(user=user, rotate=options["rotate"])
        except ServiceError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        self.stdout.write(key)
