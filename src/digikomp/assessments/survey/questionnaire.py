"""The questionnaire of one invitation, as steps the person walks through, and the translation between its
form fields and the draft/submission body that services.validate_answers checks.

Steps: one per top-level area of the framework that holds a competence of the person's profile (in the
framework's order, sub-areas as sections), then the knowledge checks if the campaign has any for the person,
then the campaign's own questions. What the person was asked is the invitation's `requirements`, so a later
norm change does not alter a survey under way.

Form field names carry the kind and the key: `c-<competence identifier>`, `k-<knowledge item id>`,
`q-<custom question id>`. Radio values are the level / option / answer as text, and DONT_KNOW for "ved ikke".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from digikomp.assessments.models import CustomQuestion, Invitation
from digikomp.assessments.services import knowledge_items
from digikomp.frameworks.selectors import AreaNode, version_tree

DONT_KNOW = "dk"

# Rough seconds per question, for the "takes about N minutes" promise on the welcome page.
SECONDS_PER_COMPETENCE = 40
SECONDS_PER_OTHER = 30


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    text: str = ""  # the level descriptor, read as part of the label


@dataclass
class Question:
    name: str  # form field name
    kind: str  # "competence", "knowledge" or a CustomQuestion.Kind
    key: str  # key in the draft section
    legend: str
    hint: str = ""
    code: str = ""
    options: list[Option] = field(default_factory=list)
    required: bool = True

    @property
    def section(self) -> str:
        return {"competence": "answers", "knowledge": "knowledge"}.get(self.kind, "custom")

    @property
    def input_id(self) -> str:
        """The id an error link or a "change" link points at: the first radio, or the text area."""
        return f"{self.name}-{self.options[0].value}" if self.options else self.name

    def stored(self, data: dict):
        """(answered, value) of this question in draft data."""
        section = data.get(self.section) or {}
        return (self.key in section), section.get(self.key)

    def to_field(self, data: dict) -> str:
        """The draft's value as the form's value ("" when unanswered)."""
        answered, value = self.stored(data)
        if not answered:
            return ""
        if self.kind in ("competence", "knowledge"):
            return DONT_KNOW if value is None else str(value)
        return "" if value is None else str(value)

    def from_field(self, value: str):
        """The form's cleaned value as the body expects it."""
        if self.kind in ("competence", "knowledge"):
            return None if value == DONT_KNOW else int(value)
        return value or ""

    def answer_label(self, data: dict) -> str | None:
        """How the stored answer reads on the review page; None when unanswered."""
        answered, value = self.stored(data)
        if not answered:
            return None
        if self.kind == CustomQuestion.Kind.TEXT:
            return value or _("(left empty)")
        shown = self.to_field(data)
        for option in self.options:
            if option.value == shown:
                return option.label
        return _("(left empty)")


@dataclass
class Section:
    heading: str
    questions: list[Question]
    intro: str = ""


@dataclass
class Step:
    number: int  # 1-based position among all steps
    kind: str  # "area", "knowledge", "custom"
    title: str
    sections: list[Section]
    area_number: int = 0  # 1-based among the area steps, for "Area 2 of 5"
    intro: str = ""

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]


@dataclass
class Questionnaire:
    invitation: Invitation
    steps: list[Step]
    area_count: int

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions]

    def step(self, number: int) -> Step | None:
        return self.steps[number - 1] if 1 <= number <= len(self.steps) else None

    def step_of(self, question_name: str) -> Step | None:
        return next((s for s in self.steps if any(q.name == question_name for q in s.questions)), None)

    def minutes(self) -> int:
        competences = sum(1 for q in self.questions if q.kind == "competence")
        others = len(self.questions) - competences
        seconds = competences * SECONDS_PER_COMPETENCE + others * SECONDS_PER_OTHER
        return max(5, 5 * math.ceil(seconds / 300))

    def resume_step(self, data: dict | None) -> int | None:
        """Where the person left off: the first step with a required question unanswered (or a step of the
        campaign's own questions never saved); None when everything is answered and the review is next."""
        data = data or {}
        for step in self.steps:
            if any(q.required and not q.stored(data)[0] for q in step.questions):
                return step.number
            if step.kind == "custom" and not any(q.stored(data)[0] for q in step.questions):
                return step.number
        return None

    def missing(self, data: dict | None) -> list[Question]:
        data = data or {}
        return [q for q in self.questions if q.required and not q.stored(data)[0]]


def questionnaire_for(invitation: Invitation) -> Questionnaire:
    campaign = invitation.campaign
    tree = version_tree(campaign.framework_version)
    wanted = set(invitation.requirements)
    level_options = [(str(level.value), level) for level in tree.levels]
    dont_know = Option(DONT_KNOW, _("Don't know"), _("I cannot say which level describes me."))

    def competence_question(competence) -> Question:
        options = []
        for (value, level), descriptor in zip(level_options, competence.descriptor_list, strict=True):
            options.append(Option(value, level.name, descriptor.text if descriptor else ""))
        return Question(name=f"c-{competence.identifier}", kind="competence", key=str(competence.identifier),
                        legend=competence.title, hint=competence.tr("description"), code=competence.code,
                        options=[*options, dont_know])

    def sections_of(node: AreaNode) -> list[Section]:
        found = []
        own = [competence_question(c) for c in node.competences if str(c.identifier) in wanted]
        if own:
            found.append(Section(node.area.title, own))
        for child in node.children:
            found.extend(sections_of(child))
        return found

    steps: list[Step] = []
    for root in tree.roots:
        sections = sections_of(root)
        if not sections:
            continue
        if len(sections) == 1 and sections[0].heading == root.area.title:
            sections[0].heading = ""  # the page heading already says it
        steps.append(Step(len(steps) + 1, "area", root.area.title, sections, area_number=len(steps) + 1,
                          intro=root.area.tr("description")))
    area_count = len(steps)

    items = knowledge_items(invitation)
    if items:
        by_identifier = {str(c.identifier): c for c in tree.competences}
        questions = []
        for item in items:
            competence = by_identifier.get(str(item.competence_identifier))
            options = [Option(str(i), text) for i, text in enumerate(item.options)]
            questions.append(Question(
                name=f"k-{item.pk}", kind="knowledge", key=str(item.pk), legend=item.question,
                hint=_("About: %(competence)s") % {"competence": competence.title} if competence else "",
                options=[*options, Option(DONT_KNOW, _("Don't know"))],
            ))
        steps.append(Step(len(steps) + 1, "knowledge", _("Knowledge check"), [Section("", questions)],
                          intro=_("One question per competence, with one right answer. Choose “Don't know” "
                                  "rather than guess: the check is for you, to compare with your own "
                                  "rating.")))

    custom = list(campaign.custom_questions.all())
    if custom:
        questions = []
        for question in custom:
            if question.kind == CustomQuestion.Kind.SCALE:
                options = [Option("1", _("1 (lowest)")), Option("2", "2"), Option("3", "3"), Option("4", "4"),
                           Option("5", _("5 (highest)"))]
            elif question.kind == CustomQuestion.Kind.YES_NO:
                options = [Option("yes", _("Yes")), Option("no", _("No"))]
            else:
                options = []
            questions.append(Question(name=f"q-{question.pk}", kind=question.kind, key=str(question.pk),
                                      legend=question.text, options=options, required=False))
        steps.append(Step(len(steps) + 1, "custom", _("Questions from %(municipality)s") % {
            "municipality": campaign.municipality.name}, [Section("", questions)],
            intro=_("These questions are optional.")))
    return Questionnaire(invitation, steps, area_count)


def merged(data: dict | None, step: Step, cleaned: dict) -> dict:
    """The draft body with this step's answers put in (answers left blank on an optional question are kept
    as blank, which marks the step as visited)."""
    body = {
        "answers": dict((data or {}).get("answers") or {}),
        "knowledge": dict((data or {}).get("knowledge") or {}),
        "custom": dict((data or {}).get("custom") or {}),
    }
    if (data or {}).get("share_with_manager"):
        body["share_with_manager"] = True
    for question in step.questions:
        value = cleaned.get(question.name, "")
        if value == "" and question.kind in ("competence", "knowledge"):
            body[question.section].pop(question.key, None)
        else:
            body[question.section][question.key] = question.from_field(value)
    if not body["knowledge"]:
        del body["knowledge"]  # a campaign without checks refuses the key
    return body


def submission_body(data: dict | None) -> dict:
    """The draft as the body to submit: empty answers to the campaign's own questions are not stored."""
    data = dict(data or {})
    data["custom"] = {k: v for k, v in (data.get("custom") or {}).items() if v not in ("", None)}
    return {k: v for k, v in data.items() if v not in ({}, None)}
