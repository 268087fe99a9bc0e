"""Plain-text reports for the command line: the list of problems, and the summary of what an import changes.

Rendered in the active language; the command wraps the calls in translation.override(--language).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.lib.problems import Problems
from digikomp.orgimport.changes import CATEGORIES, Change, Changes


def problems_text(problems: Problems) -> str:
    lines = [ngettext("The import was stopped by %(count)d problem; nothing was stored.",
                      "The import was stopped by %(count)d problems; nothing was stored.",
                      len(problems)) % {"count": len(problems)}, ""]
    for problem in problems:
        where = problem.file
        if problem.line is not None:
            where += ", " + _("line %(line)d") % {"line": problem.line}
        if problem.column:
            where += ", " + _("column %(column)s") % {"column": problem.column}
        lines.append(f"{where}: {problem.text}")
    if problems.not_listed:
        lines.append(ngettext("… and %(count)d more problem, not listed.",
                              "… and %(count)d more problems, not listed.",
                              problems.not_listed) % {"count": problems.not_listed})
    return "\n".join(lines) + "\n"


def change_text(change: Change) -> str:
    text = f"{change.name} ({change.external_id})"
    if change.fields:
        return f"{text}: {change.field_labels}: {change.before} → {change.after}"
    if change.before and change.after:
        return f"{text}: {change.before} → {change.after}"
    if change.after:
        return f"{text}: {change.after}"
    if change.before:
        return f"{text}: {change.before}"
    return text


def changes_text(changes: Changes, *, heading: str, show: int) -> str:
    """The counts of every kind of change, then up to `show` examples of each (all when show < 0) of those the
    Changes kept."""
    lines = [heading, ""]
    counts = changes.counts()
    width = max(len(str(label)) for _key, label in CATEGORIES)
    for key, label in CATEGORIES:
        lines.append(f"  {str(label):<{width}}  {counts[key]:>7}")
    if changes.is_empty:
        lines += ["", _("Nothing to change: the organisation is already as the file describes it.")]
    for key, label in CATEGORIES:
        items = changes.lists[key]
        if not items or show == 0:
            continue
        shown = items if show < 0 else items[:show]
        lines += ["", f"{label} ({counts[key]}):"]
        lines += [f"  {change_text(change)}" for change in shown]
        if counts[key] > len(shown):
            lines.append("  " + _("… and %(count)d more") % {"count": counts[key] - len(shown)})
    return "\n".join(lines) + "\n"
