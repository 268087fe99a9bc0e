"""The login form: e-mail and password."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def clean_username(self) -> str:
        # Addresses are stored in lower case; normalising here also makes "Anna@..." and "anna@..." count as
        # the same account for the lockout after failed attempts.
        return self.cleaned_data["username"].strip().lower()
