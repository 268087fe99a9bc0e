"""An effective profile shaped for reading: table rows with level names and deviations in words, and the SVG
chart of the required levels. The web page and the PDF render the same ProfileView, so they never disagree.

Build a ProfileView inside the language it is shown in (the PDF view wraps it in translation.override): level
names, competence titles and deviation sentences are resolved when it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from digikomp.frameworks.models import Area, Competence, FrameworkVersion, ProficiencyLevel
from digikomp.lib.i18n import localized
from digikomp.lib.svg import Bar, bar_chart
from digikomp.profiles.models import Adaptation, Importance, NormRelease, Profile, ProfileRevision
from digikomp.profiles.resolution import Deviation, Effective
from digikomp.profiles.selectors import MAX_CHAIN, EffectiveProfile, revision_in
from digikomp.tenancy.models import Municipality


@dataclass
class Row:
    competence: Competence
    area: Area
    title: str
    level: int | None
    level_label: str
    norm_level: int | None
    norm_level_label: str
    importance: str
    deviation: str
    deviation_text: str
    note: str = ""
    source: str = ""  # the profile in the extends chain that states this requirement

    @property
    def is_deviation(self) -> bool:
        return self.deviation != Deviation.NONE


@dataclass
class ProfileView:
    effective: EffectiveProfile
    name: str
    description: str
    rows: list[Row]
    levels: list[ProficiencyLevel]
    framework_version: FrameworkVersion | None
    release: NormRelease | None
    chart: SafeString
    municipality: Municipality | None = None
    adaptation: Adaptation | None = None
    extends: ProfileRevision | None = None
    local_note: str = ""
    national_name: str = ""
    deviation_counts: dict[str, int] = field(default_factory=dict)

    @property
    def profile(self) -> Profile:
        return self.effective.profile

    @property
    def revision(self) -> ProfileRevision | None:
        return self.effective.revision

    @property
    def is_local(self) -> bool:
        return not self.profile.is_national

    @property
    def required_rows(self) -> list[Row]:
        return [row for row in self.rows if row.level is not None]

    @property
    def deviations(self) -> list[Row]:
        return [row for row in self.rows if row.is_deviation]


def level_label(levels: dict[int, ProficiencyLevel], value: int | None) -> str:
    if value is None:
        return ""
    level = levels.get(value)
    # A no-break space keeps the number with its name when a narrow table cell wraps.
    return f"{value}\u00a0– {level.name}" if level else str(value)


def importance_label(value: str | None) -> str:
    if not value:
        return ""
    return str(Importance(value).label) if value in Importance.values else value


def deviation_text(item: Effective, levels: dict[int, ProficiencyLevel]) -> str:
    """The deviation in words, with both levels, so it never rests on colour or position alone."""
    norm, local = level_label(levels, item.norm_level), level_label(levels, item.level)
    if item.deviation == Deviation.RAISED:
        return _("Raised from %(norm)s to %(local)s") % {"norm": norm, "local": local}
    if item.deviation == Deviation.LOWERED:
        return _("Lowered from %(norm)s to %(local)s") % {"norm": norm, "local": local}
    if item.deviation == Deviation.ADDED:
        return _("Added at %(local)s (not in the norm)") % {"local": local}
    if item.deviation == Deviation.REMOVED:
        return _("Removed (the norm requires %(norm)s)") % {"norm": norm}
    if item.deviation == Deviation.IMPORTANCE:
        return _("Importance changed from %(norm)s to %(local)s") % {
            "norm": importance_label(item.norm_importance), "local": importance_label(item.importance)}
    return ""


def deviation_label(value: str) -> str:
    """A one-word name for a kind of deviation (badges and counts)."""
    return {
        Deviation.RAISED: _("Raised"), Deviation.LOWERED: _("Lowered"), Deviation.ADDED: _("Added"),
        Deviation.REMOVED: _("Removed"), Deviation.IMPORTANCE: _("Importance changed"),
    }.get(value, "")


def requirement_sources(profile: Profile, release: NormRelease | None) -> dict[UUID, ProfileRevision]:
    """Which revision of the extends chain states each requirement: the most specific profile wins, exactly as
    selectors.national_norm merges them."""
    chain: list[ProfileRevision] = []
    current: Profile | None = profile
    seen = set()
    while current is not None and current.pk not in seen and len(chain) < MAX_CHAIN:
        seen.add(current.pk)
        revision = revision_in(current, release)
        if revision is None:
            break
        chain.append(revision)
        current = revision.extends
    sources: dict[UUID, ProfileRevision] = {}
    for revision in reversed(chain):
        for identifier in revision.requirements.values_list("competence_identifier", flat=True):
            sources[identifier] = revision
    return sources


def _bar(row: Row, compare: bool) -> Bar:
    label = f"{row.competence.code} {row.title}"
    if not compare or row.deviation == Deviation.NONE:
        return Bar(label, row.level, row.level_label)
    if row.deviation == Deviation.REMOVED:
        return Bar(label, None, _("removed (norm %(norm)s)") % {"norm": row.norm_level},
                   reference=row.norm_level, css_class=f"chart-{row.deviation}")
    if row.deviation == Deviation.ADDED:
        return Bar(label, row.level, _("%(local)s (added)") % {"local": row.level_label},
                   css_class=f"chart-{row.deviation}")
    if row.deviation in (Deviation.RAISED, Deviation.LOWERED):
        return Bar(label, row.level, _("%(local)s (norm %(norm)s)") % {"local": row.level_label,
                                                                        "norm": row.norm_level},
                   reference=row.norm_level, css_class=f"chart-{row.deviation}")
    return Bar(label, row.level, row.level_label, css_class=f"chart-{row.deviation}")


def chart_for(name: str, rows: list[Row], levels: list[ProficiencyLevel], *, compare: bool,
              id_prefix: str = "profile-chart") -> SafeString:
    top = max((level.value for level in levels), default=max((r.level or 0 for r in rows), default=1)) or 1
    scale = ", ".join(f"{level.value} {level.name}" for level in levels)
    description = _("The level each competence requires, on the scale %(scale)s.") % {"scale": scale}
    if compare:
        description += " " + _(
            "Where the level differs from the national norm, a red line marks the norm's level.")
    return bar_chart(
        [_bar(row, compare) for row in rows],
        title=_("Required levels: %(name)s") % {"name": name}, description=description, max_value=top,
        ticks=[(level.value, str(level.value)) for level in levels], id_prefix=id_prefix,
    )


def profile_view(effective: EffectiveProfile, *, municipality: Municipality | None = None,
                 chart_id: str = "profile-chart") -> ProfileView:
    release = effective.release
    framework_version = release.framework_version if release else None
    level_list = list(framework_version.levels.all()) if framework_version else []
    for level in level_list:
        level.texts = {"description": localized(level, "description")}
    levels = {level.value: level for level in level_list}
    compare = municipality is not None
    sources = {}
    if effective.profile.is_national and not compare:
        sources = {identifier: revision.name for identifier, revision
                   in requirement_sources(effective.profile, release).items()}
    rows = []
    for competence, item in effective.rows():
        rows.append(Row(
            competence=competence, area=competence.area, title=localized(competence, "title"),
            level=item.level, level_label=level_label(levels, item.level),
            norm_level=item.norm_level, norm_level_label=level_label(levels, item.norm_level),
            importance=importance_label(item.importance or item.norm_importance),
            deviation=str(item.deviation) if compare else Deviation.NONE,
            deviation_text=deviation_text(item, levels) if compare else "",
            note=item.note, source=sources.get(item.identifier, ""),
        ))
    name = effective.name
    chart_rows = rows if compare else [row for row in rows if row.level is not None]
    counts: dict[str, int] = {}
    for row in rows:
        if row.is_deviation:
            counts[row.deviation] = counts.get(row.deviation, 0) + 1
    revision = effective.revision
    adaptation = effective.adaptation
    return ProfileView(
        effective=effective, name=name, description=revision.description if revision else "", rows=rows,
        levels=level_list, framework_version=framework_version, release=release,
        chart=chart_for(name, chart_rows, level_list, compare=compare, id_prefix=chart_id),
        municipality=municipality, adaptation=adaptation,
        extends=revision_in(revision.extends, release) if revision and revision.extends_id else None,
        local_note=adaptation.local_note if adaptation else "",
        national_name=revision.name if revision and adaptation and adaptation.local_name else "",
        deviation_counts={deviation_label(kind): n for kind, n in counts.items()},
    )
