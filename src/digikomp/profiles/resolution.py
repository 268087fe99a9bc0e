"""Profile resolution as pure functions: the norm of a profile (its extends chain merged) plus a
municipality's overlay gives the effective requirements, each marked with its deviation from the norm; and
what taking in a new norm release means for an overlay. No database here, so hypothesis can hammer it
(tests/profiles/test_resolution_properties.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


@dataclass(frozen=True)
class Req:
    identifier: UUID
    level: int
    importance: str


@dataclass(frozen=True)
class Change:
    identifier: UUID
    action: str  # "set" or "remove"
    level: int | None = None
    importance: str | None = None
    norm_level_then: int | None = None
    note: str = ""


class Deviation(StrEnum):
    NONE = "none"
    RAISED = "raised"
    LOWERED = "lowered"
    ADDED = "added"
    REMOVED = "removed"
    IMPORTANCE = "importance"


@dataclass(frozen=True)
class Effective:
    identifier: UUID
    level: int | None  # None for a competence the municipality removed
    importance: str | None
    norm_level: int | None  # None for a local addition
    norm_importance: str | None
    deviation: Deviation
    note: str = ""


def merge_chain(chain: Sequence[Iterable[Req]]) -> dict[UUID, Req]:
    """Requirements of a profile and its ancestors, ancestors first: a descendant's requirement for the same
    competence replaces the ancestor's (a profile may raise or lower what "Alle medarbejdere" asks)."""
    merged: dict[UUID, Req] = {}
    for requirements in chain:
        for req in requirements:
            merged[req.identifier] = req
    return merged


def _deviation(norm: Req | None, level: int | None, importance: str | None) -> Deviation:
    if norm is None:
        return Deviation.ADDED
    if level is None:
        return Deviation.REMOVED
    if level > norm.level:
        return Deviation.RAISED
    if level < norm.level:
        return Deviation.LOWERED
    if importance != norm.importance:
        return Deviation.IMPORTANCE
    return Deviation.NONE


def apply_overlay(norm: Mapping[UUID, Req], changes: Iterable[Change]) -> list[Effective]:
    """Every competence of the norm or the overlay, in norm order then additions, with its deviation. Removed
    competences are included (level None) so the diff view can show them; `required()` filters them out."""
    by_id = {c.identifier: c for c in changes}
    result: list[Effective] = []
    for identifier, req in norm.items():
        change = by_id.pop(identifier, None)
        if change is None:
            result.append(Effective(identifier, req.level, req.importance, req.level, req.importance,
                                    Deviation.NONE))
        elif change.action == "remove":
            result.append(Effective(identifier, None, None, req.level, req.importance, Deviation.REMOVED,
                                    change.note))
        else:
            level = change.level if change.level is not None else req.level
            importance = change.importance or req.importance
            result.append(Effective(identifier, level, importance, req.level, req.importance,
                                    _deviation(req, level, importance), change.note))
    for change in by_id.values():  # competences the norm does not hold
        if change.action == "set" and change.level is not None:
            result.append(Effective(change.identifier, change.level, change.importance or "essential", None, None,
                                    Deviation.ADDED, change.note))
    return result


def required(effective: Iterable[Effective]) -> list[Effective]:
    return [e for e in effective if e.level is not None]


class NormChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RAISED = "raised"
    LOWERED = "lowered"
    IMPORTANCE = "importance"


@dataclass(frozen=True)
class NormChange:
    identifier: UUID
    kind: NormChangeKind
    old_level: int | None
    new_level: int | None


def norm_changes(old: Mapping[UUID, Req], new: Mapping[UUID, Req]) -> list[NormChange]:
    changes = []
    for identifier, req in new.items():
        before = old.get(identifier)
        if before is None:
            changes.append(NormChange(identifier, NormChangeKind.ADDED, None, req.level))
        elif req.level != before.level:
            kind = NormChangeKind.RAISED if req.level > before.level else NormChangeKind.LOWERED
            changes.append(NormChange(identifier, kind, before.level, req.level))
        elif req.importance != before.importance:
            changes.append(NormChange(identifier, NormChangeKind.IMPORTANCE, before.level, req.level))
    for identifier, req in old.items():
        if identifier not in new:
            changes.append(NormChange(identifier, NormChangeKind.REMOVED, req.level, None))
    return changes


class ConflictKind(StrEnum):
    # The norm dropped a competence the municipality had raised or lowered: keep it as a local addition?
    NORM_REMOVED_ADJUSTED = "norm_removed_adjusted"
    # The norm moved past the local level, so a local raise is now a lowering (or the reverse).
    DIRECTION_FLIPPED = "direction_flipped"


@dataclass(frozen=True)
class Conflict:
    change: Change
    kind: ConflictKind
    new_norm_level: int | None


@dataclass
class TakeIn:
    norm_changes: list[NormChange]
    conflicts: list[Conflict] = field(default_factory=list)
    # Local changes that the new norm makes unnecessary (it now says the same); kept until someone tidies up.
    redundant: list[Change] = field(default_factory=list)


def take_in(old: Mapping[UUID, Req], new: Mapping[UUID, Req], changes: Iterable[Change]) -> TakeIn:
    """What moving an overlay from norm `old` to norm `new` means. Overlays always keep applying (see
    apply_overlay); this only reports what needs a human decision, so no local change is lost silently."""
    report = TakeIn(norm_changes=norm_changes(old, new))
    for change in changes:
        now = new.get(change.identifier)
        if change.action == "remove":
            if now is None:
                report.redundant.append(change)
            continue
        if now is None:
            if change.norm_level_then is not None:
                report.conflicts.append(Conflict(change, ConflictKind.NORM_REMOVED_ADJUSTED, None))
            continue
        level = change.level if change.level is not None else now.level  # None: follows the norm's level
        if level == now.level and (change.importance or now.importance) == now.importance:
            report.redundant.append(change)
            continue
        then = change.norm_level_then
        if then is not None and change.level is not None and then != change.level:
            was_raise = change.level > then
            is_raise = change.level > now.level
            if was_raise != is_raise:
                report.conflicts.append(Conflict(change, ConflictKind.DIRECTION_FLIPPED, now.level))
    return report
