"""The tokens in the links of DigiKomp's account e-mails: Django's password-reset tokens, two kinds.

A token is a keyed hash of the user's state at the time it was made (password hash, last login, e-mail, active
or not) and a timestamp. Setting a password changes the hash, so a link works once; deactivating the user voids
it too; and it expires after its kind's timeout (settings PASSWORD_RESET_TIMEOUT for a reset,
DIGIKOMP_INVITATION_TIMEOUT for an invitation). Nothing is stored: a link is checked by making the token again.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class _Tokens(PasswordResetTokenGenerator):
    timeout_setting = "PASSWORD_RESET_TIMEOUT"

    @property
    def timeout(self) -> int:
        return int(getattr(settings, self.timeout_setting))

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{int(bool(user.is_active))}"

    def check_token(self, user, token) -> bool:
        """Django's check with this kind's timeout (Django's own reads PASSWORD_RESET_TIMEOUT only)."""
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
                   for secret in [self.secret, *self.secret_fallbacks]):
            return False
        return 0 <= self._num_seconds(self._now()) - timestamp <= self.timeout


class ResetTokens(_Tokens):
    key_salt = "digikomp.accounts.tokens.ResetTokens"


class InvitationTokens(_Tokens):
    key_salt = "digikomp.accounts.tokens.InvitationTokens"
    timeout_setting = "DIGIKOMP_INVITATION_TIMEOUT"


reset_tokens = ResetTokens()
invitation_tokens = InvitationTokens()
