"""Personal links, their export, and what each link lets its holder do.

Every invitation has a link that DigiKomp alone gives to the person: in its own e-mails (invitation and
reminders) and on the person's "my surveys" page. Nobody else is ever shown it, so its holder is taken to be
the person, as with any link mailed to someone: the mailbox is the proof.

A municipality that must hand links out through its own channels (people without an e-mail address, a shared
computer in the canteen) exports them with `links_export`. An exported invitation gets a second, different
link; the e-mailed one keeps working as before. Whoever hands the exported link out holds it too, so it only
answers the questionnaire. The personal result, its PDF, the consent to share it, and answers saved but not
submitted need a proof that only the person has:

- "login": logged in as the user linked to the invitation's person;
- "code": a one-time code sent to the address the person had when invited (verification.py), which marks
  this browser session as verified, or gives an API client a short-lived verification value;
- the browser session that submitted the answers may read the result (not change the consent: whoever holds
  the link may have answered in the person's place) for PROOF_LIFETIME;
- saved answers are read back only by the browser that saved them last; anyone else starts over.

`page_access` and `api_access` decide this once per request, into a LinkAccess the views ask.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from digikomp.assessments.models import Campaign, Draft, Invitation
from digikomp.assessments.services import SurveyError
from digikomp.assessments.tokens import RESPONDENT, new_public_id, public_id_from, token_for
from digikomp.audit.models import log_action

MAILBOX, LOGIN, CODE = "mailbox", "login", "code"
PROOF_LIFETIME = timedelta(minutes=30)
SESSION_KEY = "digikomp.survey_links"
VERIFICATION_SALT = "digikomp.assessments.links.verification"
VERIFICATION_HEADER = "X-Survey-Verification"
SCOPE_WITHOUT_EMAIL, SCOPE_ALL = "without_email", "all"


# --- Links --------------------------------------------------------------------------------------------------


def resolve(token: str, related: tuple[str, ...] = ()) -> tuple[Invitation, bool] | None:
    """The invitation of a well-formed token and whether it is an exported (answer-only) link; None for
    anything else. One query."""
    public_id = public_id_from(token)  # a forged token stops here, before any query
    if public_id is None:
        return None
    invitation = (Invitation.objects.unscoped(RESPONDENT).select_related(*related)
                  .filter(Q(public_id=public_id) | Q(export_public_id=public_id)).first())
    if invitation is None:
        return None
    return invitation, invitation.export_public_id == public_id


def absolute(path: str) -> str:
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def exported_token(invitation: Invitation) -> str:
    assert invitation.export_public_id, "only an exported invitation has an exported link"
    return token_for(invitation.export_public_id)


def exported_link(invitation: Invitation) -> str:
    return absolute(reverse("survey:start", kwargs={"token": exported_token(invitation)}))


@transaction.atomic
def links_export(*, campaign: Campaign, scope: str, actor) -> tuple[list[Invitation], int]:
    """Give each invitation in `scope` its exported link and stamp it; log who exported how many.

    An invitation keeps the exported link it got the first time, so a second export lists the same links
    (they may be on paper already). Returns the invitations ordered by name, with person and unit, and how
    many were exported for the first time.
    """
    if scope not in (SCOPE_WITHOUT_EMAIL, SCOPE_ALL):
        raise SurveyError({"scope": _("Choose “%(without)s” or “%(all)s”.") % {
            "without": SCOPE_WITHOUT_EMAIL, "all": SCOPE_ALL}})
    if campaign.is_closed():
        raise SurveyError({"campaign": _("The campaign has closed; its links answer nothing any more.")})
    chosen = campaign.invitations.all()
    if scope == SCOPE_WITHOUT_EMAIL:
        chosen = chosen.filter(person__email="")
    # Locked, so two exports at once cannot give one invitation two different links.
    invitations = list(chosen.select_for_update(of=("self",)).select_related("person", "unit")
                       .order_by("person__name", "pk"))
    now = timezone.now()
    fresh = [invitation for invitation in invitations if not invitation.export_public_id]
    for invitation in fresh:
        invitation.export_public_id = new_public_id()
        invitation.links_exported_at = now
    Invitation.objects.bulk_update(fresh, ["export_public_id", "links_exported_at"], batch_size=1000)
    log_action("campaign.links_export", actor=actor, municipality=campaign.municipality, obj=campaign,
               data={"scope": scope, "links": len(invitations), "new": len(fresh)})
    return invitations, len(fresh)


# --- What a request may do through a link -------------------------------------------------------------------


@dataclass(frozen=True)
class LinkAccess:
    invitation: Invitation
    answer_only: bool  # reached through an exported link
    proof: str | None  # MAILBOX, LOGIN or CODE: the requester is the person; None: not shown
    submitted_here: bool = False  # this browser session submitted the answers, within PROOF_LIFETIME
    draft_key: str = ""  # the key of this browser's last save of the draft

    @property
    def can_read_result(self) -> bool:
        return self.proof is not None or self.submitted_here

    @property
    def can_change_consent(self) -> bool:
        return self.proof is not None

    def can_read_draft(self, draft: Draft | None) -> bool:
        if draft is None or self.proof is not None:
            return True
        return bool(self.draft_key) and constant_time_compare(draft.writer, self.draft_key)


def _login_proof(user, invitation: Invitation) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active
                and user.person_id is not None and user.person_id == invitation.person_id)


def _entry(session, invitation: Invitation) -> dict:
    return session.get(SESSION_KEY, {}).get(str(invitation.pk), {})


def _remember(session, invitation: Invitation, **values) -> None:
    links = session.get(SESSION_KEY, {})
    links.setdefault(str(invitation.pk), {}).update(values)
    session[SESSION_KEY] = links
    session.modified = True


def page_access(request, invitation: Invitation, answer_only: bool) -> LinkAccess:
    if not answer_only:
        return LinkAccess(invitation, False, MAILBOX)
    entry = _entry(request.session, invitation)
    now = time.time()
    if _login_proof(request.user, invitation):
        proof = LOGIN
    elif entry.get(CODE, 0) > now:
        proof = CODE
    else:
        proof = None
    return LinkAccess(invitation, True, proof, submitted_here=entry.get("submitted", 0) > now,
                      draft_key=entry.get("draft", ""))


def remember_code(request, invitation: Invitation) -> None:
    """This browser proved with a code that it is the person's, for PROOF_LIFETIME."""
    request.session.cycle_key()  # a new session id for a session that now proves something
    _remember(request.session, invitation, **{CODE: time.time() + PROOF_LIFETIME.total_seconds()})


def remember_submission(request, invitation: Invitation) -> None:
    _remember(request.session, invitation, submitted=time.time() + PROOF_LIFETIME.total_seconds())


def new_draft_key() -> str:
    return secrets.token_hex(16)


def remember_draft(request, invitation: Invitation, key: str) -> None:
    """This browser saved the draft with `key`: it, and only it, reads the draft back."""
    _remember(request.session, invitation, draft=key)


def verification_for(invitation: Invitation) -> tuple[str, datetime]:
    """The API's proof after a right code: a signed value naming the invitation, valid for PROOF_LIFETIME."""
    value = signing.dumps({"invitation": invitation.pk}, salt=VERIFICATION_SALT)
    return value, timezone.now() + PROOF_LIFETIME


def api_access(request, invitation: Invitation, answer_only: bool) -> LinkAccess:
    """The API has no session: the proofs are the person's own token login or a verification value."""
    if not answer_only:
        return LinkAccess(invitation, False, MAILBOX)
    if _login_proof(getattr(request, "user", None), invitation):
        return LinkAccess(invitation, True, LOGIN)
    value = request.headers.get(VERIFICATION_HEADER, "")
    if value:
        try:
            data = signing.loads(value, salt=VERIFICATION_SALT, max_age=PROOF_LIFETIME)
        except signing.BadSignature:
            data = None
        if isinstance(data, dict) and data.get("invitation") == invitation.pk:
            return LinkAccess(invitation, True, CODE)
    return LinkAccess(invitation, True, None)
