"""What an import changes, as lists a person can read: units created, people moved, managers ended, ...

The services fill a Changes object; the command prints it and the preview page shows it. Only data lives in a
Change (ids, names, before/after values, the keys of changed fields); the labels are translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# (key, label) in the order they are shown.
CATEGORIES = [
    ("units_created", _("Units created")),
    ("units_renamed", _("Units renamed")),
    ("units_moved", _("Units moved to another parent")),
    ("units_changed", _("Units with other changed details")),
    ("units_deactivated", _("Units deactivated")),
    ("units_reactivated", _("Units reactivated")),
    ("people_created", _("People created")),
    ("people_moved", _("People moved to another unit")),
    ("people_changed", _("People with changed details")),
    ("people_deactivated", _("People deactivated")),
    ("people_reactivated", _("People reactivated")),
    ("managers_added", _("Managers added")),
    ("managers_changed", _("Managers with a new title")),
    ("managers_ended", _("Managers ended")),
]
LABELS = dict(CATEGORIES)
# Lists whose changes name the changed fields.
DETAIL_CATEGORIES = ("units_changed", "people_changed")
# What "before" and "after" hold in each list, as column headings; None: the list has no such column.
COLUMNS = {
    "units_created": (None, _("Parent unit")),
    "units_renamed": (_("Old name"), _("New name")),
    "units_moved": (_("Old parent unit"), _("New parent unit")),
    "units_changed": (_("Before"), _("After")),
    "units_deactivated": (None, None),
    "units_reactivated": (None, None),
    "people_created": (None, _("Unit")),
    "people_moved": (_("Old unit"), _("New unit")),
    "people_changed": (_("Before"), _("After")),
    "people_deactivated": (None, None),
    "people_reactivated": (None, None),
    "managers_added": (None, _("Title")),
    "managers_changed": (_("Old title"), _("New title")),
    "managers_ended": (_("Title"), None),
}

FIELD_LABELS = {
    "name": _("name"),
    "email": _("e-mail"),
    "job_code": _("job code"),
    "job_title": _("job title"),
    "unit_type": _("type"),
    "street": _("street"),
    "postcode": _("postcode"),
    "city": _("city"),
}


@dataclass(frozen=True)
class Change:
    external_id: str
    name: str
    before: str = ""
    after: str = ""
    fields: tuple[str, ...] = ()

    def to_json(self) -> list:
        return [self.external_id, self.name, self.before, self.after, list(self.fields)]

    @classmethod
    def from_json(cls, row: list) -> Change:
        return cls(row[0], row[1], row[2], row[3], tuple(row[4]))

    @property
    def field_labels(self) -> str:
        return ", ".join(str(FIELD_LABELS.get(f, f)) for f in self.fields)


@dataclass
class Changes:
    """Every change counted, and the first `keep` of each kind kept (all of them when keep is None): the
    preview shows 50 of each, and 45,000 new people need not become 45,000 objects to be counted."""

    keep: int | None = None
    lists: dict[str, list[Change]] = field(default_factory=lambda: {key: [] for key, _label in CATEGORIES})
    _counts: dict[str, int] = field(default_factory=lambda: {key: 0 for key, _label in CATEGORIES})

    def add(self, category: str, change: Change) -> None:
        self._counts[category] += 1
        if self.keep is None or len(self.lists[category]) < self.keep:
            self.lists[category].append(change)

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    @property
    def is_empty(self) -> bool:
        return not any(self._counts.values())

    def to_json(self, *, limit: int) -> dict:
        """Counts and the first `limit` changes of each list, for the OrgImport record and the preview."""
        return {"counts": self.counts(),
                "changes": {key: [c.to_json() for c in items[:limit]] for key, items in self.lists.items()}}


def sections(summary: dict) -> list[dict]:
    """A stored summary as rows for a template: label, count, the first changes, how many are not shown."""
    result = []
    for key, label in CATEGORIES:
        count = summary["counts"].get(key, 0)
        shown = [Change.from_json(row) for row in summary["changes"].get(key, [])]
        before, after = COLUMNS[key]
        result.append({"key": key, "label": label, "count": count, "changes": shown,
                       "more": count - len(shown), "before": before, "after": after,
                       "has_fields": key in DETAIL_CATEGORIES})
    return result
