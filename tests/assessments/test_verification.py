"""One-time codes (assessments/verification.py): only a keyed hash is stored, a code goes to the address the
person had when invited, works once, for minutes, with a few tries, and a link holder cannot flood the
person's mailbox. And the links of hand-outs made before exported links existed become answer-only."""

import importlib
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone, translation

from digikomp.assessments.links import links_export, resolve
from digikomp.assessments.models import Invitation, VerificationCode
from digikomp.assessments.services import SurveyError, invitations_create
from digikomp.assessments.tokens import token_for
from digikomp.assessments.verification import (
    MAX_ATTEMPTS,
    MAX_CODES_PER_HOUR,
    TooManyCodes,
    code_check,
    code_request,
    digest,
)
from digikomp.audit.models import log_action
from tests.assessments.helpers import map_jobs, open_campaign


@pytest.fixture(autouse=True)
def _english():
    """The services' messages in English (the msgids), so the assertions do not depend on the translation."""
    with translation.override("en"):
        yield


@pytest.fixture
def anna(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


def requested(invitation) -> str:
    """Ask for a code and read it from the person's mailbox."""
    code_request(invitation=invitation)
    return re.search(r"Din kode: (\d{6})", mail.outbox[-1].body).group(1)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_a_code_is_mailed_to_the_person_and_only_its_keyed_hash_is_kept(anna):
    code = requested(anna)
    message = mail.outbox[-1]
    assert message.to == ["anna@aarhus.example"] and message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Kære Anna Sørensen" in message.body and "Kortlægning 2026" in message.body
    assert "virker i 15 minutter" in message.body and "English: Your one-time code" in message.body
    stored = VerificationCode.objects.get()
    assert stored.digest == digest(stored.pk, code) and code not in stored.digest
    assert stored.expires_at - stored.created_at == timedelta(minutes=15)
    code_check(invitation=anna, code=code)
    assert VerificationCode.objects.get().used_at is not None


def test_a_code_works_once(anna):
    code = requested(anna)
    code_check(invitation=anna, code=f" {code[:3]} {code[3:]} ")  # spaces as people type them are fine
    with pytest.raises(SurveyError, match="no longer valid"):
        code_check(invitation=anna, code=code)


def test_an_expired_code_is_refused(anna):
    code = requested(anna)
    VerificationCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(SurveyError, match="no longer valid"):
        code_check(invitation=anna, code=code)


def test_a_few_wrong_tries_use_the_code_up(anna):
    code = requested(anna)
    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(SurveyError) as refused:
            code_check(invitation=anna, code=wrong(code))
        left = MAX_ATTEMPTS - attempt
        assert refused.value.errors["code"][0].startswith("The code is not right")
        assert f"{left} more tr" in refused.value.errors["code"][0]
    with pytest.raises(SurveyError, match="Too many wrong tries"):
        code_check(invitation=anna, code=wrong(code))
    with pytest.raises(SurveyError, match="Too many wrong tries"):
        code_check(invitation=anna, code=code)  # even the right one, now
    assert VerificationCode.objects.get().attempts == MAX_ATTEMPTS


def test_a_new_code_voids_the_earlier_one(anna):
    first = requested(anna)
    second = requested(anna)
    if first != second:
        with pytest.raises(SurveyError):
            code_check(invitation=anna, code=first)
    code_check(invitation=anna, code=second)


def test_at_most_a_few_codes_an_hour(anna):
    for _attempt in range(MAX_CODES_PER_HOUR):
        code_request(invitation=anna)
    with pytest.raises(TooManyCodes):
        code_request(invitation=anna)
    assert len(mail.outbox) == MAX_CODES_PER_HOUR
    VerificationCode.objects.update(created_at=timezone.now() - timedelta(hours=1, seconds=1))
    code_request(invitation=anna)
    assert len(mail.outbox) == MAX_CODES_PER_HOUR + 1


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦"])
def test_anything_but_six_digits_is_refused_without_using_a_try(anna, typed):
    requested(anna)
    with pytest.raises(SurveyError, match="6 digits"):
        code_check(invitation=anna, code=typed)
    assert VerificationCode.objects.get().attempts == 0


def test_the_code_goes_to_the_address_of_the_invitation_not_a_later_one(anna, world):
    anna_person = world.people["anna"]
    anna_person.email = "somebody-else@aarhus.example"  # the organisation data changed after the invitation
    anna_person.save()
    requested(Invitation.objects.get(pk=anna.pk))
    assert mail.outbox[-1].to == ["anna@aarhus.example"]


def test_no_address_when_invited_no_code(anna, world):
    carla = Invitation.objects.get(campaign=anna.campaign, person=world.people["carla"])
    with pytest.raises(SurveyError) as refused:
        code_request(invitation=carla)
    assert "email" in refused.value.errors and not mail.outbox and not VerificationCode.objects.exists()


# --- Links handed out before exported links existed ----------------------------------------------------------


def test_links_handed_out_before_the_migration_become_answer_only(anna, world):
    """Until exported links existed, the CSV and the API handed out the e-mailed links themselves: every
    invitation that existed at such a hand-out gets that link as its exported link."""
    migration = importlib.import_module("digikomp.assessments.migrations.0005_exported_links_and_codes")
    campaign = anna.campaign
    bo = Invitation.objects.get(campaign=campaign, person=world.people["bo"])
    entry = log_action("campaign.links_download", actor=world.user("hr"), municipality=world.aarhus,
                       obj=campaign, data={"links": 3})
    Invitation.objects.filter(pk=bo.pk).update(created_at=entry.at + timedelta(minutes=1), email="")
    migration.forward(apps, None)

    anna.refresh_from_db()
    assert anna.export_public_id == anna.public_id and anna.links_exported_at == entry.at
    assert resolve(token_for(anna.public_id)) == (anna, True)  # the handed-out link now only answers
    bo.refresh_from_db()
    assert bo.export_public_id is None and resolve(token_for(bo.public_id)) == (bo, False)  # invited later
    assert bo.email == "bo@aarhus.example"  # the address on file is copied to the invitation
    # Exporting afterwards keeps the legacy link, so what was handed out stays what works.
    links_export(campaign=campaign, scope="all", actor=None)
    anna.refresh_from_db()
    assert anna.export_public_id == anna.public_id
