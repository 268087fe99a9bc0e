"""The upload form: several files in one field (Django's documented MultipleFileField recipe)."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_FILES = 10


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, (list, tuple)):
            # The recipe in Django's docs lets an empty list through; a required field must refuse it.
            if not data and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)]


class UploadForm(forms.Form):
    # Not "files": that name would hide Form.files (the uploaded files) in templates.
    upload = MultipleFileField(
        label=_("Files"),
        help_text=_("The five plan2learn files of an OS2mo export, a ZIP file holding them, or one file in "
                    "the DigiKomp template (CSV or XLSX)."),
    )

    def clean_upload(self):
        files = self.cleaned_data["upload"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Choose at most %(count)d files."), params={"count": MAX_FILES})
        return files
