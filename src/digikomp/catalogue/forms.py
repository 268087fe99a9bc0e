"""The case form municipal users (and editors) fill in, with its figures, images and attachments as formsets.

Works without JavaScript: each formset shows a few empty rows; a row left empty is ignored, and rows are removed
with their "remove" box.
"""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from digikomp.catalogue.models import Case, CaseAttachment, CaseFigure, CaseImage, EffortType, TargetGroup
from digikomp.catalogue.selectors import national_areas
from digikomp.lib.ids import ModelMultipleIdField
from digikomp.tenancy.models import Municipality

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class GroupedTargetGroupField(ModelMultipleIdField):
    def label_from_instance(self, obj):
        return obj.name


class CaseForm(forms.ModelForm):
    municipalities = ModelMultipleIdField(
        Municipality.objects.order_by("name"), label=_("Municipalities"),
        help_text=_("Your municipality and any others that took part. Hold Ctrl (⌘ on Mac) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}))
    target_groups = GroupedTargetGroupField(TargetGroup.objects.all(), label=_("Target groups"),
                                            widget=forms.CheckboxSelectMultiple)
    effort_types = GroupedTargetGroupField(EffortType.objects.all(), label=_("Types of effort"),
                                           widget=forms.CheckboxSelectMultiple)
    areas = forms.MultipleChoiceField(label=_("Competence areas of the national model"), required=False,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Case
        fields = ["title", "summary", "body", "results", "period_start", "period_end", "contact_name",
                  "contact_email", "contact_phone"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = [(code, f"{code} {area.title}") for code, area in national_areas().items()]
        if self.instance.pk:
            self.initial.setdefault("municipalities", list(self.instance.municipalities.all()))
            self.initial.setdefault("target_groups", list(self.instance.target_groups.all()))
            self.initial.setdefault("effort_types", list(self.instance.effort_types.all()))
            self.initial.setdefault("areas", self.instance.area_codes)
        elif municipality is not None:
            self.initial.setdefault("municipalities", [municipality])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end cannot be before the start."))
        return cleaned


def _limit_size(upload):
    if upload and getattr(upload, "size", 0) > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is larger than 20 MB."))
    return upload


class ImageForm(forms.ModelForm):
    class Meta:
        model = CaseImage
        fields = ["image", "alt_text", "caption"]

    def clean_image(self):
        return _limit_size(self.cleaned_data.get("image"))


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = CaseAttachment
        fields = ["file", "title"]

    def clean_file(self):
        return _limit_size(self.cleaned_data.get("file"))


FigureFormSet = inlineformset_factory(Case, CaseFigure, fields=["label", "value"], extra=3, can_delete=True,
                                      max_num=12)
ImageFormSet = inlineformset_factory(Case, CaseImage, form=ImageForm, extra=2, can_delete=True, max_num=8)
AttachmentFormSet = inlineformset_factory(Case, CaseAttachment, form=AttachmentForm, extra=2, can_delete=True,
                                          max_num=8)


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comment to the municipality"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
