"""The respondent's side of the API, reached by the token of the personal link: the questionnaire, the draft,
the exactly-once submission and the personal result. No login; nothing stored on any refusal."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from digikomp.assessments.models import (
    Answer,
    Campaign,
    CustomQuestion,
    Draft,
    Invitation,
    KnowledgeItem,
    Response,
    Tally,
)
from digikomp.assessments.services import _scale_and_competences, invitations_create, response_submit
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import full_answers, map_jobs, open_campaign


@pytest.fixture
def campaign(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world, knowledge_checks=True, custom_questions=[
        {"kind": "scale", "text_da": "Hvor tryg er du?", "text_en": "How confident are you?"},
        {"kind": "text", "text_da": "Hvad mangler du?"}])
    invitations_create(campaign=campaign)
    anna = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    for n, (identifier, (level, _importance)) in enumerate(list(anna.requirements.items())[:2]):
        KnowledgeItem.objects.create(key=f"api-test-{n}", competence_identifier=identifier, level=level, correct=1,
                                     question_da="Hvad er phishing?", question_en="What is phishing?",
                                     options_da=["En fisk", "Svindel", "Et program"],
                                     options_en=["A fish", "Fraud", "A program"])
    return campaign


@pytest.fixture
def invitation(campaign, world):
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


@pytest.fixture
def token(invitation):
    return token_for(invitation.public_id)


@pytest.fixture
def api():
    return APIClient()


def url(token: str, tail: str = "") -> str:
    return f"/api/v1/survey/{token}{tail}"


def submit(api, token, body, key="key-1", **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return api.post(url(token, "/submit"), body, format="json", **headers)


def nothing_stored():
    return not Response.objects.exists() and not Answer.objects.exists() and not Tally.objects.exists()


def move(campaign: Campaign, *, opens: int, closes: int) -> None:
    now = timezone.now()
    Campaign.objects.filter(pk=campaign.pk).update(opens_at=now + timedelta(days=opens),
                                                   closes_at=now + timedelta(days=closes))


# --- The questionnaire --------------------------------------------------------------------------------------


def test_the_questionnaire_holds_the_profiles_competences_with_every_level(api, token, invitation, campaign):
    response = api.get(url(token))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    data = response.json()
    assert data["status"] == "not_started" and data["draft"] == {} and data["result"] is None
    assert data["campaign"]["name"] == "Kortlægning 2026" and data["campaign"]["municipality"] == "Aarhus"
    assert {c["identifier"] for c in data["competences"]} == set(invitation.requirements)
    assert [level["value"] for level in data["scale"]] == [1, 2, 3, 4]
    first = data["competences"][0]
    assert first["code"] and first["title"] and first["area"]
    assert [level["value"] for level in first["levels"]] == [1, 2, 3, 4]
    assert all(level["descriptor"] for c in data["competences"] for level in c["levels"])
    questions = {q["text"]: q for q in data["custom_questions"]}
    assert questions["Hvor tryg er du?"]["values"] == ["1", "2", "3", "4", "5"]
    assert questions["Hvad mangler du?"]["values"] is None


def test_knowledge_checks_come_without_their_answers(api, token):
    data = api.get(url(token)).json()
    assert len(data["knowledge"]) == 2
    for item in data["knowledge"]:
        assert set(item) == {"id", "competence", "level", "question", "options"}
        assert len(item["options"]) == len(KnowledgeItem.objects.get(pk=item["id"]).options_da)
    assert "correct" not in json.dumps(data)


def test_the_questionnaire_in_english_on_request(api, token, campaign):
    danish, english = api.get(url(token)).json(), api.get(url(token), {"lang": "en"}).json()
    assert english["competences"][0]["title"] != danish["competences"][0]["title"]
    assert {q["text"] for q in english["custom_questions"]} == {"How confident are you?", "Hvad mangler du?"}


def test_a_logged_in_visitor_gets_the_same(api_for, api, token):
    assert api_for("other_admin").get(url(token)).json() == api.get(url(token)).json()


@pytest.mark.parametrize("bad", ["abcdef.0123456789", "not-a-token", "x" * 200, "a.b.c"])
def test_a_guessed_or_mangled_token_is_404_and_names_nothing(api, campaign, bad):
    for method, tail in (("get", ""), ("put", "/draft"), ("post", "/submit"), ("get", "/result")):
        response = getattr(api, method)(url(bad, tail), {}, format="json")
        assert response.status_code == 404
        text = response.content.decode()
        assert "Kortlægning" not in text and "Aarhus" not in text and set(response.json()) == {"detail"}
    assert nothing_stored() and not Draft.objects.exists()


def test_a_well_signed_token_of_no_invitation_is_404(api, campaign):
    response = api.get(url(token_for("nobody-has-this-id")))
    assert response.status_code == 404 and "Kortlægning" not in response.content.decode()


def test_a_tampered_token_is_404(api, token):
    public_id, signature = token.split(".")
    assert api.get(url(f"{public_id}.{signature[::-1]}")).status_code == 404


def test_a_closed_survey_is_410_with_a_message(api, token, campaign):
    move(campaign, opens=-10, closes=-1)
    response = api.get(url(token))
    assert response.status_code == 410
    data = response.json()
    assert "closed" in data["detail"] or "lukkede" in data["detail"]
    assert "competences" not in data and "result" not in data
    assert submit(api, token, {"answers": {}}).status_code == 410
    assert api.put(url(token, "/draft"), {"answers": {}}, format="json").status_code == 410
    assert nothing_stored() and not Draft.objects.exists()


def test_a_survey_not_open_yet_is_403_with_a_message(api, token, invitation, campaign):
    move(campaign, opens=2, closes=10)
    response = api.get(url(token))
    assert response.status_code == 403 and response.json()["detail"] and "opens_at" in response.json()
    assert submit(api, token, full_answers(invitation)).status_code == 403
    assert api.put(url(token, "/draft"), {"answers": {}}, format="json").status_code == 403
    assert nothing_stored() and not Draft.objects.exists()


# --- The draft ----------------------------------------------------------------------------------------------


def test_a_draft_is_saved_and_resumed(api, token, invitation):
    some = next(iter(invitation.requirements))
    response = api.put(url(token, "/draft"), {"answers": {some: 3}, "share_with_manager": True}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["draft"]["answers"] == {some: 3}
    data = api.get(url(token)).json()
    assert data["status"] == "in_progress" and data["draft"]["answers"] == {some: 3}
    assert data["draft"]["share_with_manager"] is True
    assert nothing_stored()


def test_a_bad_draft_is_400_with_field_errors_and_the_old_draft_kept(api, token, invitation):
    some = next(iter(invitation.requirements))
    api.put(url(token, "/draft"), {"answers": {some: 2}}, format="json")
    response = api.put(url(token, "/draft"), {"answers": {some: 9}}, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {f"answers.{some}"}
    assert Draft.objects.get().data["answers"] == {some: 2}


def test_a_draft_after_submission_is_409(api, token, invitation):
    submit(api, token, full_answers(invitation))
    assert api.put(url(token, "/draft"), {"answers": {}}, format="json").status_code == 409


def test_a_draft_as_a_form_post_is_refused(api, token):
    response = api.put(url(token, "/draft"), {"answers": "x"})  # multipart, not JSON
    assert response.status_code == 415 and not Draft.objects.exists()


# --- Submitting ---------------------------------------------------------------------------------------------


def test_a_submission_is_stored_once_and_acknowledged_201(api, token, invitation):
    response = submit(api, token, full_answers(invitation, level=3))
    assert response.status_code == 201, response.content
    data = response.json()
    stored = Response.objects.get()
    assert data["status"] == "submitted" and data["result"] == f"http://testserver{url(token, '/result')}"
    assert data["submitted_at"].replace("Z", "+00:00") == stored.submitted_at.isoformat()
    assert Answer.objects.count() == len(invitation.requirements)
    assert Tally.objects.exists()
    assert api.get(url(token)).json()["status"] == "submitted"


def test_a_retry_with_the_same_key_is_200_with_the_same_body(api, token, invitation):
    first = submit(api, token, full_answers(invitation), key="retry-me")
    again = submit(api, token, full_answers(invitation), key="retry-me")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Response.objects.count() == 1 and Answer.objects.count() == len(invitation.requirements)


def test_a_second_submission_with_another_key_or_none_is_409(api, token, invitation):
    assert submit(api, token, full_answers(invitation), key="first").status_code == 201
    other = submit(api, token, full_answers(invitation, level=1), key="second")
    none = submit(api, token, full_answers(invitation, level=1), key=None)
    assert (other.status_code, none.status_code) == (409, 409)
    assert other.json()["result"] and other.json()["detail"]
    assert Response.objects.count() == 1 and set(Answer.objects.values_list("level", flat=True)) == {2}


def test_a_key_used_for_another_survey_is_400(api, token, campaign, world):
    bo = Invitation.objects.get(campaign=campaign, person=world.people["bo"])
    assert submit(api, token_for(bo.public_id), full_answers(bo), key="shared").status_code == 201
    response = submit(api, token, full_answers(Invitation.objects.get(pk=bo.pk)), key="shared")
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["errors"]
    assert Response.objects.count() == 1


def test_a_submission_without_a_key_is_stored_too(api, token, invitation):
    assert submit(api, token, full_answers(invitation), key=None).status_code == 201


@pytest.fixture
def outside(invitation, shipped_norm):
    """A competence of the framework that is not in Anna's profile."""
    return str(shipped_norm.framework_version.competences.exclude(
        identifier__in=list(invitation.requirements)).first().identifier)


def _level_outside_scale(invitation, body):
    some = next(iter(invitation.requirements))
    body["answers"][some] = 5
    return f"answers.{some}"


def _unknown_competence(invitation, body):
    body["answers"]["6f1c2d7e-0000-4c55-9d1e-5a0c1f7e4b21"] = 2
    return "answers.6f1c2d7e-0000-4c55-9d1e-5a0c1f7e4b21"


def _level_not_a_number(invitation, body):
    some = next(iter(invitation.requirements))
    body["answers"][some] = "3"
    return f"answers.{some}"


def _missing_answer(invitation, body):
    some = next(iter(invitation.requirements))
    del body["answers"][some]
    return f"answers.{some}"


def _unknown_field(invitation, body):
    body["score"] = 100
    return "score"


def _answers_not_an_object(invitation, body):
    body["answers"] = [1, 2, 3]
    return "answers"


def _knowledge_option_out_of_range(invitation, body):
    item = KnowledgeItem.objects.filter(competence_identifier__in=list(invitation.requirements)).first()
    body["knowledge"] = {str(item.pk): 17}
    return f"knowledge.{item.pk}"


def _custom_scale_out_of_range(invitation, body):
    question = CustomQuestion.objects.get(campaign=invitation.campaign, kind="scale")
    body["custom"] = {str(question.pk): "9"}
    return f"custom.{question.pk}"


def _share_not_a_boolean(invitation, body):
    body["share_with_manager"] = "yes"
    return "share_with_manager"


@pytest.mark.parametrize("spoil", [
    _level_outside_scale, _unknown_competence, _level_not_a_number, _missing_answer, _unknown_field,
    _answers_not_an_object, _knowledge_option_out_of_range, _custom_scale_out_of_range, _share_not_a_boolean,
], ids=lambda f: f.__name__.strip("_"))
def test_a_bad_body_is_400_naming_the_field_and_nothing_is_stored(api, token, invitation, spoil):
    body = full_answers(invitation)
    field = spoil(invitation, body)
    response = submit(api, token, body)
    assert response.status_code == 400, response.content
    assert response.json()["errors"].get(field)
    assert nothing_stored()
    # The key was not used up by the refusal: the corrected body goes through with it.
    assert submit(api, token, full_answers(invitation)).status_code == 201


def test_a_competence_outside_the_profile_is_400_and_nothing_stored(api, token, invitation, outside):
    body = full_answers(invitation)
    body["answers"][outside] = 2
    response = submit(api, token, body)
    assert response.status_code == 400 and set(response.json()["errors"]) == {f"answers.{outside}"}
    assert "profile" in response.json()["errors"][f"answers.{outside}"] or \
        "profil" in response.json()["errors"][f"answers.{outside}"]
    assert nothing_stored()


@pytest.mark.parametrize("raw", ['{"answers": {', "[1, 2]", '"just text"', "null"])
def test_a_malformed_body_is_400_and_nothing_stored(api, token, raw):
    response = api.post(url(token, "/submit"), raw, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 400 and "body" in response.json()["errors"]
    assert nothing_stored()


def test_a_too_long_key_is_400(api, token, invitation):
    response = submit(api, token, full_answers(invitation), key="k" * 101)
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["errors"]
    assert nothing_stored()


def test_messages_follow_the_language_asked_for(api, token, invitation):
    body = full_answers(invitation)
    field = _level_outside_scale(invitation, body)
    english = api.post(url(token, "/submit") + "?lang=en", body, format="json").json()["errors"][field]
    assert english.startswith("The level must be one of 1, 2, 3, 4")


def test_no_session_is_needed_and_no_csrf_checked(world, token, invitation):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.user("hr"))  # a session cookie, but no CSRF token: the token endpoints ignore both
    response = client.post(url(token, "/submit"), full_answers(invitation), format="json",
                           HTTP_IDEMPOTENCY_KEY="csrf")
    assert response.status_code == 201


def test_submit_costs_one_lookup_beyond_the_service(api, token, campaign, world):
    """The view is lean: the invitation is read once, with everything response_submit needs; every other query
    is the service's own. Compared with calling response_submit directly for a person in a unit as deep."""
    bo = (Invitation.objects.select_related("campaign__series", "unit")
          .get(campaign=campaign, person=world.people["bo"]))
    _scale_and_competences(campaign.framework_version_id)  # the service's process-wide cache, warm for both
    with CaptureQueriesContext(connection) as direct:
        response_submit(invitation=bo, body=full_answers(bo), idempotency_key="direct")
    anna = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    assert anna.unit.depth == bo.unit.depth
    with CaptureQueriesContext(connection) as through_api:
        assert submit(api, token, full_answers(anna), key="api").status_code == 201
    assert len(through_api) == len(direct) + 1, [q["sql"] for q in through_api]
    assert "assessments_invitation" in through_api[0]["sql"]


# --- The personal result ------------------------------------------------------------------------------------


def test_the_result_after_submission(api, token, invitation):
    assert api.get(url(token, "/result")).status_code == 404  # nothing submitted yet
    submit(api, token, full_answers(invitation, level=1))
    response = api.get(url(token, "/result"))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    data = response.json()
    assert {c["identifier"] for c in data["competences"]} == set(invitation.requirements)
    assert all(c["level"] == 1 for c in data["competences"])
    gaps = [c["identifier"] for c in data["competences"] if c["status"] == "gap"]
    assert set(data["gaps"]) == set(gaps) and gaps
    assert data["campaign"] == "Kortlægning 2026" and data["shared_with_manager"] is False


def test_the_result_stays_readable_after_the_survey_closes(api, token, invitation, campaign):
    submit(api, token, full_answers(invitation))
    move(campaign, opens=-10, closes=-1)
    closed = api.get(url(token))
    assert closed.status_code == 410 and closed.json()["result"].endswith(url(token, "/result"))
    assert api.get(url(token, "/result")).status_code == 200


def test_the_documented_questionnaire_fields_are_the_fields_sent(api, api_for, token):
    schema = api_for("anonymous").get("/api/v1/schema", {"format": "json"}).json()["components"]["schemas"]
    data = api.get(url(token)).json()
    assert set(data) == set(schema["Questionnaire"]["properties"])
    assert set(data["competences"][0]) == set(schema["SurveyCompetence"]["properties"])
    assert set(data["knowledge"][0]) == set(schema["SurveyKnowledge"]["properties"])
    assert set(data["custom_questions"][0]) == set(schema["SurveyCustomQuestion"]["properties"])


def test_a_submission_without_questions_of_its_own_costs_eleven_queries(api, token, invitation, campaign,
                                                                          django_assert_num_queries):
    """The hot path of a campaign's peak, counted: the invitation; one look for an earlier response or key;
    the savepoint; the response, its answers, three tally upserts; the invitation's mark; the draft; release.
    Custom questions are read only when the body answers some. A new query here costs every submission."""
    campaign.custom_questions.all().delete()
    _scale_and_competences(campaign.framework_version_id)
    body = {"answers": full_answers(invitation)["answers"]}
    with django_assert_num_queries(11):
        assert submit(api, token, body, key="counted").status_code == 201
