"""The account e-mails: the invitation of a new user and the password-reset link. Both carry a single-use,
expiring link (tokens.py), are made by a background task (tasks.py) from the user's id only, and are written in
Danish with the English text below, as DigiKomp's other e-mails."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from digikomp.accounts.models import User
from digikomp.accounts.tokens import invitation_tokens, reset_tokens
from digikomp.tenancy.roles import Role


def _link(url_name: str, user: User, token: str) -> str:
    path = reverse(url_name, kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token})
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def _message(user: User, template: str, context: dict) -> EmailMultiAlternatives:
    with translation.override("da"):  # Danish first; the template adds the English text below
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email],
                                  headers={"Auto-Submitted": "auto-generated"})


def invitation_message(user: User) -> EmailMultiAlternatives:
    with translation.override("da"):
        roles_da = [str(Role(a.role).label) for a in user.role_assignments.order_by("role")]
    with translation.override("en"):
        roles_en = [str(Role(a.role).label) for a in user.role_assignments.order_by("role")]
    context = {"user": user, "link": _link("accounts:invitation", user, invitation_tokens.make_token(user)),
               "municipality": user.municipality, "roles_da": ", ".join(roles_da),
               "roles_en": ", ".join(roles_en), "days": invitation_tokens.timeout // (24 * 60 * 60),
               "login": settings.DIGIKOMP_BASE_URL.rstrip("/") + reverse("accounts:login")}
    return _message(user, "invitation", context)


def reset_message(user: User) -> EmailMultiAlternatives:
    context = {"user": user, "link": _link("accounts:password_reset_confirm", user, reset_tokens.make_token(user)),
               "minutes": reset_tokens.timeout // 60}
    return _message(user, "reset", context)
