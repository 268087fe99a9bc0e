"""Licences and credits shown with the published models, so reuse under CC BY 4.0 is always attributed."""

from __future__ import annotations

from dataclasses import dataclass

from digikomp.frameworks.case import DIGCOMP_SLUG

# SPDX identifiers the shipped and imported models use, with their human name and deed.
LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}
DIGCOMP_LICENCE = LICENCES["CC-BY-4.0"]
DIGCOMP_PUBLICATION_URL = "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415"


@dataclass(frozen=True)
class Licence:
    name: str
    url: str | None


def licence(value: str) -> Licence | None:
    """A version's licence field (an SPDX id or a URL) as something to link to."""
    value = (value or "").strip()
    if not value:
        return None
    if value in LICENCES:
        return Licence(*LICENCES[value])
    if value.startswith(("https://", "http://")):
        return Licence(value, value)
    return Licence(value, None)


__all__ = ["DIGCOMP_LICENCE", "DIGCOMP_PUBLICATION_URL", "DIGCOMP_SLUG", "Licence", "licence"]
