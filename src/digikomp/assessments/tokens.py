"""Personal survey links: `<public_id>.<signature>`.

public_id is 16 random bytes (unguessable on its own); the signature is an HMAC of it under SECRET_KEY, so a
guessed or mangled token is rejected before any database lookup and a leaked database does not yield links.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

SALT = b"digikomp.assessments.invitation"

# The survey is answered through the personal link: the invitation it names is the respondent's access, so the
# rows of that one invitation are read and written by it, whatever the municipality.
RESPONDENT = "the respondent's own invitation, named by their personal link (the link is the access)"


def new_public_id() -> str:
    return secrets.token_urlsafe(16)


def _signature(public_id: str) -> str:
    key = hashlib.sha256(SALT + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, public_id.encode(), hashlib.sha256).hexdigest()[:32]


def token_for(public_id: str) -> str:
    return f"{public_id}.{_signature(public_id)}"


def public_id_from(token: str) -> str | None:
    """The public id of a well-formed, correctly signed token; None for anything else."""
    # Tokens are ASCII (URL-safe base64 and hex); hmac.compare_digest refuses to compare non-ASCII strings.
    if not isinstance(token, str) or not token.isascii() or token.count(".") != 1 or len(token) > 100:
        return None
    public_id, signature = token.split(".")
    if not public_id or not hmac.compare_digest(signature, _signature(public_id)):
        return None
    return public_id
