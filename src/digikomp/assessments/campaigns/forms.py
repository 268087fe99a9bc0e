"""The form that creates a campaign, and the translation of its answers into a CampaignSpec; and the choice of
whose personal links to export.

The form checks what a browser can get wrong (a date that is no date, a k below 3, a reminder that is not
a number); the rules of a campaign stay in assessments.services.campaign_create, whose SurveyError is mapped
back onto the fields here so every message appears next to its input.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digikomp.assessments.campaign_dates import day_error
from digikomp.assessments.models import MAX_CUSTOM_QUESTIONS, CustomQuestion
from digikomp.assessments.services import CampaignSpec, SurveyError
from digikomp.lib.anonymity import MINIMUM_K

QUESTION_ROWS = range(1, MAX_CUSTOM_QUESTIONS + 1)
DEFAULT_DAYS_OPEN = 21
DEFAULT_REMINDERS = "7, 14"
MAX_REMINDERS = 10
DATE_INPUT = "%Y-%m-%d"


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200,
                           help_text=_("For example “Digital competences 2026”."))
    series = forms.ChoiceField(
        label=_("Series"), required=False,
        help_text=_("Waves of one series can be compared. Choose an earlier series to make this its next "
                    "wave."),
    )
    new_series = forms.CharField(
        label=_("Name of a new series"), max_length=200, required=False,
        help_text=_("Used when no earlier series is chosen. Empty: the campaign's name."),
    )
    units = forms.MultipleChoiceField(
        label=_("Units"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone in a chosen unit and the units below it. Choose none to include the whole "
                    "municipality."),
    )
    profiles = forms.MultipleChoiceField(
        label=_("Profiles"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only people with one of these profiles. Choose none to include every profile."),
    )
    # A date input reads and writes YYYY-MM-DD whatever the page's language: a value in the Danish format
    # (04.12.2026) is shown as an empty field.
    opens = forms.DateField(label=_("Opens"), widget=forms.DateInput(format=DATE_INPUT, attrs={"type": "date"}),
                            input_formats=[DATE_INPUT, "%d.%m.%Y", "%d-%m-%Y"],
                            help_text=_("The first day people can answer."))
    closes = forms.DateField(label=_("Closes"), widget=forms.DateInput(format=DATE_INPUT, attrs={"type": "date"}),
                             input_formats=[DATE_INPUT, "%d.%m.%Y", "%d-%m-%Y"],
                             help_text=_("The last day people can answer: the campaign closes at the end of "
                                         "this day, Danish time."))
    anonymity_k = forms.IntegerField(
        label=_("Anonymity threshold"), min_value=MINIMUM_K, max_value=1000,
        help_text=_("The smallest group any result may show: at least the municipality's threshold (filled "
                    "in); a campaign may raise it, not lower it."),
    )
    knowledge_checks = forms.BooleanField(
        label=_("Include knowledge checks"), required=False,
        help_text=_("A short multiple-choice question per competence, where the question bank has one."),
    )
    reminder_days = forms.CharField(
        label=_("Reminders"), max_length=100, required=False,
        help_text=_("Days after opening when those who have not answered get a reminder, separated by "
                    "commas. For example “7, 14”."),
    )

    def __init__(self, *args, unit_choices, profile_choices, series_choices, default_k: int,
                 rows_shown: int | None = None, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault("initial", {
            "opens": today, "closes": today + timedelta(days=DEFAULT_DAYS_OPEN), "anonymity_k": default_k,
            "reminder_days": DEFAULT_REMINDERS,
        })
        super().__init__(*args, **kwargs)
        self.fields["units"].choices = unit_choices
        self.fields["profiles"].choices = profile_choices
        self.fields["series"].choices = [("", _("A new series"))] + list(series_choices)
        for row in QUESTION_ROWS:
            self.fields[f"q{row}_kind"] = forms.ChoiceField(
                label=_("Kind"), choices=CustomQuestion.Kind.choices, initial=CustomQuestion.Kind.TEXT,
                required=False)
            self.fields[f"q{row}_text_da"] = forms.CharField(label=_("Question in Danish"), max_length=500,
                                                             required=False)
            self.fields[f"q{row}_text_en"] = forms.CharField(label=_("Question in English"), max_length=500,
                                                             required=False)
        self._question_rows: list[int] = []
        self.rows_shown = rows_shown

    def _filled_rows(self) -> list[int]:
        return [row for row in QUESTION_ROWS
                if str(self[f"q{row}_text_da"].value() or "").strip() or str(self[f"q{row}_text_en"].value() or "")
                .strip()]

    def shown_rows(self) -> int:
        """How many question blocks the page shows: one, or as many as are filled in or were shown before
        (the hidden "questions_shown"); "Add a question" without JavaScript asks for one more (rows_shown)."""
        shown = max([1, *self._filled_rows()])
        raw = str((self.data if self.is_bound else self.initial).get("questions_shown") or "")
        if raw.isdigit():
            shown = max(shown, int(raw))
        if self.rows_shown:
            shown = max(shown, self.rows_shown)
        return min(shown, MAX_CUSTOM_QUESTIONS)

    def question_rows(self):
        """The eight rows of own questions for the template: (number, kind, Danish, English bound fields,
        hidden). Only the first `shown_rows()` are visible; "Add a question" reveals the next."""
        shown = self.shown_rows()
        for row in QUESTION_ROWS:
            yield row, self[f"q{row}_kind"], self[f"q{row}_text_da"], self[f"q{row}_text_en"], row > shown

    def lock(self, names, reason: str) -> None:
        """Show these fields but take no value from them (a campaign somebody answered); `reason` says why."""
        for name in names:
            field = self.fields[name]
            field.disabled = True
            field.help_text = f"{field.help_text} {reason}".strip() if name not in self.QUESTION_FIELDS else ""
        self.locked_reason = reason

    QUESTION_FIELDS = frozenset(f"q{row}_{part}" for row in QUESTION_ROWS for part in ("kind", "text_da", "text_en"))

    @classmethod
    def initial_from_post(cls, data) -> dict:
        """The posted values as initial values of an unbound form: "Add a question" without JavaScript shows
        the form again with one more block, and no error for what is not filled in yet."""
        initial = {}
        for key in data:
            if key in ("units", "profiles"):
                initial[key] = data.getlist(key)
            elif key != "csrfmiddlewaretoken":
                initial[key] = data.get(key)
        return initial

    def clean_reminder_days(self) -> list[int]:
        text = self.cleaned_data["reminder_days"].strip()
        if not text:
            return []
        parts = [p for p in re.split(r"[,;\s]+", text) if p]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError(_("Write whole numbers of days separated by commas, e.g. “7, 14”."))
        if len(parts) > MAX_REMINDERS:
            raise forms.ValidationError(_("At most %(n)d reminders."), params={"n": MAX_REMINDERS})
        return sorted({int(p) for p in parts})

    def clean(self):
        cleaned = super().clean()
        # The range first (campaign_dates), so that spec() never computes a time from a day like 31.12.9999.
        for name in ("opens", "closes"):
            day = cleaned.get(name)
            if day and (message := day_error(day)):
                self.add_error(name, message)
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", _("The campaign must close on or after the day it opens."))
        return cleaned

    def spec(self, current=None) -> CampaignSpec:
        """The form as a CampaignSpec. Editing (`current`, the campaign), a day left as it was keeps the
        campaign's time, so a campaign closed early or made through the API with a time of day keeps it."""
        data = self.cleaned_data
        questions = []
        self._question_rows = []
        for row in QUESTION_ROWS:
            text_da = data.get(f"q{row}_text_da", "").strip()
            text_en = data.get(f"q{row}_text_en", "").strip()
            if text_da or text_en:
                kind = data[f"q{row}_kind"] or CustomQuestion.Kind.TEXT
                questions.append({"kind": kind, "text_da": text_da, "text_en": text_en})
                self._question_rows.append(row)
        opens_at, closes_at = _start_of(data["opens"]), _start_of(data["closes"] + timedelta(days=1))
        if current is not None:
            if data["opens"] == timezone.localtime(current.opens_at).date():
                opens_at = current.opens_at
            if data["closes"] == current.last_day:
                closes_at = current.closes_at
        return CampaignSpec(
            name=data["name"], series=data["series"] or data["new_series"],
            opens_at=opens_at, closes_at=closes_at,
            unit_ids=[int(pk) for pk in data["units"]], profile_ids=[int(pk) for pk in data["profiles"]],
            anonymity_k=data["anonymity_k"], knowledge_checks=data["knowledge_checks"],
            reminder_days=data["reminder_days"], custom_questions=questions,
        )

    def add_survey_errors(self, error: SurveyError) -> None:
        """Put each message of campaign_create (or lifecycle.campaign_update) next to the input it is about."""
        fields = {"name": "name", "opens_at": "opens", "closes_at": "closes", "anonymity_k": "anonymity_k",
                  "units": "units", "reminder_days": "reminder_days", "profiles": "profiles", "series": "series",
                  "knowledge_checks": "knowledge_checks", "custom_questions": "q1_text_da"}
        for key, message in error.first_by_field().items():
            if key in fields:
                self.add_error(fields[key], message)
            elif key.startswith("custom_questions.") and key.split(".")[1].isdigit():
                position = int(key.split(".")[1])
                row = self._question_rows[position - 1] if position <= len(self._question_rows) else 1
                self.add_error(f"q{row}_text_da", message)
            else:
                self.add_error(None, message)

    def summary_label(self, bound) -> str:
        """A question's fields are named by the question's number in the error summary."""
        name = bound.name
        if name.startswith("q") and "_" in name:
            return _("Question %(n)s") % {"n": name[1:].split("_")[0]} + f", {bound.label.lower()}"
        return bound.label

    def summary_anchor(self, bound) -> str:
        # Checkbox groups are fieldsets; the link goes to the group, whose legend names it.
        return f"field-{bound.name}" if isinstance(bound.field, forms.MultipleChoiceField) else bound.auto_id


def initial_for(campaign) -> dict:
    """The edit form's values: the campaign as it stands (the closing day is the last day people can answer)."""
    initial = {
        "name": campaign.name, "series": campaign.series.name,
        "opens": timezone.localtime(campaign.opens_at).date(), "closes": campaign.last_day,
        "units": [str(pk) for pk in campaign.audience_units.values_list("pk", flat=True)],
        "profiles": [str(pk) for pk in campaign.audience_profiles.values_list("pk", flat=True)],
        "anonymity_k": campaign.anonymity_k, "knowledge_checks": campaign.knowledge_checks,
        "reminder_days": ", ".join(str(d) for d in campaign.reminder_days),
    }
    for row, question in enumerate(campaign.custom_questions.order_by("position"), start=1):
        initial.update({f"q{row}_kind": question.kind, f"q{row}_text_da": question.text_da,
                        f"q{row}_text_en": question.text_en})
    return initial


def _start_of(day: date) -> datetime:
    """Midnight at the start of `day` in the municipality's time zone (Danish time)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class LinksExportForm(forms.Form):
    """Whose links to export (assessments.links.links_export); the labels carry the counts on the page."""

    scope = forms.ChoiceField(
        label=_("Whose links"), widget=forms.RadioSelect, initial="without_email",
        choices=[("without_email", _("Only people without an e-mail address")), ("all", _("Everyone invited"))],
        error_messages={"required": _("Choose whose links to export."),
                        "invalid_choice": _("Choose one of the options shown.")},
    )
