"""Forms of the release editor: a new release, a national profile's texts, its requirements table (a
formset: one row per requirement plus empty rows to add), a new profile and the publishing changelog."""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.utils.translation import gettext_lazy as _

from digikomp.frameworks.editor.forms import EditorFormMixin, FieldsOnlyModelForm, version_label_validator
from digikomp.frameworks.models import FrameworkVersion
from digikomp.profiles.models import Importance, NormRelease, Profile, ProfileRevision


class ReleaseCreateForm(EditorFormMixin, forms.Form):
    version = forms.CharField(
        label=_("Release version"),
        max_length=20,
        validators=[version_label_validator],
        help_text=_("The draft starts as a copy of every profile in the latest release."),
    )
    framework_version = forms.ModelChoiceField(
        label=_("Version of the competence model"),
        queryset=FrameworkVersion.objects.none(),
        empty_label=None,
        required=False,
        help_text=_("The published model version the release's requirements refer to."),
    )

    def __init__(self, *args, framework_versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework_version"].queryset = framework_versions
        self.fields["framework_version"].label_from_instance = lambda v: f"{v.title} {v.version}"

    def clean_framework_version(self):
        # Not chosen (a client that only names the release): the latest published version of the model.
        chosen = (
            self.cleaned_data.get("framework_version") or self.fields["framework_version"].queryset.first()
        )
        if chosen is None:
            raise forms.ValidationError(_("Publish a version of the competence model first."))
        return chosen

    def clean_version(self):
        version = self.cleaned_data["version"]
        if NormRelease.objects.filter(version=version).exists():
            raise forms.ValidationError(_("Release %(version)s already exists."), params={"version": version})
        return version


class RevisionForm(FieldsOnlyModelForm):
    esco_uri = forms.URLField(
        label=_("ESCO occupation"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("The ESCO occupation URI, e.g. http://data.europa.eu/esco/occupation/…"),
    )
    job_titles = forms.CharField(
        label=_("Typical job titles"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One job title per line."),
    )

    class Meta:
        model = ProfileRevision
        fields = [
            "name_da",
            "name_en",
            "description_da",
            "description_en",
            "extends",
            "esco_uri",
            "esco_title",
        ]
        widgets = {
            "description_da": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"extends": _("The profile's requirements add to those of the profile it extends.")}

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extends"].queryset = candidates
        self.fields["extends"].empty_label = _("(extends no profile)")
        self.fields["extends"].label_from_instance = _profile_label(self.instance.release)
        self.initial["job_titles"] = "\n".join(self.instance.job_titles or [])

    def clean_job_titles(self):
        return list(
            dict.fromkeys(
                line.strip() for line in self.cleaned_data["job_titles"].splitlines() if line.strip()
            )
        )


def _profile_label(release):
    """Profiles are listed by their name in the release being edited, not by their slug."""
    names = dict(release.revisions.values_list("profile_id", "name_da")) if release else {}
    return lambda profile: names.get(profile.pk, profile.slug)


class RequirementForm(EditorFormMixin, forms.Form):
    competence = forms.ChoiceField(label=_("Competence"))
    level = forms.TypedChoiceField(label=_("Required level"), coerce=int)
    importance = forms.ChoiceField(
        label=_("Importance"), choices=Importance.choices, initial=Importance.ESSENTIAL
    )

    def __init__(self, *args, competences, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [("", _("(choose a competence)")), *competences]
        self.fields["level"].choices = [("", _("(choose a level)")), *levels]


class BaseRequirementFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            competence = form.cleaned_data["competence"]
            if competence in seen:
                form.add_error("competence", _("This competence is already in the table."))
            seen.add(competence)

    def rows(self) -> list[tuple[UUID, int, str]]:
        return [
            (UUID(f.cleaned_data["competence"]), f.cleaned_data["level"], f.cleaned_data["importance"])
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


RequirementFormSet = forms.formset_factory(
    RequirementForm, formset=BaseRequirementFormSet, extra=3, can_delete=True
)


class ProfileCreateForm(EditorFormMixin, forms.Form):
    slug = forms.SlugField(
        label=_("Short name in addresses (slug)"),
        max_length=100,
        help_text=_("Lower-case letters, digits and hyphens, e.g. tandplejer."),
    )
    name_da = forms.CharField(label=_("Name (Danish)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    extends = forms.ModelChoiceField(
        label=_("Extends"),
        queryset=Profile.objects.none(),
        required=False,
        empty_label=_("(extends no profile)"),
    )

    def __init__(self, *args, release, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extends"].queryset = candidates
        self.fields["extends"].label_from_instance = _profile_label(release)


class ReleasePublishForm(EditorFormMixin, forms.Form):
    changelog_da = forms.CharField(
        label=_("Changelog (Danish)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What changed in the profiles since the previous release."),
    )
    changelog_en = forms.CharField(
        label=_("Changelog (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
