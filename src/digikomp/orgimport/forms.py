"""The upload form: several files in one field (Django's documented MultipleFileField recipe); the confirmation
of a preview."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digikomp.orgimport.deactivation import Deactivation

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


class ConfirmForm(forms.Form):
    """The confirmation of a previewed import. Above the threshold (deactivation.py) it needs the checkbox that
    names the numbers; the checkbox carries them, so that ticking it on a page that showed other numbers
    confirms nothing."""

    deactivation = forms.CharField(required=False)

    def __init__(self, *args, deactivation: Deactivation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = deactivation if deactivation is not None and deactivation.exceeds() else None

    @property
    def asks(self) -> bool:
        return self.expected is not None

    def clean_deactivation(self) -> Deactivation | None:
        value = self.cleaned_data["deactivation"]
        if self.expected is None:
            return None
        if not value:
            raise forms.ValidationError(
                _("Tick the box to confirm that the import deactivates %(what)s."),
                params={"what": self.expected.describe()}, code="required")
        if value != self.expected.token:
            raise forms.ValidationError(
                _("The numbers have changed since the page was shown. Check them and tick the box again."),
                code="changed")
        return self.expected
