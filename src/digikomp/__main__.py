"""The `digikomp` console command: Django's management commands under the product's own name.

Operators type `digikomp migrate` or `digikomp import-org ...`; the settings module is implied so no one has
to remember DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikomp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
