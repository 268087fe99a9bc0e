"""Forms of the framework editor pages. They validate what a person typed (codes unique in the version, an
area not under itself, URIs that are URIs) with messages next to the field; the services check again and
own the rules about published versions."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator, URLValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from digikomp.frameworks.editor.selectors import digcomp_choices
from digikomp.frameworks.editor.services import DESCRIPTOR_FIELDS
from digikomp.frameworks.models import Area, Competence, Descriptor, FrameworkVersion, ProficiencyLevel
from digikomp.lib.i18n import localized

MAX_PACKAGE_BYTES = 20 * 1024 * 1024

version_label_validator = RegexValidator(
    r"^[0-9][0-9A-Za-z.\-]*$",
    _("Start with a digit and use only digits, letters, dots and hyphens, e.g. 1.1 or 2025-1."),
)


def short_text():
    return forms.Textarea(attrs={"rows": 3})


class EditorFormMixin:
    """No colon after labels: the label is a sentence of its own, and the colon is read aloud."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class FieldsOnlyModelForm(EditorFormMixin, forms.ModelForm):
    """A ModelForm for its fields, labels and widgets only: it leaves the instance alone, because the service
    assigns, validates (full_clean) and saves, and records which fields changed."""

    def _post_clean(self):
        pass


class VersionCreateForm(EditorFormMixin, forms.Form):
    version_label = forms.CharField(
        label=_("Version label"),
        max_length=20,
        validators=[version_label_validator],
        help_text=_("The new version starts as a copy of the latest published version."),
    )


class VersionForm(FieldsOnlyModelForm):
    class Meta:
        model = FrameworkVersion
        fields = [
            "title_da",
            "title_en",
            "description_da",
            "description_en",
            "attribution_da",
            "attribution_en",
            "license",
        ]
        widgets = {
            "description_da": short_text(),
            "description_en": short_text(),
            "attribution_da": short_text(),
            "attribution_en": short_text(),
        }
        help_texts = {"license": _("For example CC BY 4.0, or the licence's URL.")}


class AreaForm(FieldsOnlyModelForm):
    class Meta:
        model = Area
        fields = ["code", "title_da", "title_en", "description_da", "description_en", "parent", "position"]
        widgets = {"description_da": short_text(), "description_en": short_text()}
        labels = {"parent": _("Placed under"), "position": _("Position")}
        help_texts = {
            "position": _("Areas with a lower number come first among their siblings."),
            "parent": _("Leave empty for a top-level area."),
        }

    def __init__(self, *args, version: FrameworkVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        candidates = version.areas.all()
        if self.instance.pk:
            candidates = candidates.exclude(pk__in={self.instance.pk, *self._descendants()})
        self.fields["parent"].queryset = candidates
        self.fields["parent"].empty_label = _("(top level)")
        self.fields["position"].required = False

    def _descendants(self) -> set[int]:
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in self.version.areas.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, frontier = set(), [self.instance.pk]
        while frontier:
            frontier = [c for pk in frontier for c in children.get(pk, []) if c not in found]
            found.update(frontier)
        return found

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.version.areas.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another area in this version has the code %(code)s."), params={"code": code}
            )
        return code

    def clean_position(self):
        position = self.cleaned_data.get("position")
        if position is None:
            return self.instance.position if self.instance.pk else _next_position(self.version)
        return position


def _next_position(version: FrameworkVersion) -> int:
    positions = [
        *version.areas.values_list("position", flat=True),
        *version.competences.values_list("position", flat=True),
    ]
    return max(positions, default=0) + 1


class CompetenceForm(FieldsOnlyModelForm):
    digcomp = forms.MultipleChoiceField(
        label=_("DigComp 2.2 competences"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The DigComp 2.2 competences this competence covers."),
    )
    esco = forms.CharField(
        label=_("ESCO URIs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One ESCO skill URI per line, e.g. http://data.europa.eu/esco/skill/…"),
    )

    class Meta:
        model = Competence
        fields = [
            "code",
            "title_da",
            "title_en",
            "description_da",
            "description_en",
            "area",
            "position",
            "generic",
        ]
        widgets = {"description_da": short_text(), "description_en": short_text()}
        labels = {"area": _("Area"), "position": _("Position")}
        help_texts = {"position": _("Competences with a lower number come first in their area.")}

    def __init__(self, *args, version: FrameworkVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["area"].queryset = version.areas.all()
        self.fields["area"].empty_label = _("(choose an area)")
        self.fields["position"].required = False
        current = list(self.instance.digcomp_codes or []) if self.instance.pk else []
        choices = digcomp_choices()
        if choices:
            known = {code for code, _label in choices}
            # Codes that came in with an import but are not (or no longer) in DigComp stay choosable, so
            # saving the form never drops them silently.
            self.fields["digcomp"].choices = choices + [(code, code) for code in current if code not in known]
            self.fields["digcomp"].initial = current
        else:
            self.fields["digcomp"] = forms.CharField(
                label=_("DigComp 2.2 codes"),
                required=False,
                help_text=_(
                    "Comma-separated codes, e.g. 1.1, 4.2 (DigComp 2.2 is not loaded, so there is no list "
                    "to choose from)."
                ),
                initial=", ".join(current),
            )
        self.fields["esco"].initial = "\n".join(self.instance.esco_uris or []) if self.instance.pk else ""

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.version.competences.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Another competence in this version has the code %(code)s."), params={"code": code}
            )
        return code

    def clean_position(self):
        position = self.cleaned_data.get("position")
        if position is None:
            return self.instance.position if self.instance.pk else _next_position(self.version)
        return position

    def clean_digcomp(self):
        value = self.cleaned_data["digcomp"]
        if isinstance(value, str):
            value = [code.strip() for code in value.split(",")]
        return list(dict.fromkeys(code for code in value if code))

    def clean_esco(self):
        uris = [line.strip() for line in self.cleaned_data["esco"].splitlines() if line.strip()]
        check = URLValidator(schemes=["http", "https"])
        for number, uri in enumerate(uris, start=1):
            try:
                check(uri)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line %(line)s is not a URI: %(value)s"), params={"line": number, "value": uri}
                ) from None
        return list(dict.fromkeys(uris))

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**data, "digcomp_codes": self.cleaned_data["digcomp"], "esco_uris": self.cleaned_data["esco"]}


class CompetenceRemoveForm(EditorFormMixin, forms.Form):
    replaced_by = forms.ModelChoiceField(
        label=_("Replaced by"),
        queryset=Competence.objects.none(),
        required=False,
        empty_label=_("(not replaced)"),
        help_text=_(
            "If the competence was merged into another, choose it: profiles and surveys that refer to the "
            "removed competence then know its successor."
        ),
    )

    def __init__(self, *args, competence: Competence, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = competence.version.competences.exclude(pk=competence.pk)


class LevelForm(FieldsOnlyModelForm):
    class Meta:
        model = ProficiencyLevel
        fields = ["value", "name_da", "name_en", "band_da", "band_en", "description_da", "description_en"]
        widgets = {"description_da": short_text(), "description_en": short_text()}
        help_texts = {"value": _("The level's number on the scale; higher means more proficient.")}

    def __init__(self, *args, version: FrameworkVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value < 1:
            raise forms.ValidationError(_("Levels are numbered from 1."))
        if self.version.levels.filter(value=value).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("The scale already has a level %(value)s."), params={"value": value}
            )
        return value


class DescriptorForm(EditorFormMixin, forms.Form):
    """The descriptor of one competence at one level; the page has one of these per level (prefix level-N)."""

    def __init__(self, *args, level: ProficiencyLevel, **kwargs):
        kwargs.setdefault("prefix", f"level-{level.value}")
        super().__init__(*args, **kwargs)
        self.scale_level = level
        self.level_description = localized(level, "description")
        for name in DESCRIPTOR_FIELDS:
            self.fields[name] = forms.CharField(
                label=capfirst(Descriptor._meta.get_field(name).verbose_name),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3 if name.startswith("text") else 2}),
            )

    def clean(self):
        cleaned = super().clean()
        if (
            any((cleaned.get(name) or "").strip() for name in DESCRIPTOR_FIELDS)
            and not (cleaned.get("text_da") or "").strip()
        ):
            self.add_error("text_da", _("Write the Danish description, or empty every field of this level."))
        return cleaned

    def summary_label(self, bound) -> str:
        """The error summary names the level too: every level's form has the same fields."""
        return _("Level %(value)s") % {"value": self.scale_level.value} + f", {bound.label}"


class PublishForm(EditorFormMixin, forms.Form):
    changelog_da = forms.CharField(
        label=_("Changelog (Danish)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What changed since the previous version, for the public."),
    )
    changelog_en = forms.CharField(
        label=_("Changelog (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CaseImportForm(EditorFormMixin, forms.Form):
    package = forms.FileField(
        label=_("CASE package (JSON)"),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
        help_text=_("A 1EdTech CASE CFPackage: CFDocument, CFItems, CFAssociations and CFRubrics."),
    )
    slug = forms.SlugField(
        label=_("Framework slug"),
        required=False,
        max_length=100,
        help_text=_(
            "Leave empty to use the framework named in the package. A new slug creates a new framework."
        ),
    )

    def clean_package(self):
        upload = self.cleaned_data["package"]
        if upload.size > MAX_PACKAGE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."), params={"size": MAX_PACKAGE_BYTES // (1024 * 1024)}
            )
        return upload
