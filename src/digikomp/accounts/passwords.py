"""Passwords without the command line: "Forgot your password?" (an e-mailed link that works once, for
PASSWORD_RESET_TIMEOUT), accepting an invitation (the same, with DIGIKOMP_INVITATION_TIMEOUT) and "Change
password" for a logged-in user. Django's own views and forms, with our templates, tokens and audit entries.

The reset form answers the same whether or not the address belongs to an account, so it cannot be used to find
out who has one. It is throttled twice: at most RESET_LIMIT_PER_ADDRESS requests per hour from one client
address (then the form says to wait, whatever the address typed), and at most RESET_MAILS_PER_ACCOUNT e-mails
per hour to one account (later requests are answered as usual, and no e-mail is sent), so nobody can flood a
mailbox. Deactivated users and users without a password (an invitation not yet accepted) get no e-mail.
"""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_ip_address
from axes.utils import reset as axes_reset
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digikomp.accounts.models import PasswordResetRequest, User
from digikomp.accounts.tokens import invitation_tokens, reset_tokens
from digikomp.audit.models import log_action

RESET_LIMIT_PER_ADDRESS = 20
RESET_MAILS_PER_ACCOUNT = 3
WINDOW = timedelta(hours=1)


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=gettext_lazy("E-mail"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"required": gettext_lazy("Write the e-mail address of your DigiKomp account."),
                        "invalid": gettext_lazy("Write an e-mail address such as name@example.dk.")},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def _address(self) -> str | None:
        return get_client_ip_address(self.request) if self.request is not None else None

    def clean(self):
        cleaned = super().clean()
        since = timezone.now() - WINDOW
        if PasswordResetRequest.objects.filter(ip_address=self._address(), at__gte=since).count() \
                >= RESET_LIMIT_PER_ADDRESS:
            raise ValidationError(_("Too many requests for a new password came from your network. Please wait an "
                                    "hour and try again."))
        return cleaned

    def save(self, **_django_options) -> None:
        """Record the request and queue the e-mail for each active account with a password at the address
        (Django's get_users); the answer is the same whatever is found."""
        from digikomp.accounts.tasks import send_password_reset

        now = timezone.now()
        address = self._address()
        PasswordResetRequest.objects.filter(at__lt=now - timedelta(days=1)).delete()
        users = list(self.get_users(self.cleaned_data["email"].strip().lower()))
        for user in users:
            mails = PasswordResetRequest.objects.filter(user=user, at__gte=now - WINDOW).count()
            PasswordResetRequest.objects.create(at=now, ip_address=address, user=user)
            if mails < RESET_MAILS_PER_ACCOUNT:
                log_action("user.password_reset_requested", municipality=user.municipality, obj=user,
                           data={"email": user.email})
                send_password_reset.enqueue(user.pk)
        if not users:
            PasswordResetRequest.objects.create(at=now, ip_address=address)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "minutes": reset_tokens.timeout // 60}


class _SetPasswordFromLink(auth_views.PasswordResetConfirmView):
    """Django's confirm view (it moves the token out of the address before the form is shown), refusing a
    deactivated user, with an audit entry once the password is set."""

    template_name = "accounts/password_set.html"
    action = ""
    heading = ""

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading,
                "invitation": self.action == "user.invitation_accepted"}

    def form_valid(self, form):
        response = super().form_valid(form)
        # The new password ends a lockout after failed logins, as a successful login would (AXES_RESET_ON_SUCCESS):
        # only the mailbox's owner got here.
        axes_reset(username=self.user.email)
        log_action(self.action, actor=self.user, municipality=self.user.municipality, obj=self.user,
                   data={"email": self.user.email})
        return response


class PasswordResetConfirmView(_SetPasswordFromLink):
    token_generator = reset_tokens
    success_url = reverse_lazy("accounts:password_reset_complete")
    action = "user.password_reset"
    heading = gettext_lazy("Choose a new password")


class InvitationView(_SetPasswordFromLink):
    token_generator = invitation_tokens
    success_url = reverse_lazy("accounts:invitation_complete")
    action = "user.invitation_accepted"
    heading = gettext_lazy("Welcome to DigiKomp: choose your password")


class PasswordSetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_set_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session logged in; other sessions end
        user: User = form.user
        log_action("user.password_changed", actor=user, municipality=user.municipality, obj=user,
                   data={"email": user.email})
        messages.success(self.request, _("Your password is changed."))
        return response
