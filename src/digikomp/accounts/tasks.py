"""Background tasks of accounts: the invitation and the password-reset e-mails (django-tasks).

The arguments the queue stores are the user's id, never a link: the token is made here, when the e-mail is
sent, so no secret rests in the task table."""

from __future__ import annotations

from django_tasks import task

from digikomp.accounts.mail import invitation_message, reset_message
from digikomp.accounts.models import User


@task()
def send_invitation(user_id: int) -> bool:
    """E-mail the link where an invited user sets their password; nothing for a user who has one already."""
    user = User.objects.select_related("municipality").filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return False
    invitation_message(user).send()
    return True


@task()
def send_password_reset(user_id: int) -> bool:
    """E-mail a password-reset link; nothing for a deactivated user or one without a password."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    reset_message(user).send()
    return True
