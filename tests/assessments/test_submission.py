"""Submitting a survey: validation, exactly once, tallies rolled up through the tree."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from digikomp.assessments.models import Answer, Campaign, Invitation, Response, Tally
from digikomp.assessments.services import (
    AlreadySubmitted,
    SurveyError,
    draft_save,
    invitations_create,
    response_submit,
)
from tests.assessments.helpers import full_answers, map_jobs, open_campaign


@pytest.fixture
def campaign(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    return campaign


def invitation_of(campaign, world, person="anna"):
    return Invitation.objects.get(campaign=campaign, person=world.people[person])


def test_invitations_carry_the_effective_profile(campaign, world):
    assert Invitation.objects.filter(campaign=campaign).count() == 3  # anna, bo, carla have mapped job codes
    anna = invitation_of(campaign, world)
    assert anna.profile.slug == "social-og-sundhedsassistent" and len(anna.requirements) >= 12
    assert invitations_create(campaign=campaign) == []  # nobody is invited twice


def test_a_submission_is_stored_once_and_rolled_up(campaign, world):
    invitation = invitation_of(campaign, world)
    body = full_answers(invitation, level=3)
    first = response_submit(invitation=invitation, body=body, idempotency_key="abc-1")
    again = response_submit(invitation=invitation, body=body, idempotency_key="abc-1")
    assert first.created and not again.created and again.response.pk == first.response.pk
    with pytest.raises(AlreadySubmitted):
        response_submit(invitation=invitation, body=body, idempotency_key="abc-2")
    assert Response.objects.count() == 1
    assert Answer.objects.count() == len(invitation.requirements)
    # Home care -> social -> root: every level of the tree counts the answer once.
    per_unit = {}
    for tally in Tally.objects.filter(campaign=campaign):
        per_unit[tally.unit.external_id] = per_unit.get(tally.unit.external_id, 0) + tally.level_3
    n = len(invitation.requirements)
    assert per_unit == {"HJP": n, "SOC": n, "AAR": n}


@pytest.mark.parametrize("body, field", [
    ({"answers": {"not-a-uuid": 2}}, "answers.not-a-uuid"),
    ("just a string", "body"),
    ({"answers": [], "extra": 1}, "answers"),
])
def test_malformed_bodies_are_refused_with_the_field_named(campaign, world, body, field):
    with pytest.raises(SurveyError) as refused:
        response_submit(invitation=invitation_of(campaign, world), body=body)
    assert field in refused.value.errors
    assert not Response.objects.exists() and not Tally.objects.exists()


def test_a_level_outside_the_scale_or_profile_is_refused(campaign, world, shipped_norm):
    invitation = invitation_of(campaign, world)
    body = full_answers(invitation)
    some = next(iter(invitation.requirements))
    body["answers"][some] = 7
    outside = shipped_norm.framework_version.competences.exclude(
        identifier__in=list(invitation.requirements)).first()
    body["answers"][str(outside.identifier)] = 2
    with pytest.raises(SurveyError) as refused:
        response_submit(invitation=invitation, body=body)
    assert set(refused.value.errors) == {f"answers.{some}", f"answers.{outside.identifier}"}
    assert not Response.objects.exists()


def test_a_closed_campaign_refuses_drafts_and_submissions(campaign, world):
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    invitation = invitation_of(campaign, world)
    with pytest.raises(SurveyError):
        draft_save(invitation=invitation, body={"answers": {}})
    with pytest.raises(SurveyError):
        response_submit(invitation=invitation, body=full_answers(invitation))


def test_drafts_resume_and_disappear_on_submission(campaign, world):
    invitation = invitation_of(campaign, world)
    some = next(iter(invitation.requirements))
    draft_save(invitation=invitation, body={"answers": {some: None}})
    assert invitation.draft.data["answers"] == {some: None}
    response_submit(invitation=invitation, body=full_answers(invitation))
    invitation.refresh_from_db()
    assert not hasattr(invitation, "draft") or invitation.draft is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_submissions_store_one_response(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    invitation = invitation_of(campaign, world)
    body = full_answers(invitation)
    outcomes = []
    barrier = threading.Barrier(2)

    def submit(key):
        try:
            barrier.wait()
            outcomes.append(response_submit(invitation=Invitation.objects.get(pk=invitation.pk), body=body,
                                            idempotency_key=key).created)
        except AlreadySubmitted:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(key,)) for key in ("k1", "k2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, outcomes)) == ["True", "refused"]
    assert Response.objects.count() == 1
    assert sum(t.level_2 for t in Tally.objects.filter(unit__external_id="AAR")) == len(invitation.requirements)


def test_knowledge_checks_from_the_shipped_bank_are_tallied_against_self_ratings(shipped_norm, world):
    from digikomp.assessments.knowledge import knowledge_bank_load
    from digikomp.assessments.models import KnowledgeTally
    from digikomp.assessments.services import knowledge_items

    assert knowledge_bank_load() >= 36 and knowledge_bank_load() == knowledge_bank_load()  # idempotent
    map_jobs(world)
    campaign = open_campaign(world, knowledge_checks=True)
    invitations_create(campaign=campaign)
    invitation = invitation_of(campaign, world)
    items = knowledge_items(invitation)
    assert items and all(str(i.competence_identifier) in invitation.requirements for i in items)
    body = full_answers(invitation, level=4)  # rates themselves at the top ...
    body["knowledge"] = {str(i.pk): (i.correct + 1) % len(i.options_da) for i in items}  # ... answers all wrong
    response_submit(invitation=invitation, body=body)
    root = KnowledgeTally.objects.filter(campaign=campaign, unit=world.units["root"])
    assert sum(t.answered for t in root) == len(items) and sum(t.correct for t in root) == 0
    assert sum(t.overconfident for t in root) == len(items)
