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


class _AnyChoices(forms.MultipleChoiceField):
    """Ticked values pass to the service, which names what is wrong with them (a role that may not be handed
    out here, a unit of another municipality) in words the field's generic message would not."""

    def valid_value(self, value) -> bool:
        return True


class UserForm(forms.Form):
    """Invite a user, or change one: name, e-mail (invitations only), roles, and for a municipality's users the
    units a manager leads and the imported person the user is. The searches fill the pickers without saving
    (the button "Search" re-shows the form), so the page works without JavaScript."""

    full_name = forms.CharField(label=_("Name"), max_length=200, required=False,
                                widget=forms.TextInput(attrs={"autocomplete": "off"}))
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False,
                            widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    roles = _AnyChoices(label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple)
    units = _AnyChoices(label=_("Units the manager leads"), required=False, widget=forms.CheckboxSelectMultiple)
    unit_q = forms.CharField(label=_("Find a unit by name"), max_length=100, required=False,
                             widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))
    person = forms.CharField(label=_("Employee record"), max_length=100, required=False)
    person_q = forms.CharField(label=_("Find the person by name or employee number"), max_length=100,
                               required=False,
                               widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))

    def __init__(self, *args, role_choices, inviting: bool, municipal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = role_choices
        if not inviting:
            del self.fields["email"]
        if not municipal:
            for name in ("units", "unit_q", "person", "person_q"):
                del self.fields[name]

    def value_list(self, name: str) -> list[str]:
        if name not in self.fields:
            return []
        if self.is_bound:
            return [v for v in self.data.getlist(name) if v]
        return [str(v) for v in self.initial.get(name, [])]

    def value(self, name: str) -> str:
        if name not in self.fields:
            return ""
        if self.is_bound:
            return str(self.data.get(name, "")).strip()
        return str(self.initial.get(name) or "")

    # The error summary links the pickers' errors to their headings (the pickers are lists of choices).
    SUMMARY_ANCHORS = {"roles": "id_roles_0", "units": "units-heading", "person": "person-heading"}

    def summary_anchor(self, bound) -> str:
        return self.SUMMARY_ANCHORS.get(bound.name, bound.auto_id)
