"""Deviations, norm changes and conflicts said in words, in the active language.

Tables colour-code deviations, but colour never carries the meaning alone (WCAG 1.4.1): every row also says
"Raised from level 2 (Practised) to level 3 (Proficient)".
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from digikomp.profiles.models import Importance
from digikomp.profiles.resolution import ConflictKind, Deviation, Effective, NormChange, NormChangeKind


def level(value: int | None, names: dict[int, str]) -> str:
    if value is None:
        return ""
    name = names.get(value)
    if not name:
        return _("level %(value)s") % {"value": value}
    return _("level %(value)s (%(name)s)") % {"value": value, "name": name}


def importance(value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(Importance(value).label)
    except ValueError:
        return value


def deviation(item: Effective, names: dict[int, str]) -> str:
    norm, local = level(item.norm_level, names), level(item.level, names)
    if item.deviation == Deviation.RAISED:
        return _("Raised from %(norm)s to %(local)s") % {"norm": norm, "local": local}
    if item.deviation == Deviation.LOWERED:
        return _("Lowered from %(norm)s to %(local)s") % {"norm": norm, "local": local}
    if item.deviation == Deviation.ADDED:
        return _("Added at %(local)s; the norm does not require it") % {"local": local}
    if item.deviation == Deviation.REMOVED:
        return _("Removed; the norm requires %(norm)s") % {"norm": norm}
    if item.deviation == Deviation.IMPORTANCE:
        return _("Importance changed from %(norm)s to %(local)s") % {
            "norm": importance(item.norm_importance), "local": importance(item.importance)}
    return _("As the norm")


def norm_change(change: NormChange, names: dict[int, str]) -> str:
    old, new = level(change.old_level, names), level(change.new_level, names)
    if change.kind == NormChangeKind.ADDED:
        return _("The norm now requires it at %(new)s") % {"new": new}
    if change.kind == NormChangeKind.REMOVED:
        return _("The norm no longer requires it; it used to require %(old)s") % {"old": old}
    if change.kind == NormChangeKind.RAISED:
        return _("The norm raised it from %(old)s to %(new)s") % {"old": old, "new": new}
    if change.kind == NormChangeKind.LOWERED:
        return _("The norm lowered it from %(old)s to %(new)s") % {"old": old, "new": new}
    return _("The norm changed its importance (still %(new)s)") % {"new": new}


def conflict(kind: str, local: int | None, then: int | None, new: int | None, names: dict[int, str]) -> str:
    values = {"local": level(local, names), "then": level(then, names), "new": level(new, names)}
    if kind == ConflictKind.NORM_REMOVED_ADJUSTED:
        return _("You set it to %(local)s where the norm said %(then)s; the new norm no longer requires "
                 "it.") % values
    if local is not None and then is not None and local > then:
        return _("You raised it from %(then)s to %(local)s; the new norm requires %(new)s, so your level is "
                 "now a lowering.") % values
    return _("You lowered it from %(then)s to %(local)s; the new norm requires %(new)s, so your level is now "
             "a raise.") % values


def redundant(action: str, local: int | None, names: dict[int, str]) -> str:
    if action == "remove":
        return _("You removed it, and the new norm no longer requires it either.")
    return _("You set it to %(local)s, which is now what the norm says.") % {"local": level(local, names)}
