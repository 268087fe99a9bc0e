"""Who may read and change an individual result (README, "Privacy: who sees what"), played as attacks.

HR, a municipal admin and a manager hold a link the municipality exported (HR downloaded it; the manager was
given it) and try every route to a person's result, its PDF, the consent to share it and the answers saved so
far: the pages, the API with their own tokens, the invitations endpoint and the exports. Each fails. The person
gets through with each proof only they have: the link DigiKomp e-mailed them, their own login, a one-time code
sent to their own e-mail address, and the browser they just answered in.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from digikomp.assessments.links import SESSION_KEY, exported_token, links_export
from digikomp.assessments.mail import personal_link
from digikomp.assessments.models import Draft, Invitation, Response
from digikomp.assessments.results import shared_results_for_manager
from digikomp.assessments.services import response_submit
from digikomp.audit.models import AuditEntry
from digikomp.tenancy.access import access_for
from tests.assessments.helpers import full_answers
from tests.survey.conftest import english_client
from tests.survey.helpers import answer_page, hidden, step_url, survey_url, text

STAFF = ["hr", "municipal_admin", "manager"]
RESULT_WORDS = ("Gaps, most important first", "Next steps", "Keep your result")


@pytest.fixture
def exported(campaign, invitation, world) -> str:
    """HR exported every link; the token of Anna's exported link."""
    links_export(campaign=campaign, scope="all", actor=world.user("hr"))
    invitation.refresh_from_db()
    return exported_token(invitation)


@pytest.fixture
def answered(invitation, exported):
    """Anna answered (level 1 everywhere, so her result has gaps) and did not share."""
    return response_submit(invitation=invitation, body=full_answers(invitation, level=1)).response


@pytest.fixture
def staff(client_for):
    """A logged-in persona's browser, reading English."""

    def make(persona: str):
        client = client_for(persona)
        client.cookies["digikomp_language"] = "en"
        return client

    return make


def shows_no_result(response) -> bool:
    body = response.content.decode(errors="replace")
    return not any(word in body for word in RESULT_WORDS) and response.get("Content-Type") != "application/pdf"


def api_url(token: str, tail: str = "") -> str:
    return f"/api/v1/survey/{token}{tail}"


def code_from(message) -> str:
    return re.search(r"Din kode: (\d{6})", message.body).group(1)


# --- Staff never hold the e-mailed link ------------------------------------------------------------------------


def test_no_page_api_or_export_shows_staff_the_e_mailed_link(campaign, invitation, client_for, api_for):
    mailed = personal_link(invitation)
    hr = client_for("hr")
    pages = [hr.get(reverse("campaigns:detail", args=[campaign.pk])),
             hr.get(reverse("campaigns:links", args=[campaign.pk])),
             hr.post(reverse("campaigns:links", args=[campaign.pk]), {"scope": "all"}),
             api_for("hr").post(f"/api/v1/municipalities/751/campaigns/{campaign.pk}/invitations"),
             api_for("hr").post(f"/api/v1/municipalities/751/campaigns/{campaign.pk}/links", {"scope": "all"},
                                format="json")]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode("utf-8-sig")
        assert mailed not in body and invitation.public_id not in body


# --- Attacks through an exported link ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", STAFF + ["anonymous"])
def test_an_exported_link_shows_nobody_the_result_or_its_pdf(answered, exported, staff, persona):
    client = staff(persona)
    for tail in ("resultat/", "resultat/pdf/da/", "resultat/pdf/en/"):
        response = client.get(survey_url(exported, tail))
        assert response.status_code == 302 and response.url == survey_url(exported, "bekraeft/")
    verify = client.get(survey_url(exported, "bekraeft/"))
    assert verify.status_code == 200 and shows_no_result(verify)
    assert "Confirm that it is you" in text(verify)
    # The welcome page says the survey is answered (unavoidable: it cannot be answered twice), nothing more.
    assert shows_no_result(client.get(survey_url(exported)))


@pytest.mark.parametrize("persona", STAFF + ["anonymous"])
def test_an_exported_link_cannot_switch_sharing_on(answered, exported, staff, persona, world):
    response = staff(persona).post(survey_url(exported, "resultat/deling/"), {"share_with_manager": "on"})
    assert response.status_code == 302 and response.url == survey_url(exported, "bekraeft/")
    assert not Response.objects.get(pk=answered.pk).share_with_manager
    assert not AuditEntry.objects.filter(action="response.consent").exists()
    manager = access_for(world.user("manager"))
    assert not shared_results_for_manager(manager).exists()


@pytest.mark.parametrize("persona", STAFF + ["anonymous"])
def test_the_api_refuses_the_result_and_the_consent_through_an_exported_link(answered, exported, api_for,
                                                                              persona):
    api = api_for(persona)  # with the persona's own API token: it is not Anna's
    result = api.get(api_url(exported, "/result"))
    assert result.status_code == 403 and "competences" not in result.json()
    assert result.json()["code"].endswith(api_url(exported, "/code"))
    consent = api.put(api_url(exported, "/consent"), {"share_with_manager": True}, format="json")
    assert consent.status_code == 403
    assert not Response.objects.get(pk=answered.pk).share_with_manager
    # A forged verification value is no proof either.
    forged = api.get(api_url(exported, "/result"), HTTP_X_SURVEY_VERIFICATION="eyJpbnZpdGF0aW9uIjoxfQ:forged")
    assert forged.status_code == 403


def test_an_exported_link_cannot_share_at_submission_either(invitation, exported, api_for):
    body = full_answers(invitation) | {"share_with_manager": True}
    refused = api_for("hr").post(api_url(exported, "/submit"), body, format="json", HTTP_IDEMPOTENCY_KEY="x")
    assert refused.status_code == 403 and "share_with_manager" in refused.json()["errors"]
    assert not Response.objects.exists()
    draft = api_for("hr").put(api_url(exported, "/draft"), body, format="json")
    assert draft.status_code == 403 and not Draft.objects.exists()


@pytest.mark.parametrize("persona", STAFF)
def test_staff_cannot_read_a_draft_through_an_exported_link(invitation, exported, staff, api_for, persona):
    anna = english_client()
    first = anna.get(step_url(exported, 1))
    answers = answer_page(first, lambda name, values: values[2])
    assert anna.post(step_url(exported, 1), answers).status_code == 302
    assert Draft.objects.get(invitation=invitation).data["answers"]

    client = staff(persona)
    welcome = client.get(survey_url(exported))
    assert "Answers were saved earlier through this link in another browser" in text(welcome)
    assert "Continue where you left off" not in text(welcome)
    step = client.get(step_url(exported, 1))
    assert ' checked' not in step.content.decode()
    review = client.get(survey_url(exported, "gennemse/"))
    assert text(review).count("Not answered") == len(invitation.requirements)
    survey = api_for(persona).get(api_url(exported))
    assert survey.json()["draft"] == {} and survey.json()["answer_only"] is True
    # Submitting what Anna saved is refused as well: for this browser nothing is answered.
    client.post(survey_url(exported, "gennemse/"), {"idempotency_key": hidden(review, "idempotency_key")})
    assert not Response.objects.exists()
    # Anna's own browser still resumes her answers.
    mine = anna.get(step_url(exported, 1)).content.decode()
    assert all(f'name="{name}" value="{value}" checked' in mine for name, value in answers.items()
               if name.startswith("c-"))


def test_whoever_saves_through_an_exported_link_starts_over_and_locks_the_earlier_browser_out(invitation,
                                                                                              exported, staff):
    anna = english_client()
    anna.post(step_url(exported, 1), answer_page(anna.get(step_url(exported, 1))))
    hr = staff("hr")
    page = hr.get(step_url(exported, 1))
    hr.post(step_url(exported, 1), answer_page(page, lambda name, values: values[0]))
    # HR's save replaced the draft: HR reads back only what HR wrote, and Anna's browser no longer reads it.
    assert "Continue where you left off" in text(hr.get(survey_url(exported)))
    assert "Answers were saved earlier" in text(anna.get(survey_url(exported)))


def test_a_draft_saved_through_the_e_mailed_link_stays_hidden_from_the_exported_one(invitation, exported,
                                                                                    token, staff):
    anna = english_client()
    anna.post(step_url(token, 1), answer_page(anna.get(step_url(token, 1))))
    assert "Answers were saved earlier" in text(staff("hr").get(survey_url(exported)))
    assert "Continue where you left off" in text(anna.get(survey_url(token)))


def test_a_manager_sees_nothing_of_a_result_nobody_shared(answered, exported, staff, world):
    assert staff("manager").get(reverse("mine:shared_result", args=[answered.pk])).status_code == 404
    assert "Anna Sørensen" not in text(staff("manager").get(reverse("mine:shared_results")))


# --- The person's proofs -------------------------------------------------------------------------------------------


def test_the_e_mailed_link_is_proof_enough(answered, exported, token, browser):
    assert browser.get(survey_url(token, "resultat/")).status_code == 200
    assert browser.get(survey_url(token, "resultat/pdf/da/"))["Content-Type"] == "application/pdf"
    browser.post(survey_url(token, "resultat/deling/"), {"share_with_manager": "on"})
    assert Response.objects.get(pk=answered.pk).share_with_manager
    assert AuditEntry.objects.get(action="response.consent").data == {"share_with_manager": True,
                                                                      "proof": "mailbox"}


def test_the_person_logged_in_reads_and_shares_through_the_exported_link(answered, exported, staff, world):
    anna = staff("employee")  # Anna's own account, linked to her person
    page = anna.get(survey_url(exported, "resultat/"))
    assert page.status_code == 200 and "Gaps, most important first" in text(page)
    assert anna.get(survey_url(exported, "resultat/pdf/en/"))["Content-Type"] == "application/pdf"
    anna.post(survey_url(exported, "resultat/deling/"), {"share_with_manager": "on"})
    assert Response.objects.get(pk=answered.pk).share_with_manager
    entry = AuditEntry.objects.get(action="response.consent")
    assert entry.data == {"share_with_manager": True, "proof": "login"} and entry.actor == world.user("employee")
    assert list(shared_results_for_manager(access_for(world.user("manager")))) == [answered]
    # "My surveys" leads her to her result as well.
    mine = anna.get(reverse("mine:surveys")).content.decode()
    assert "/resultat/" in mine


def test_the_person_logged_in_reads_and_shares_through_the_api(answered, exported, api_for):
    anna = api_for("employee")
    assert anna.get(api_url(exported, "/result")).json()["competences"]
    shared = anna.put(api_url(exported, "/consent"), {"share_with_manager": True}, format="json")
    assert shared.status_code == 200 and shared.json() == {"share_with_manager": True}
    assert AuditEntry.objects.get(action="response.consent").data["proof"] == "login"


def test_a_code_sent_to_the_person_opens_result_pdf_and_consent(answered, exported, browser, invitation):
    verify = browser.get(survey_url(exported, "bekraeft/"))
    assert "Send me a code" in text(verify)
    sent = browser.post(survey_url(exported, "bekraeft/kode/"), follow=True)
    assert "We have sent a code" in text(sent)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@aarhus.example"]
    message = mail.outbox[0]
    assert "engangskode" in message.subject and "Giv aldrig koden videre" in message.body
    assert invitation.public_id not in message.body and exported not in message.body  # the code, not a link
    code = code_from(message)
    wrong = browser.post(survey_url(exported, "bekraeft/"), {"code": "000000" if code != "000000" else "111111"})
    assert wrong.status_code == 400 and "The code is not right" in text(wrong)
    done = browser.post(survey_url(exported, "bekraeft/"), {"code": code}, follow=True)
    assert "Gaps, most important first" in text(done)
    assert browser.get(survey_url(exported, "resultat/pdf/da/"))["Content-Type"] == "application/pdf"
    browser.post(survey_url(exported, "resultat/deling/"), {"share_with_manager": "on"})
    assert Response.objects.get(pk=answered.pk).share_with_manager
    assert AuditEntry.objects.get(action="response.consent").data == {"share_with_manager": True, "proof": "code"}
    # The proof is this browser's: another one, HR's say, still has none.
    other = english_client()
    assert other.get(survey_url(exported, "resultat/")).url == survey_url(exported, "bekraeft/")


def test_a_code_opens_the_saved_answers_in_another_browser(invitation, exported):
    first = english_client()
    page = first.get(step_url(exported, 1))
    first.post(step_url(exported, 1), answer_page(page))
    second = english_client()
    second.post(survey_url(exported, "bekraeft/kode/"))
    second.post(survey_url(exported, "bekraeft/"), {"code": code_from(mail.outbox[-1])})
    assert "Continue where you left off" in text(second.get(survey_url(exported)))
    assert " checked" in second.get(step_url(exported, 1)).content.decode()


def test_the_browser_that_answered_sees_the_result_but_must_prove_itself_to_share(invitation, exported):
    browser = english_client()
    number = 1
    while True:
        page = browser.get(step_url(exported, number))
        saved = browser.post(step_url(exported, number), answer_page(page))
        if saved.url == survey_url(exported, "gennemse/"):
            break
        number += 1
    review = browser.get(survey_url(exported, "gennemse/"))
    done = browser.post(survey_url(exported, "gennemse/"), {"idempotency_key": hidden(review, "idempotency_key")},
                        follow=True)
    assert "Thank you. Your answers are stored." in text(done) and "Gaps, most important first" in text(done)
    assert browser.get(survey_url(exported, "resultat/pdf/en/"))["Content-Type"] == "application/pdf"
    # Sharing is offered only after a proof: whoever answered through a handed-out link may not be the person.
    assert 'name="share_with_manager"' not in done.content.decode()
    assert "Confirm that it is you" in text(done)
    refused = browser.post(survey_url(exported, "resultat/deling/"), {"share_with_manager": "on"})
    assert refused.url == survey_url(exported, "bekraeft/")
    assert not Response.objects.get(invitation=invitation).share_with_manager
    # Another browser has no such proof, and this one's lapses after PROOF_LIFETIME.
    assert english_client().get(survey_url(exported, "resultat/")).url == survey_url(exported, "bekraeft/")
    session = browser.session
    session[SESSION_KEY][str(invitation.pk)]["submitted"] = 0
    session.save()
    assert browser.get(survey_url(exported, "resultat/")).url == survey_url(exported, "bekraeft/")


def test_a_person_without_an_e_mail_address_is_told_to_log_in(campaign, world, browser):
    links_export(campaign=campaign, scope="without_email", actor=world.user("hr"))
    carla = Invitation.objects.get(campaign=campaign, person=world.people["carla"])
    token = exported_token(carla)
    page = browser.get(survey_url(token, "bekraeft/"))
    assert "no e-mail address for you when you were invited" in text(page)
    assert "Send me a code" not in text(page)
    refused = browser.post(survey_url(token, "bekraeft/kode/"), follow=True)
    assert "Log in to DigiKomp instead" in text(refused) and not mail.outbox
