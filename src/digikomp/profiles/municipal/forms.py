"""Forms of the municipality's profile pages.

The tables (an adapted profile, a local profile's own requirements, the job codes) are one form each with a
field per row, named after the row's competence code or job code, so a submitted table is checked as a whole
and every error names its row. Choices come from the framework version in force, so a level outside the scale
or an unknown competence is a form error, never a 500.
"""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.utils.translation import gettext_lazy as _

from digikomp.profiles.models import Importance

MAX_CSV_BYTES = 1_000_000
NOTE_MAX = 500


def _level_field(label, levels, initial=None) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=levels, coerce=int, initial=initial,
                                  error_messages={"invalid_choice": _("Choose a level of the scale.")})


def _importance_field(label, initial=None, required=True) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=Importance.choices, initial=initial or Importance.ESSENTIAL,
                             required=required,
                             error_messages={"invalid_choice": _("Choose essential or useful.")})


class RowTableForm(forms.Form):
    """A table form: `rows` are (competence, effective-like item) pairs, one set of fields per row."""

    columns: tuple[str, ...] = ()

    def row_fields(self):
        for row in self.rows:
            yield {"row": row, **{column: self[f"{row.competence.code}-{column}"] for column in self.columns}}


class AdaptationForm(RowTableForm):
    """The adapted profile as a table: local level, importance and note for every required competence."""

    columns = ("level", "importance", "note")

    def __init__(self, *args, lines, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = [line for line in lines if line.effective.level is not None]
        for line in self.rows:
            code, effective = line.competence.code, line.effective
            name = f"{code} {line.competence.title}"
            self.fields[f"{code}-level"] = _level_field(
                _("Local level for %(competence)s") % {"competence": name}, levels, effective.level)
            self.fields[f"{code}-importance"] = _importance_field(
                _("Importance of %(competence)s") % {"competence": name}, effective.importance)
            self.fields[f"{code}-note"] = forms.CharField(
                label=_("Note on %(competence)s") % {"competence": name}, required=False, max_length=NOTE_MAX,
                initial=effective.note)

    def clean(self):
        data = super().clean()
        for line in self.rows:
            code, effective = line.competence.code, line.effective
            note = (data.get(f"{code}-note") or "").strip()
            follows_norm = (data.get(f"{code}-level") == effective.norm_level
                            and data.get(f"{code}-importance") == effective.norm_importance)
            if note and note != effective.note and follows_norm:
                self.add_error(f"{code}-note", _("A note explains a deviation from the norm: change the "
                                                 "level or the importance too, or leave the note empty."))
        return data

    def changed_rows(self):
        """(line, level, importance, note) for every row that differs from what applies now."""
        for line in self.rows:
            code, effective = line.competence.code, line.effective
            level = self.cleaned_data[f"{code}-level"]
            importance = self.cleaned_data[f"{code}-importance"]
            note = self.cleaned_data[f"{code}-note"].strip()
            if (level, importance, note) != (effective.level, effective.importance, effective.note):
                yield line, level, importance, note


class CompetenceAddForm(forms.Form):
    """Add a competence the profile does not hold yet, with its level (and importance and note)."""

    def __init__(self, *args, competences, levels, with_note=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"] = forms.ChoiceField(
            label=_("Competence"), choices=[("", _("Choose a competence"))] + competences,
            error_messages={"invalid_choice": _("Choose a competence of the framework that the profile does "
                                                "not hold yet."),
                            "required": _("Choose a competence.")})
        self.fields["level"] = _level_field(_("Level"), levels)
        self.fields["importance"] = _importance_field(_("Importance"))
        if with_note:
            self.fields["note"] = forms.CharField(label=_("Note"), required=False, max_length=NOTE_MAX)


class CompetenceCodeForm(forms.Form):
    """The competence a remove or restore button names."""

    competence = forms.CharField(max_length=20)


class AdaptationDescribeForm(forms.Form):
    local_name = forms.CharField(
        label=_("Local name"), max_length=200, required=False,
        help_text=_("The name your municipality uses for the role. Leave it empty to use the norm's name."))
    local_note = forms.CharField(
        label=_("Local note"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why and how your municipality adapts this profile."))


class TakeInForm(forms.Form):
    """One required keep-or-drop choice per conflict between a local change and the new norm."""

    def __init__(self, *args, conflicts, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = conflicts
        for conflict in conflicts:
            self.fields[conflict.field_name] = forms.ChoiceField(
                label=conflict.label, widget=forms.RadioSelect,
                choices=[("keep", _("Keep my change as a local change")), ("drop", _("Drop my change"))],
                error_messages={"required": _("Choose whether to keep or drop your change.")})

    def conflict_fields(self):
        return [(conflict, self[conflict.field_name]) for conflict in self.conflicts]

    def decisions(self) -> dict[int, str]:
        return {conflict.change_pk: self.cleaned_data[conflict.field_name] for conflict in self.conflicts}


class LocalProfileForm(forms.Form):
    name_da = forms.CharField(label=_("Name (Danish)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    slug = forms.CharField(
        label=_("Short name (slug)"), max_length=100, required=False,
        help_text=_("Lower-case letters, digits and hyphens; used in the job-code CSV. Leave it empty to "
                    "make it from the Danish name."))
    description_da = forms.CharField(label=_("Description (Danish)"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 4}))
    description_en = forms.CharField(label=_("Description (English)"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, national, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_da"].error_messages["required"] = _("Write the profile's Danish name.")
        self.fields["extends"] = forms.ChoiceField(
            label=_("Extends"), required=False, choices=[("", _("Nothing: start from scratch"))] + national,
            help_text=_("The profile holds everything the national profile requires (with your adaptation), "
                        "plus its own requirements."),
            error_messages={"invalid_choice": _("Choose a national profile of your norm.")})
        self.order_fields(["name_da", "name_en", "slug", "extends", "description_da", "description_en"])


class LocalRequirementsForm(RowTableForm):
    """A local profile's own requirements: level and importance per row."""

    columns = ("level", "importance")

    def __init__(self, *args, rows, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            name = f"{row.competence.code} {row.competence.title}"
            self.fields[f"{row.competence.code}-level"] = _level_field(
                _("Level for %(competence)s") % {"competence": name}, levels, row.requirement.level)
            self.fields[f"{row.competence.code}-importance"] = _importance_field(
                _("Importance of %(competence)s") % {"competence": name}, row.requirement.importance)

    def changed_rows(self):
        for row in self.rows:
            level = self.cleaned_data[f"{row.competence.code}-level"]
            importance = self.cleaned_data[f"{row.competence.code}-importance"]
            if (level, importance) != (row.requirement.level, row.requirement.importance):
                yield row, level, importance


class JobCodesForm(forms.Form):
    """One profile choice per job code in use."""

    def __init__(self, *args, rows, national, local, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        choices = [("", _("No profile")), (_("National profiles"), national)]
        if local:
            choices.append((_("Local profiles"), local))
        for row in rows:
            self.fields[self.field_name(row["job_code"])] = forms.ChoiceField(
                label=_("Profile for job code %(code)s") % {"code": row["job_code"]}, required=False,
                choices=choices, initial=str(row["profile"].pk) if row["profile"] else "",
                error_messages={"invalid_choice": _("Choose one of your municipality's profiles.")})

    @staticmethod
    def field_name(code: str) -> str:
        return "code-" + "_".join(code.split())

    def row_fields(self):
        return [(row, self[self.field_name(row["job_code"])]) for row in self.rows]

    def changed_rows(self):
        for row in self.rows:
            chosen = self.cleaned_data[self.field_name(row["job_code"])]
            current = str(row["profile"].pk) if row["profile"] else ""
            if chosen != current:
                yield row, int(chosen) if chosen else None


class JobCodesImportForm(forms.Form):
    """Upload a CSV to check; the checked content comes back in `data` (base64) to be imported for real."""

    file = forms.FileField(
        label=_("CSV file"), required=False,
        help_text=_("Semicolon-separated with the columns stillingskode and profil (the profile's short "
                    "name); stillingsbetegnelse is optional. The file replaces the whole mapping."))
    data = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        upload, encoded = cleaned.get("file"), cleaned.get("data")
        if upload is not None:
            if upload.size > MAX_CSV_BYTES:
                self.add_error("file", _("The file is larger than 1 MB."))
                return cleaned
            cleaned["content"] = upload.read()
        elif encoded:
            try:
                cleaned["content"] = base64.b64decode(encoded.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                self.add_error("file", _("Upload the file again."))
        else:
            self.add_error("file", _("Choose a CSV file."))
        return cleaned

    @staticmethod
    def encode(content: bytes) -> str:
        return base64.b64encode(content).decode("ascii")
