"""The personal result: level against requirement, gaps ranked, next steps, the PDF, and consent to share."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from digikomp.assessments.models import Invitation, Response
from digikomp.assessments.results import GAP, MET, UNKNOWN, personal_result, shared_results_for_manager
from digikomp.assessments.services import response_submit
from digikomp.audit.models import AuditEntry
from digikomp.frameworks.models import Competence
from digikomp.tenancy.access import access_for
from tests.assessments.helpers import full_answers
from tests.survey.helpers import survey_url, text
from tests.web.markup import find


def scenario(invitation):
    """Essential level-3 requirements one... two levels short, essential level 2 one short except one "don't
    know", useful ones at level 1; everything else meets its requirement."""
    answers, dont_know_given = {}, False
    for identifier, (required, importance) in invitation.requirements.items():
        if importance == "essential" and required == 2 and not dont_know_given:
            answers[identifier], dont_know_given = None, True
        elif required >= 2:
            answers[identifier] = 1
        else:
            answers[identifier] = required + 1
    return {"answers": answers}


@pytest.fixture
def submitted(invitation):
    return response_submit(invitation=invitation, body=scenario(invitation)).response


def test_gaps_are_ranked_essential_first_then_by_size_with_dont_know_after(submitted, invitation):
    with translation.override("en"):
        result = personal_result(submitted)
    assert len(result.rows) == len(invitation.requirements)
    order = [(r.importance, r.status, r.gap) for r in result.gaps]
    # 2 essential gaps of two levels, 8 essential of one, the essential "don't know", then 4 useful of one.
    assert order == ([("essential", GAP, 2)] * 2 + [("essential", GAP, 1)] * 8 + [("essential", UNKNOWN, 0)]
                     + [("useful", GAP, 1)] * 4)
    assert all(r.status == MET and r.level >= r.required for r in result.strengths)
    assert len(result.strengths) == 6  # the requirements at level 1, each rated 2
    assert result.unknown_count == 1 and result.below_count == 14


def test_next_steps_are_the_descriptor_of_the_next_level_up(submitted, shipped_norm):
    with translation.override("en"):
        result = personal_result(submitted)
    for row in result.gaps:
        competence = Competence.objects.get(version=shipped_norm.framework_version, identifier=row.identifier)
        expected_level = row.required if row.status == UNKNOWN else row.level + 1
        descriptor = competence.descriptors.get(level__value=expected_level)
        assert row.next_level == expected_level and row.next_step == descriptor.text_en


def test_the_result_page_shows_chart_table_gaps_and_next_steps(browser, submitted, token):
    page = browser.get(survey_url(token, "resultat/"))
    assert page.status_code == 200
    body = text(page)
    with translation.override("en"):
        result = personal_result(submitted)
    top = result.gaps[0]
    assert f"{top.code} {top.title} – you: Beginner, required: Proficient (essential)" in body
    assert f"Next level: 2 Practised {top.next_step}" in body
    assert "you: don't know, required: Practised (essential)" in body
    svg = find(page, "svg", role="img")
    assert len(svg) == 1 and "result-chart-title" in svg[0]["aria-labelledby"]
    assert "Your level and the required level per competence" in page.content.decode()
    assert find(page, "th", scope="row") and "Your answers per competence" in body
    # Every competence is in the table with both levels written out, not only drawn.
    for row in result.rows:
        assert row.title in body


@pytest.mark.parametrize("language, level_names", [
    ("da", ("Begynder", "Øvet", "Rutineret")),
    ("en", ("Beginner", "Practised", "Proficient")),
])
def test_the_pdf_holds_the_competences_and_levels(browser, submitted, token, shipped_norm, language,
                                                  level_names):
    response = browser.get(survey_url(token, f"resultat/pdf/{language}/"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    pdf_text = re.sub(r"\s+", " ", pdf_text)
    for identifier in submitted.invitation.requirements:
        competence = Competence.objects.get(version=shipped_norm.framework_version, identifier=identifier)
        title = competence.title_da if language == "da" else competence.title_en
        assert title in pdf_text, title
    for name in level_names:
        assert name in pdf_text
    if language == "en":  # the Danish msgstr comes with the lead's translation run
        assert "Your result" in pdf_text and "Next steps" in pdf_text


def test_the_pdf_language_must_be_one_we_write(browser, submitted, token):
    assert browser.get(survey_url(token, "resultat/pdf/de/")).status_code == 404


def test_consent_switches_sharing_on_and_off(browser, submitted, token, world):
    manager = access_for(world.user("manager"))
    assert not shared_results_for_manager(manager).exists()
    page = browser.get(survey_url(token, "resultat/"))
    assert "Now: nobody else can see this result." in text(page)
    assert find(page, "input", type="checkbox", name="share_with_manager", id="id_share_with_manager")
    assert find(page, "label", **{"for": "id_share_with_manager"})

    on = browser.post(survey_url(token, "resultat/deling/"), {"share_with_manager": "on"}, follow=True)
    assert "Your result is now shared with your manager." in text(on)
    assert "Now: your manager can see this result." in text(on)
    assert Response.objects.get(pk=submitted.pk).share_with_manager
    assert list(shared_results_for_manager(manager)) == [submitted]
    # The e-mailed link is the proof that the person gave the consent; the log says so.
    assert AuditEntry.objects.filter(action="response.consent",
                                     data={"share_with_manager": True, "proof": "mailbox"}).exists()

    off = browser.post(survey_url(token, "resultat/deling/"), {}, follow=True)
    assert "Your result is not shared with anyone." in text(off)
    assert not Response.objects.get(pk=submitted.pk).share_with_manager
    assert not shared_results_for_manager(manager).exists()


def test_consent_needs_a_submitted_response(browser, token):
    refused = browser.post(survey_url(token, "resultat/deling/"), {"share_with_manager": "on"})
    assert refused.url == survey_url(token)
    assert not Response.objects.exists()


def test_a_manager_sees_shared_results_only_in_their_own_subtree(campaign, world):
    for person in ("anna", "bo", "carla"):  # Hjemmeplejen (under SOC), Skovvangskolen (under BOU), SOC itself
        invitation = Invitation.objects.get(campaign=campaign, person=world.people[person])
        response_submit(invitation=invitation, body={**full_answers(invitation), "share_with_manager": True})
    manager = access_for(world.user("manager"))  # leads SOC
    shared = {r.invitation.person.name for r in shared_results_for_manager(manager)}
    assert shared == {"Anna Sørensen", "Carla Jensen"}
    # HR and admins see aggregates only; other municipalities and other roles see nothing.
    for persona in ("hr", "municipal_admin", "employee", "other_admin", "national_editor", "provider"):
        assert not shared_results_for_manager(access_for(world.user(persona))).exists(), persona
    # Withdrawn consent removes the person at once.
    Response.objects.filter(invitation__person=world.people["anna"]).update(share_with_manager=False)
    assert {r.invitation.person.name for r in shared_results_for_manager(manager)} == {"Carla Jensen"}


def test_the_result_as_plain_data(submitted):
    data = personal_result(submitted).as_dict()
    assert data["campaign"] == "Kortlægning 2026" and not data["shared_with_manager"]
    assert len(data["competences"]) == len(submitted.invitation.requirements)
    assert set(data["gaps"]) | set(data["strengths"]) == set(submitted.invitation.requirements)
