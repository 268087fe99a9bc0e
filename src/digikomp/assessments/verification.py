"""One-time codes: the proof, for an exported link, that whoever holds it is the person (see links.py).

A code is asked for through the link. The task worker makes it, stores only a keyed hash (a leaked database
yields no code) and e-mails it to the address the person had when invited (`Invitation.email`), so a later
change of the organisation data cannot send it elsewhere. A code works for CODE_LIFETIME, once, with
MAX_ATTEMPTS tries; a new code voids the earlier ones. At most MAX_CODES_PER_HOUR are made per invitation, so a
link holder can neither flood the person's mailbox nor guess: 25 tries an hour against a million codes.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digikomp.assessments.models import Invitation, VerificationCode
from digikomp.assessments.services import SurveyError
from digikomp.assessments.tokens import RESPONDENT

CODE_LIFETIME = timedelta(minutes=15)
MAX_ATTEMPTS = 5
MAX_CODES_PER_HOUR = 5
DIGITS = 6
SALT = "digikomp.assessments.verification"


class TooManyCodes(SurveyError):
    """The hourly limit of codes for one invitation is reached."""


def digest(code_id: int, code: str) -> str:
    return salted_hmac(SALT, f"{code_id}:{code}", algorithm="sha256").hexdigest()


def new_code() -> str:
    return f"{secrets.randbelow(10 ** DIGITS):0{DIGITS}d}"


def code_request(*, invitation: Invitation) -> VerificationCode:
    """Queue a new code for the person's e-mail; raises SurveyError when none can be sent now."""
    from digikomp.assessments.tasks import send_code

    if not invitation.email:
        raise SurveyError({"email": _("The municipality had no e-mail address for you when you were invited, so "
                                      "no code can be sent. Log in to DigiKomp instead.")})
    now = timezone.now()
    with transaction.atomic():
        # The invitation's row is the lock: two requests at once cannot both slip under the hourly limit.
        Invitation.objects.unscoped(RESPONDENT).select_for_update().only("pk").get(pk=invitation.pk)
        recent = invitation.codes.filter(created_at__gt=now - timedelta(hours=1))
        if recent.count() >= MAX_CODES_PER_HOUR:
            raise TooManyCodes({"code": _("Too many codes were asked for. Please wait an hour and ask again.")})
        invitation.codes.filter(used_at__isnull=True,
                                        expires_at__gt=now).update(expires_at=now)
        code = VerificationCode.objects.create(invitation=invitation, created_at=now,
                                               expires_at=now + CODE_LIFETIME)
        # The database task backend writes the task in this transaction: no mail for a request that rolls back.
        send_code.enqueue(code.pk)
    return code


def code_check(*, invitation: Invitation, code: str) -> None:
    """Accept the latest code of the invitation once; raises SurveyError({"code": ...}) otherwise."""
    code = "".join(str(code or "").split())
    if not (len(code) == DIGITS and code.isascii() and code.isdigit()):
        raise SurveyError({"code": _("The code is the 6 digits in the e-mail.")})
    now = timezone.now()
    latest = invitation.codes.all().order_by("-created_at", "-pk").first()
    if latest is None:
        raise SurveyError({"code": _("Ask for a code first.")})
    if latest.used_at is not None or latest.expires_at <= now:
        raise SurveyError({"code": _("This code is no longer valid. Ask for a new one.")})
    if not latest.digest:
        raise SurveyError({"code": _("The e-mail with your code is on its way. Please try again in a minute.")})
    # The try is counted before the comparison, in one statement, so parallel guesses cannot pass the limit.
    counted = invitation.codes.filter(pk=latest.pk, attempts__lt=MAX_ATTEMPTS,
                                              used_at__isnull=True).update(attempts=F("attempts") + 1)
    if not counted:
        raise SurveyError({"code": _("Too many wrong tries. Ask for a new code.")})
    if not constant_time_compare(digest(latest.pk, code), latest.digest):
        left = MAX_ATTEMPTS - latest.attempts - 1
        if left <= 0:
            raise SurveyError({"code": _("Too many wrong tries. Ask for a new code.")})
        raise SurveyError({"code": ngettext("The code is not right. You have %(n)d more try.",
                                            "The code is not right. You have %(n)d more tries.", left) % {"n": left}})
    if not invitation.codes.filter(pk=latest.pk, used_at__isnull=True).update(used_at=now):
        raise SurveyError({"code": _("This code is no longer valid. Ask for a new one.")})
