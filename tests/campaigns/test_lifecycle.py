"""A campaign's whole life (assessments/lifecycle.py and the pages in campaigns/lifecycle_views.py): change it
while nobody has answered, extend it, close it early (its figures released then), never reopen it once
answered and released, delete it only while nobody has answered, preview the e-mail, and send a reminder by
hand to those who have not answered, once a day. Another municipality's campaign is a 404 for every action."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from digikomp.assessments import lifecycle
from digikomp.assessments.campaigns.forms import CampaignForm
from digikomp.assessments.models import Campaign, CampaignSeries, CustomQuestion, Draft, Invitation
from digikomp.assessments.services import SurveyError, draft_save, response_submit
from digikomp.audit.models import AuditEntry
from digikomp.insights.models import FigureRelease
from digikomp.insights.release import current_release
from tests.assessments.helpers import close_campaign, full_answers, invited_campaign
from tests.web.markup import find, text


def invitation_of(campaign, world, name) -> Invitation:
    return Invitation.objects.get(campaign=campaign, person=world.people[name])


def answer(campaign, world, name="anna"):
    invitation = invitation_of(campaign, world, name)
    return response_submit(invitation=invitation, body=full_answers(invitation))


def spec_with(campaign, **changes):
    spec = lifecycle.spec_of(campaign)
    for key, value in changes.items():
        setattr(spec, key, value)
    return spec


@pytest.fixture(autouse=True)
def _english():
    """The services' messages in English, as the pages here are read (client_for reads them in English)."""
    with translation.override("en"):
        yield


@pytest.fixture
def campaign(shipped_norm, world):
    """Open since yesterday, closing at the end of the day in two weeks (as the form makes it)."""
    campaign = invited_campaign(world, custom_questions=[{"kind": "text", "text_da": "Hvad savner du?"}])
    end = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=15), time.min))
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=end)
    campaign.refresh_from_db()
    return campaign


# --- Changing a campaign -------------------------------------------------------------------------------------


def test_before_anyone_answers_everything_can_change(campaign, world):
    new_questions = [{"kind": "scale", "text_da": "Hvor tryg er du?", "text_en": "How confident are you?"},
                     {"kind": "yes_no", "text_da": "Bruger du MitID?", "text_en": ""}]
    # Bo saved an answer to the old question: it must not point at a question that is gone.
    bo = invitation_of(campaign, world, "bo")
    old_question = campaign.custom_questions.get()
    draft_save(invitation=bo, body={"custom": {str(old_question.pk): "Mere tid"}})
    updated = lifecycle.campaign_update(campaign=campaign, spec=spec_with(
        campaign, custom_questions=new_questions, anonymity_k=7, knowledge_checks=True,
        unit_ids=[world.units["social"].pk]))
    campaign.refresh_from_db()
    assert {"custom_questions", "anonymity_k", "knowledge_checks", "units"} <= updated.changed
    assert [(q.position, q.kind, q.text_da) for q in campaign.custom_questions.all()] == [
        (1, "scale", "Hvor tryg er du?"), (2, "yes_no", "Bruger du MitID?")]
    assert campaign.anonymity_k == 7 and campaign.knowledge_checks
    # Bo (a teacher at the school) is outside Social now: his invitation is withdrawn, and counted as such.
    assert updated.withdrawn == 1
    assert set(campaign.invitations.values_list("person__external_id", flat=True)) == {"P1", "P3"}
    assert not Draft.objects.filter(invitation__person=world.people["bo"]).exists()
    assert sum(campaign.response_counts.filter(unit=world.units["root"]).values_list("invited", flat=True)) == 2
    entry = AuditEntry.objects.get(action="campaign.update", object_id=str(campaign.pk))
    assert entry.data["withdrawn"] == 1 and "custom_questions" in entry.data["changed"]


def test_the_threshold_never_goes_below_the_municipality_s(campaign, world):
    with pytest.raises(SurveyError) as refused:
        lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, anonymity_k=2))
    assert set(refused.value.errors) == {"anonymity_k"}


@pytest.mark.parametrize(("change", "field"), [
    ({"custom_questions": [{"kind": "text", "text_da": "Et andet spørgsmål"}]}, "custom_questions"),
    ({"anonymity_k": 9}, "anonymity_k"),
    ({"knowledge_checks": True}, "knowledge_checks"),
    ({"series": "En anden serie"}, "series"),
])
def test_once_someone_answered_the_questions_and_the_audience_stay(campaign, world, change, field):
    answer(campaign, world)
    with pytest.raises(SurveyError) as refused:
        lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, **change))
    assert field in refused.value.errors and "People have answered" in str(refused.value.errors[field])
    assert list(campaign.custom_questions.values_list("text_da", flat=True)) == ["Hvad savner du?"]


def test_the_edit_page_of_an_answered_campaign_locks_the_questions_and_names_why(campaign, world, client_for):
    answer(campaign, world)
    admin = client_for("municipal_admin")
    page = admin.get(reverse("campaigns:edit", args=[campaign.pk]))
    assert page.status_code == 200
    assert "only the name, the closing date and the reminders can change" in text(page)
    assert find(page, "input", name="q1_text_da")[0].keys() >= {"disabled"}
    assert all(box.keys() >= {"disabled"} for box in find(page, "input", name="units"))
    assert not find(page, "button", name="add_question")
    # A forged POST changing the question is ignored (the field is disabled), the new closing day is taken.
    last = campaign.last_day + timedelta(days=7)
    data = {"name": campaign.name, "series": campaign.series.name, "closes": last.isoformat(),
            "opens": timezone.localtime(campaign.opens_at).date().isoformat(), "anonymity_k": "3",
            "reminder_days": "", "q1_kind": "text", "q1_text_da": "Forfalsket spørgsmål"}
    response = admin.post(reverse("campaigns:edit", args=[campaign.pk]), data)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.last_day == last
    assert list(campaign.custom_questions.values_list("text_da", flat=True)) == ["Hvad savner du?"]


def test_an_api_style_refusal_names_the_field_on_the_page(campaign, world, client_for):
    """The page puts the service's refusal next to its field: a closing day in the past."""
    answer(campaign, world)
    admin = client_for("municipal_admin")
    yesterday = timezone.localdate() - timedelta(days=1)
    data = {"name": campaign.name, "series": campaign.series.name, "closes": yesterday.isoformat(),
            "opens": yesterday.isoformat(), "anonymity_k": "3", "reminder_days": ""}
    page = admin.post(reverse("campaigns:edit", args=[campaign.pk]), data)
    assert page.status_code == 200
    field = find(page, "input", name="closes")[0]
    assert "id_closes_error" in field["aria-describedby"]
    assert "Close now" in text(page)


# --- Extending, closing early, reopening ---------------------------------------------------------------------


def test_an_open_campaign_with_answers_can_be_extended_and_answers_keep_coming(campaign, world):
    answer(campaign, world)
    later = campaign.closes_at + timedelta(days=10)
    updated = lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, closes_at=later))
    assert updated.changed == {"closes_at"}
    campaign.refresh_from_db()
    assert campaign.closes_at == later
    # After the old closing time the campaign still takes answers.
    old_close = later - timedelta(days=10)
    invitation = invitation_of(campaign, world, "bo")
    assert campaign.is_open(old_close + timedelta(hours=1))
    assert response_submit(invitation=invitation, body=full_answers(invitation)).created


def test_closing_early_closes_now_and_releases_the_figures(campaign, world, client_for):
    answer(campaign, world)
    admin = client_for("municipal_admin")
    confirm = admin.get(reverse("campaigns:close", args=[campaign.pk]))
    assert confirm.status_code == 200 and "cannot be opened again" in text(confirm)
    assert current_release(campaign) is None
    response = admin.post(reverse("campaigns:close", args=[campaign.pk]))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.is_closed() and campaign.last_day == timezone.localdate()
    release = FigureRelease.objects.get(campaign=campaign)
    assert release.responses == 1
    assert AuditEntry.objects.filter(action="campaign.close", object_id=str(campaign.pk)).exists()
    # Bo can no longer answer.
    with pytest.raises(SurveyError):
        bo = invitation_of(campaign, world, "bo")
        response_submit(invitation=bo, body=full_answers(bo))
    # Closing twice is refused with a reason, not a traceback.
    again = admin.post(reverse("campaigns:close", args=[campaign.pk]))
    assert again.status_code == 400 and "closed already" in text(again)


def test_a_released_campaign_is_never_reopened(campaign, world, client_for):
    answer(campaign, world)
    close_campaign(campaign)
    release = current_release(campaign)
    assert release is not None
    with pytest.raises(SurveyError) as refused:
        lifecycle.campaign_update(campaign=campaign, spec=spec_with(
            campaign, closes_at=timezone.now() + timedelta(days=7)))
    assert "new wave" in str(refused.value.errors["closes_at"])
    campaign.refresh_from_db()
    assert campaign.is_closed() and FigureRelease.objects.filter(pk=release.pk).exists()
    # Its name may still change.
    lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, name="Kortlægning 2026, runde 1"))
    campaign.refresh_from_db()
    assert campaign.name == "Kortlægning 2026, runde 1"
    # The edit page offers nothing else.
    page = client_for("municipal_admin").get(reverse("campaigns:edit", args=[campaign.pk]))
    assert find(page, "input", name="closes")[0].keys() >= {"disabled"}


def test_a_closed_campaign_nobody_answered_can_be_reopened(campaign, world):
    close_campaign(campaign)
    assert current_release(campaign) is not None
    lifecycle.campaign_update(campaign=campaign, spec=spec_with(
        campaign, closes_at=timezone.now() + timedelta(days=7)))
    campaign.refresh_from_db()
    assert campaign.is_open() and not FigureRelease.objects.filter(campaign=campaign).exists()


# --- Deleting ------------------------------------------------------------------------------------------------


def test_a_campaign_nobody_answered_is_deleted_with_its_invitations(campaign, world, client_for):
    admin = client_for("municipal_admin")
    pk, series = campaign.pk, campaign.series_id
    page = admin.get(reverse("campaigns:delete", args=[pk]))
    assert "Its 3 invitations are deleted too" in text(page)
    response = admin.post(reverse("campaigns:delete", args=[pk]))
    assert response.status_code == 302 and response["Location"] == reverse("campaigns:list")
    assert not Campaign.objects.filter(pk=pk).exists() and not Invitation.objects.filter(campaign_id=pk).exists()
    assert not CampaignSeries.objects.filter(pk=series).exists()
    entry = AuditEntry.objects.get(action="campaign.delete", object_id=str(pk))
    assert entry.data["invitations"] == 3


def test_a_campaign_someone_answered_cannot_be_deleted(campaign, world, client_for):
    answer(campaign, world)
    admin = client_for("municipal_admin")
    page = admin.get(reverse("campaigns:delete", args=[campaign.pk]))
    assert "cannot be deleted" in text(page) and not find(page, "button", class_="button")
    refused = admin.post(reverse("campaigns:delete", args=[campaign.pk]))
    assert refused.status_code == 400 and Campaign.objects.filter(pk=campaign.pk).exists()
    assert not AuditEntry.objects.filter(action="campaign.delete").exists()


@pytest.mark.parametrize(("name", "method"), [
    ("campaigns:edit", "get"), ("campaigns:edit", "post"), ("campaigns:close", "get"), ("campaigns:close", "post"),
    ("campaigns:delete", "get"), ("campaigns:delete", "post"), ("campaigns:preview", "get"),
    ("campaigns:remind", "post"),
])
def test_another_municipality_s_campaign_is_a_404_for_every_action(campaign, client_for, name, method):
    client = client_for("other_admin")
    response = getattr(client, method)(reverse(name, args=[campaign.pk]), {})
    assert response.status_code == 404
    campaign.refresh_from_db()
    assert campaign.is_open() and Campaign.objects.filter(pk=campaign.pk).exists()


# --- The e-mail and the reminder -----------------------------------------------------------------------------


def test_the_preview_is_the_person_s_e_mail_with_a_link_that_leads_nowhere(campaign, world, client_for):
    admin = client_for("municipal_admin")
    page = admin.get(reverse("campaigns:preview", args=[campaign.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Kære Mette Jensen" in body and "Påmindelse: Kortlægning 2026" in body
    assert "Vi mangler stadig dit svar" in body  # the reminder too
    last_day = campaign.last_day
    assert f"Du kan svare til og med {last_day.day}." in body
    # No person's link is on the page, and the example link answers nothing.
    from digikomp.assessments.mail import personal_link

    for invitation in campaign.invitations.all():
        assert personal_link(invitation) not in body
    example = next(line for line in body.splitlines() if "/svar/" in line).strip()
    path = example[example.index("/svar/"):]
    assert admin.get(path).status_code == 404


def test_a_reminder_by_hand_goes_only_to_those_who_have_not_answered_and_once_a_day(campaign, world,
                                                                                    client_for):
    admin = client_for("municipal_admin")
    admin.post(reverse("campaigns:send", args=[campaign.pk]))
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@aarhus.example", "bo@aarhus.example"]
    answer(campaign, world, "anna")
    mail.outbox.clear()

    detail = admin.get(reverse("campaigns:detail", args=[campaign.pk]))
    assert find(detail, "form", action=reverse("campaigns:remind", args=[campaign.pk]))
    response = admin.post(reverse("campaigns:remind", args=[campaign.pk]), follow=True)
    # Bo only (Carla has no address); Anna answered.
    assert [m.to for m in mail.outbox] == [["bo@aarhus.example"]]
    assert mail.outbox[0].subject.startswith("Påmindelse:")
    # The page says it went to those who have not answered: no names, no number.
    page = text(response)
    assert "on its way to everyone invited who has not answered" in page
    assert "Bo Nielsen" not in page and "Anna Sørensen" not in page
    entry = AuditEntry.objects.get(action="campaign.remind", object_id=str(campaign.pk))
    assert entry.data == {}

    # A second one within 24 hours is refused, and says when the next can go.
    again = admin.post(reverse("campaigns:remind", args=[campaign.pk]), follow=True)
    assert len(mail.outbox) == 1 and "24 hours" in text(again)
    assert not find(again, "form", action=reverse("campaigns:remind", args=[campaign.pk]))
    # A day later it can.
    Campaign.objects.filter(pk=campaign.pk).update(reminded_by_hand_at=timezone.now() - timedelta(hours=25))
    Invitation.objects.filter(campaign=campaign).update(reminded_at=timezone.now() - timedelta(hours=25))
    admin.post(reverse("campaigns:remind", args=[campaign.pk]))
    assert len(mail.outbox) == 2


def test_no_reminder_before_the_invitations_have_gone(campaign, client_for):
    response = client_for("municipal_admin").post(reverse("campaigns:remind", args=[campaign.pk]), follow=True)
    assert "send the invitations first" in text(response) and not mail.outbox


def test_sending_says_how_many_were_mailed_and_who_was_not(campaign, world, client_for):
    admin = client_for("municipal_admin")
    response = admin.post(reverse("campaigns:send", args=[campaign.pk]), follow=True)
    page = text(response)
    # Anna and Bo are mailed; Carla has no address: named on the page with what to do.
    assert "The invitation e-mails to 2 people are on their way." in page
    assert "1 invited person has no e-mail address and gets no e-mail." in page
    assert "Invited without an e-mail address" in page and "Carla Jensen" in page
    assert "Hand out links yourself" in page


# --- Dates ---------------------------------------------------------------------------------------------------


def form_for(world, **data) -> CampaignForm:
    return CampaignForm(data, unit_choices=[], profile_choices=[], series_choices=[], default_k=3)


def test_a_campaign_closing_on_18_december_takes_answers_until_the_end_of_that_day(shipped_norm, world,
                                                                                  monkeypatch, client_for):
    invited = invited_campaign(world)
    form = form_for(world, name="Jul", opens="2026-12-01", closes="2026-12-18", anonymity_k="3")
    assert form.is_valid(), form.errors
    spec = form.spec()
    Campaign.objects.filter(pk=invited.pk).update(opens_at=spec.opens_at, closes_at=spec.closes_at)
    campaign = Campaign.objects.get(pk=invited.pk)
    assert campaign.last_day.isoformat() == "2026-12-18" and campaign.closing_time is None

    copenhagen = timezone.get_default_timezone()
    late = datetime(2026, 12, 18, 23, 30, tzinfo=copenhagen)
    monkeypatch.setattr(timezone, "now", lambda: late)
    anna = invitation_of(campaign, world, "anna")
    assert response_submit(invitation=anna, body=full_answers(anna)).created
    # The respondent reads the day HR chose, in Danish and in English.
    from digikomp.assessments.tokens import token_for

    start = reverse("survey:start", kwargs={"token": token_for(invitation_of(campaign, world, "bo").public_id)})
    assert "18. december 2026" in text(client_for("anonymous", "da").get(start))
    assert "19. december" not in text(client_for("anonymous", "da").get(start))

    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 19, 0, 0, 1, tzinfo=copenhagen))
    bo = invitation_of(campaign, world, "bo")
    with pytest.raises(SurveyError) as closed:
        response_submit(invitation=bo, body=full_answers(bo))
    message = str(closed.value.errors["campaign"])
    assert "18" in message and "19" not in message
    closed_page = text(client_for("anonymous", "da").get(start))
    assert "18. december 2026" in closed_page and "19. december" not in closed_page


def test_the_invitation_e_mail_names_the_last_day(campaign, world, client_for):
    client_for("municipal_admin").post(reverse("campaigns:send", args=[campaign.pk]))
    body = mail.outbox[0].body
    assert f"til og med {campaign.last_day.day}." in body
    next_day = campaign.last_day + timedelta(days=1)
    assert f"lukker {next_day.day}." not in body.lower()


def test_the_date_fields_come_in_the_format_date_inputs_read(shipped_norm, world, client_for):
    today = timezone.localdate()
    for language in ("da", "en"):
        page = client_for("municipal_admin", language).get(reverse("campaigns:create"))
        assert find(page, "input", name="opens")[0]["value"] == today.isoformat()
        assert find(page, "input", name="closes")[0]["value"] == (today + timedelta(days=21)).isoformat()


def test_custom_questions_model_is_untouched_by_a_failed_edit(campaign, world):
    """A refused edit changes nothing at all (one transaction)."""
    answer(campaign, world)
    before = list(CustomQuestion.objects.filter(campaign=campaign).values_list("pk", flat=True))
    with pytest.raises(SurveyError):
        lifecycle.campaign_update(campaign=campaign, spec=spec_with(
            campaign, name="Nyt navn", custom_questions=[]))
    campaign.refresh_from_db()
    assert campaign.name == "Kortlægning 2026"
    assert list(CustomQuestion.objects.filter(campaign=campaign).values_list("pk", flat=True)) == before


# --- The form: one question block at a time, units by their path --------------------------------------------


def test_add_a_question_without_javascript_shows_one_more_block_and_no_errors(shipped_norm, world, client_for):
    admin = client_for("municipal_admin")
    page = admin.get(reverse("campaigns:create"))
    blocks = find(page, "fieldset", class_="question-row")
    assert len(blocks) == 8 and ["hidden" in block for block in blocks] == [False] + [True] * 7
    again = admin.post(reverse("campaigns:create"), {"name": "", "q1_text_da": "Første", "questions_shown": "1",
                                                      "add_question": "1", "units": []})
    assert again.status_code == 200 and not Campaign.objects.exists()
    blocks = find(again, "fieldset", class_="question-row")
    assert ["hidden" in block for block in blocks] == [False, False] + [True] * 6
    assert find(again, "input", name="q1_text_da")[0]["value"] == "Første"
    assert "error-summary" not in again.content.decode()
    # Filled blocks always show, whatever was shown before.
    refused = admin.post(reverse("campaigns:create"), {"name": "", "q3_text_da": "Tredje", "questions_shown": "1"})
    blocks = find(refused, "fieldset", class_="question-row")
    assert ["hidden" in block for block in blocks] == [False, False, False] + [True] * 5


def test_units_with_the_same_name_are_labelled_with_their_path(shipped_norm, world, client_for):
    from digikomp.tenancy.models import OrgUnit

    for parent in ("social", "children"):
        OrgUnit.objects.create(municipality=world.aarhus, external_id=f"{parent}-n", name="Område Nord",
                               parent=world.units[parent])
    page = text(client_for("municipal_admin").get(reverse("campaigns:create")))
    assert "Aarhus Kommune › Sociale Forhold og Beskæftigelse › Område Nord" in page
    assert "Aarhus Kommune › Børn og Unge › Område Nord" in page
    # A name that does not repeat stands alone.
    assert "› Skovvangskolen" not in page and "Skovvangskolen" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_extending_queues_the_reminders_the_new_schedule_adds_and_a_removed_day_sends_nothing(
        shipped_norm, world, settings):
    from django_tasks_db.models import DBTaskResult

    from digikomp.assessments import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    campaign = invited_campaign(world)  # opened yesterday, closes in 14 days
    lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, reminder_days=[7, 20]))
    tasks.schedule_mail(campaign.__class__.objects.get(pk=campaign.pk))

    def queued_days():
        return sorted(r.args_kwargs["args"][1] for r in DBTaskResult.objects.filter(
            task_path="digikomp.assessments.tasks.send_reminders"))

    assert queued_days() == [7]  # day 20 falls after the close
    Invitation.objects.filter(campaign=campaign).update(sent_at=timezone.now())  # the worker has mailed them
    campaign.refresh_from_db()
    lifecycle.campaign_update(campaign=campaign, spec=spec_with(
        campaign, closes_at=campaign.closes_at + timedelta(days=10)))
    assert queued_days() == [7, 20]  # the extension brings day 20 inside
    campaign.refresh_from_db()
    lifecycle.campaign_update(campaign=campaign, spec=spec_with(campaign, reminder_days=[20]))
    assert queued_days() == [7, 20]  # nothing new; the queued day-7 run finds its day gone:
    assert tasks.send_reminders.call(campaign.pk, 7) == 0
