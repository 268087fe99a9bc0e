"""Writes the respondent makes after submitting: the consent to share the personal result with the manager."""

from __future__ import annotations

from digikomp.assessments.models import Response
from digikomp.audit.models import log_action


def response_consent_set(*, response: Response, share: bool, proof: str, actor=None) -> Response:
    """Switch sharing on or off. Only the person may (links.LinkAccess.can_change_consent); `proof` says how
    they showed it was them ("mailbox", "login" or "code"). Logged without any answer, so a consent can be
    shown to have been given, and how."""
    if response.share_with_manager == share:
        return response
    response.share_with_manager = share
    response.save(update_fields=["share_with_manager"])
    log_action("response.consent", actor=actor, municipality=response.campaign.municipality, obj=response,
               data={"share_with_manager": share, "proof": proof})
    return response
