"""What became of the competences of an older published version: replaced by which competence of the latest
version (following replacedBy across several versions), or removed without a successor.

Only published versions count: a draft's Replacement rows say nothing until the draft is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from digikomp.frameworks.models import Competence, FrameworkVersion, Replacement


@dataclass(frozen=True)
class Fate:
    """`successor` is the competence of `latest` that took over (None when it was removed outright);
    `changed_in` is the version that replaced or removed it."""

    successor: Competence | None
    changed_in: FrameworkVersion
    latest: FrameworkVersion


def fates(version: FrameworkVersion) -> dict[UUID, Fate]:
    """Each competence of `version` that the latest published version no longer holds, keyed by identifier.
    Empty for the latest version itself and for drafts."""
    if not version.is_published:
        return {}
    later = list(
        version.framework.versions.filter(status=FrameworkVersion.Status.PUBLISHED,
                                          published_at__gt=version.published_at).order_by("published_at")
    )
    if not later:
        return {}
    latest = later[-1]
    current = {c.identifier: c for c in latest.competences.all()}
    held_by = {v.pk: set(v.competences.values_list("identifier", flat=True)) for v in later}
    successors: dict[UUID, tuple[UUID, FrameworkVersion]] = {}
    by_pk = {v.pk: v for v in later}
    for replacement in Replacement.objects.filter(version__in=later).order_by("version__published_at"):
        successors[replacement.old_identifier] = (replacement.new_identifier, by_pk[replacement.version_id])

    result = {}
    for competence in version.competences.all():
        if competence.identifier in current:
            continue
        changed_in = next((v for v in later if competence.identifier not in held_by[v.pk]), latest)
        identifier, seen = competence.identifier, set()
        while identifier in successors and identifier not in seen and identifier not in current:
            seen.add(identifier)
            identifier, _via = successors[identifier]
        result[competence.identifier] = Fate(current.get(identifier), changed_in, latest)
    return result
