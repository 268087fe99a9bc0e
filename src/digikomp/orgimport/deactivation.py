"""The safeguard against a mass deactivation: an import that would deactivate more than a set share of the people
or units needs a second, explicit confirmation that names the numbers.

One file missing most of the organisation (a partial export, the wrong file) deactivates everyone it leaves out.
Above DIGIKOMP_MASS_DEACTIVATION_PERCENT (20 by default) of the people or of the units that are active now,
org_import_apply refuses unless the caller confirms exactly these numbers: the web page with a checkbox that
names them, the command line with --allow-mass-deactivation. An applied import can be undone for a week
(undo.py) if the confirmation was wrong after all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.lib.errors import ServiceError


def threshold() -> int:
    """The share (in per cent) of the active people or units an import may deactivate without a second
    confirmation."""
    return settings.DIGIKOMP_MASS_DEACTIVATION_PERCENT


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


@dataclass(frozen=True)
class Deactivation:
    """How many of the people and units that are active now an import deactivates."""

    people: int
    people_active: int
    units: int
    units_active: int

    def exceeds(self, percent: int | None = None) -> bool:
        """More than `percent` (the setting by default) of the active people, or of the active units."""
        percent = threshold() if percent is None else percent
        return self.people * 100 > percent * self.people_active or self.units * 100 > percent * self.units_active

    @property
    def token(self) -> str:
        """The numbers as a confirmation carries them, so that a confirmation of other numbers confirms
        nothing."""
        return f"{self.people}-{self.people_active}-{self.units}-{self.units_active}"

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> Deactivation | None:
        return None if not data else cls(**data)

    def describe(self) -> str:
        """'2.937 af 2.937 personer og 150 af 150 enheder', in the active language; a number that is 0 is left
        out."""
        people = ngettext("%(count)s of %(total)s person", "%(count)s of %(total)s people",
                          self.people_active) % {"count": _number(self.people),
                                                 "total": _number(self.people_active)}
        units = ngettext("%(count)s of %(total)s unit", "%(count)s of %(total)s units",
                         self.units_active) % {"count": _number(self.units), "total": _number(self.units_active)}
        if self.people and self.units:
            return _("%(people)s and %(units)s") % {"people": people, "units": units}
        return units if self.units else people


class MassDeactivationError(ServiceError):
    """An import that would deactivate more than the threshold, without a confirmation of its numbers."""

    def __init__(self, deactivation: Deactivation):
        self.deactivation = deactivation
        super().__init__(
            _("The import deactivates %(what)s: more than %(percent)s%% of the active people or units. It needs "
              "a confirmation that names these numbers.") % {"what": deactivation.describe(),
                                                             "percent": threshold()})
