"""`digikomp create-user`: create a login with a role, or give an existing login another role.

    digikomp create-user --email leder@aarhus.dk --password ... --role manager --municipality 751 --units SOC

The file name has a hyphen so operators type the same spelling as every other `digikomp` command; Django finds
commands by file name, and importlib imports such a module fine even though `import` syntax cannot.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from digikomp.accounts.services import user_create
from digikomp.lib.errors import ServiceError
from digikomp.tenancy.roles import Role

# Service argument -> the option an operator typed, so an error names what to fix on the command line.
OPTIONS = {
    "email": "--email",
    "password": "--password",
    "role": "--role",
    "municipality": "--municipality",
    "units": "--units",
    "person": "--person",
    "full_name": "--name",
}


def validation_message(exc: ServiceError) -> str:
    return "\n".join(
        message if field == ServiceError.WHOLE else f"{OPTIONS.get(field, field)}: {message}"
        for field, messages in exc.errors.items()
        for message in messages
    )


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a property: argparse needs a real string, in the language active at run time
        return _("Create a user with a role, or add the role to the existing user with that e-mail address.")

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help=_("Login e-mail address."))
        parser.add_argument(
            "--password", help=_("Password for a new user (an existing user's password is left unchanged).")
        )
        parser.add_argument("--role", required=True, choices=Role.values, help=_("The role to give."))
        parser.add_argument(
            "--municipality", help=_("Municipality number (e.g. 751); required for municipal roles.")
        )
        parser.add_argument(
            "--units", default="",
            help=_("Managers only: comma-separated external ids of the units they lead."),
        )
        parser.add_argument("--name", default="", help=_("Full name."))
        parser.add_argument(
            "--person", help=_("External id of the user's employee record in the municipality.")
        )

    def handle(self, *args, **options):
        try:
            result = user_create(
                email=options["email"],
                password=options["password"],
                role=options["role"],
                municipality_code=options["municipality"],
                unit_ids=options["units"].split(","),
                name=options["name"],
                person_external_id=options["person"],
            )
        except ServiceError as exc:
            raise CommandError(validation_message(exc)) from None
        user, role = result.user, Role(options["role"]).label
        if result.user_created:
            self.stdout.write(
                _("Created %(email)s with the role %(role)s.") % {"email": user.email, "role": role}
            )
        elif result.role_added:
            self.stdout.write(_("%(email)s already existed; added the role %(role)s.")
                              % {"email": user.email, "role": role})
        else:
            self.stdout.write(
                _("%(email)s already has the role %(role)s.") % {"email": user.email, "role": role}
            )
        if result.units_added:
            self.stdout.write(_("Units: %(units)s") % {"units": ", ".join(result.units_added)})
