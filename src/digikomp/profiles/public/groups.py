"""Groups for the public list of national profiles, so a visitor finds "their" role among twenty.

The shipped library has no group field, so the grouping of its slugs is kept here; a profile the editors add
later lands in "Other profiles" until someone places it. (If editors need to place profiles themselves, this
belongs on ProfileRevision as a field.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from digikomp.profiles.models import ProfileRevision

GROUPS: list[tuple[str, Promise, list[str]]] = [
    ("alle", _("The foundation for everyone"), ["alle-medarbejdere"]),
    ("omsorg", _("Care and health"),
     ["social-og-sundhedshjaelper", "social-og-sundhedsassistent", "sygeplejerske"]),
    ("laering", _("Children, learning and culture"), ["laerer", "paedagog", "bibliotekar"]),
    ("forvaltning", _("Administration and citizen service"),
     ["sagsbehandler", "administrativ-medarbejder", "borgerservicemedarbejder", "jobkonsulent",
      "hr-konsulent", "kommunikationsmedarbejder", "teknisk-medarbejder"]),
    ("digitalisering", _("Digitalisation and IT"),
     ["it-medarbejder", "digitaliseringskonsulent", "digital-ambassadoer"]),
    ("ledelse", _("Management"), ["linjeleder", "mellemleder", "topledelse"]),
]
OTHER = ("andre", _("Other profiles"))


@dataclass
class Group:
    key: str
    title: str | Promise
    revisions: list[ProfileRevision] = field(default_factory=list)


def group_revisions(revisions: list[ProfileRevision]) -> list[Group]:
    """The revisions in GROUPS order (and the listed order within a group); empty groups are left out."""
    groups = [Group(key, title) for key, title, _slugs in GROUPS]
    other = Group(*OTHER)
    place: dict[str, tuple[Group, int]] = {}
    for group, (_key, _title, slugs) in zip(groups, GROUPS):
        for position, slug in enumerate(slugs):
            place[slug] = (group, position)
    for revision in revisions:
        group, _position = place.get(revision.profile.slug, (other, 0))
        group.revisions.append(revision)
    for group in groups:
        group.revisions.sort(key=lambda r: place[r.profile.slug][1])
    other.revisions.sort(key=lambda r: r.name.casefold())
    return [g for g in [*groups, other] if g.revisions]
