"""Forms of the questionnaire: one step of questions, the submission with its idempotency key, consent, and the
one-time code.

The step form validates with Django's fields; the templates render the radios themselves (the label of a
level is its name and descriptor, and errors must be tied to the fieldset), using `StepForm.rows()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digikomp.assessments.survey.questionnaire import Question, Step

MAX_TEXT = 2000


@dataclass
class OptionRow:
    id: str
    value: str
    label: str
    text: str
    checked: bool


@dataclass
class QuestionRow:
    question: Question
    value: str
    errors: list[str]
    options: list[OptionRow]

    @property
    def error_id(self) -> str:
        return f"{self.question.name}-error"

    @property
    def hint_id(self) -> str:
        return f"{self.question.name}-hint"

    @property
    def describedby(self) -> str:
        ids = [self.hint_id] if self.question.hint else []
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)


class StepForm(forms.Form):
    """The questions of one step. `enforce_required=False` (going back) saves whatever is answered."""

    def __init__(self, step: Step, *args, enforce_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for question in step.questions:
            required = question.required and enforce_required
            if question.options:
                if question.kind == "competence":
                    missing = _("Choose the level that describes you best, or “Don't know”.")
                else:
                    missing = _("Choose an answer, or “Don't know”.")
                self.fields[question.name] = forms.ChoiceField(
                    label=question.legend, required=required,
                    choices=[(o.value, o.label) for o in question.options],
                    error_messages={"required": missing,
                                    "invalid_choice": _("Choose one of the answers shown.")},
                )
            else:
                self.fields[question.name] = forms.CharField(
                    label=question.legend, required=False, max_length=MAX_TEXT, strip=True,
                    error_messages={
                        "max_length": _("Write at most %(limit)s characters.") % {"limit": MAX_TEXT}},
                )

    def value_of(self, question: Question) -> str:
        if self.is_bound:
            return self.data.get(question.name, "")
        return self.initial.get(question.name, "")

    def rows(self) -> list[QuestionRow]:
        rows = []
        for question in self.step.questions:
            value = str(self.value_of(question) or "")
            options = [OptionRow(f"{question.name}-{o.value}", o.value, o.label, o.text, o.value == value)
                       for o in question.options]
            rows.append(QuestionRow(question, value, list(self.errors.get(question.name, [])), options))
        return rows

    def sections(self) -> list[tuple[object, list[QuestionRow]]]:
        """(section, its rows) in page order, for the template."""
        rows = {row.question.name: row for row in self.rows()}
        return [(section, [rows[q.name] for q in section.questions]) for section in self.step.sections]

    def error_summary(self) -> list[dict[str, str]]:
        """The error summary's items (templates/_error_summary.html), in page order."""
        return [{"href": f"#{row.question.input_id}", "text": f"{row.question.legend}: {row.errors[0]}"}
                for row in self.rows() if row.errors]


class SubmitForm(forms.Form):
    # Generated when the review page renders; the same key on a repeated POST returns the stored response.
    idempotency_key = forms.RegexField(
        regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput,
        error_messages={"required": gettext_lazy("The page was out of date. Please submit again."),
                        "invalid": gettext_lazy("The page was out of date. Please submit again.")},
    )


class ConsentForm(forms.Form):
    share_with_manager = forms.BooleanField(
        label=gettext_lazy("Share my result with my manager"), required=False,
        help_text=gettext_lazy("Your manager, and the managers above them, can then see this page's levels, "
                               "gaps and strengths. You can stop sharing at any time."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the e-mail"), max_length=20, strip=True,
        help_text=gettext_lazy("6 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": gettext_lazy("Enter the code from the e-mail.")},
    )
