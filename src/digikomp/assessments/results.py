"""A respondent's own result, and the results respondents chose to share with their manager.

`personal_result(response)` is the data behind the result page, its PDF and a future API: per competence the
chosen level against the level the profile required when the person was invited, the gaps ranked (essential
before useful, then the largest gap first, "don't know" after the known gaps), the strengths, a next step for
each gap (the descriptor of the next level up, until the learning catalogue exists), and the knowledge checks
against the self-rating.

Individual results are the respondent's alone. The only other reader is the manager of the person's unit, and
only for responses whose `share_with_manager` the person switched on: `shared_results_for_manager(access)`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from digikomp.assessments.models import Response
from digikomp.frameworks.selectors import version_tree
from digikomp.lib.svg import Bar, bar_chart
from digikomp.profiles.models import Importance
from digikomp.tenancy.access import Access
from digikomp.tenancy.selectors import within

MET, GAP, UNKNOWN = "met", "gap", "unknown"
IMPORTANCE_RANK = {Importance.ESSENTIAL: 0, Importance.USEFUL: 1}


@dataclass
class ResultRow:
    identifier: str
    code: str
    title: str
    area: str
    level: int | None  # None: "don't know"
    level_name: str
    required: int
    required_name: str
    importance: str
    importance_label: str
    status: str  # MET, GAP or UNKNOWN
    gap: int  # levels below the requirement (0 when met or unknown)
    next_level: int | None = None
    next_level_name: str = ""
    next_step: str = ""  # the descriptor of next_level: what the person can work on next

    @property
    def status_label(self) -> str:
        if self.status == UNKNOWN:
            return _("Don't know")
        if self.status == GAP:
            return _("Below the requirement")
        if self.level is not None and self.level > self.required:
            return _("Above the requirement")
        return _("Meets the requirement")


@dataclass
class KnowledgeRow:
    identifier: str
    code: str
    title: str
    level: int | None  # the person's own rating of the competence
    level_name: str
    item_level: int
    item_level_name: str
    question: str
    outcome: str  # "right", "wrong" or "dont_know"
    outcome_label: str
    agrees: bool | None  # does the check agree with the self-rating? None: nothing to compare
    agreement_label: str


@dataclass
class PersonalResult:
    campaign_name: str
    municipality_name: str
    submitted_at: datetime
    levels: list[tuple[int, str]]
    rows: list[ResultRow]
    gaps: list[ResultRow]
    strengths: list[ResultRow]
    knowledge: list[KnowledgeRow]
    shared_with_manager: bool
    chart: SafeString = field(repr=False, default=SafeString(""))

    @property
    def unknown_count(self) -> int:
        return sum(1 for row in self.rows if row.status == UNKNOWN)

    @property
    def below_count(self) -> int:
        return sum(1 for row in self.rows if row.status == GAP)

    @property
    def knowledge_right(self) -> int:
        return sum(1 for row in self.knowledge if row.outcome == "right")

    def as_dict(self) -> dict:
        """Plain data for JSON (the chart is left out: it is presentation)."""
        return {
            "campaign": self.campaign_name, "municipality": self.municipality_name,
            "submitted_at": self.submitted_at.isoformat(), "shared_with_manager": self.shared_with_manager,
            "levels": [{"value": v, "name": n} for v, n in self.levels],
            "competences": [asdict(r) for r in self.rows],
            "gaps": [r.identifier for r in self.gaps], "strengths": [r.identifier for r in self.strengths],
            "knowledge": [asdict(r) for r in self.knowledge],
        }


def _gap_order(row: ResultRow):
    return (IMPORTANCE_RANK.get(row.importance, 2), row.status == UNKNOWN, -row.gap, row.code)


def personal_result(response: Response) -> PersonalResult:
    """Build in the language the caller has active (level names, titles and sentences are resolved here)."""
    invitation = response.invitation
    campaign = response.campaign
    tree = version_tree(campaign.framework_version)
    level_names = {level.value: level.name for level in tree.levels}
    level_index = {level.value: i for i, level in enumerate(tree.levels)}
    answers = {str(a.competence_identifier): a.level for a in response.answers.all()}
    importance_labels = dict(Importance.choices)
    area_titles = {node.area.pk: node.area.title for node in _walk(tree.roots)}

    rows: list[ResultRow] = []
    for competence in tree.competences:
        identifier = str(competence.identifier)
        if identifier not in invitation.requirements or identifier not in answers:
            continue
        required, importance = invitation.requirements[identifier]
        level = answers[identifier]
        if level is None:
            status, gap, next_level = UNKNOWN, 0, required
        elif level < required:
            status, gap, next_level = GAP, required - level, level + 1
        else:
            status, gap, next_level = MET, 0, None
        row = ResultRow(
            identifier=identifier, code=competence.code, title=competence.title,
            area=area_titles.get(competence.area_id, ""), level=level,
            level_name=_("Don't know") if level is None else level_names.get(level, str(level)),
            required=required, required_name=level_names.get(required, str(required)), importance=importance,
            importance_label=str(importance_labels.get(importance, importance)), status=status, gap=gap,
        )
        if next_level is not None and next_level in level_index:
            descriptor = competence.descriptor_list[level_index[next_level]]
            row.next_level, row.next_level_name = next_level, level_names[next_level]
            row.next_step = descriptor.text if descriptor else ""
        rows.append(row)

    by_identifier = {row.identifier: row for row in rows}
    knowledge = []
    for answer in response.knowledge_answers.select_related("item").order_by("item__competence_identifier"):
        row = by_identifier.get(str(answer.item.competence_identifier))
        if row is None:
            continue
        knowledge.append(_knowledge_row(row, answer, level_names))

    result = PersonalResult(
        campaign_name=campaign.name, municipality_name=campaign.municipality.name,
        submitted_at=response.submitted_at, levels=sorted(level_names.items()), rows=rows,
        gaps=sorted((r for r in rows if r.status != MET), key=_gap_order),
        strengths=sorted((r for r in rows if r.status == MET),
                         key=lambda r: (r.required - (r.level or 0), r.code)),
        knowledge=knowledge, shared_with_manager=response.share_with_manager,
    )
    result.chart = result_chart(result)
    return result


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _knowledge_row(row: ResultRow, answer, level_names: dict[int, str]) -> KnowledgeRow:
    item = answer.item
    if answer.chosen is None:
        outcome, label = "dont_know", _("Don't know")
    elif answer.correct:
        outcome, label = "right", _("Right")
    else:
        outcome, label = "wrong", _("Wrong")
    # The item is written for one level: a right answer agrees with a rating at or above it, a wrong one with
    # a rating below it. "Don't know" on either side leaves nothing to compare.
    if outcome == "dont_know" or row.level is None:
        agrees, agreement = None, _("Nothing to compare")
    elif (outcome == "right") == (row.level >= item.level):
        agrees, agreement = True, _("The check agrees with your rating")
    elif outcome == "right":
        agrees, agreement = False, _("You may know more than your rating says")
    else:
        agrees, agreement = False, _("The check suggests a lower level than your rating")
    return KnowledgeRow(
        identifier=row.identifier, code=row.code, title=row.title, level=row.level, level_name=row.level_name,
        item_level=item.level, item_level_name=level_names.get(item.level, str(item.level)),
        question=item.question, outcome=outcome, outcome_label=label, agrees=agrees,
        agreement_label=agreement,
    )


def result_chart(result: PersonalResult, *, id_prefix: str = "result-chart") -> SafeString:
    """Bars of the chosen levels with a marker at each required level; every value is also written as text."""
    top = max((value for value, _name in result.levels), default=1) or 1
    bars = []
    for row in result.rows:
        # Short enough for the chart's value column: the required level as its number (the scale is in the
        # description and the table names it).
        if row.level is None:
            value_label = _("Don't know (required %(required)s)") % {"required": row.required}
        else:
            value_label = _("%(level)s %(name)s (required %(required)s)") % {
                "level": row.level, "name": row.level_name, "required": row.required}
        bars.append(Bar(f"{row.code} {row.title}", row.level, value_label, reference=row.required,
                        css_class=f"chart-{row.status}"))
    scale = ", ".join(f"{value} {name}" for value, name in result.levels)
    return bar_chart(
        bars, title=_("Your level and the required level per competence"),
        description=_("Bars show the level you chose; a red line marks the level your role requires. "
                      "Scale: %(scale)s.") % {"scale": scale},
        max_value=top, ticks=[(value, str(value)) for value, _name in result.levels], id_prefix=id_prefix,
    )


def shared_results_for_manager(access: Access) -> QuerySet[Response]:
    """Responses whose respondents chose to share them, in the units the requester leads (and below).

    Only the manager relation counts: HR and municipal admins see aggregates, never an individual result,
    shared or not.
    """
    if access.municipality is None or not access.managed_paths:
        return Response.objects.none()
    return (Response.objects.of_municipality(access.municipality).filter(share_with_manager=True)
            .filter(within(*access.managed_paths, via="unit"))
            .select_related("invitation__person", "unit", "campaign")
            .order_by("-submitted_at"))
