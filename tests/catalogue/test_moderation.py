"""A municipality writes and submits a case in the application; a national editor comments, sends it back and
publishes it; the published case shows its municipality and date. Each step through the real pages."""

import pytest

from digikomp.audit.models import AuditEntry
from digikomp.catalogue import services
from digikomp.catalogue.models import Case, CaseEvent, EffortType, TargetGroup
from digikomp.lib.errors import ServiceError
from tests.catalogue.helpers import make_case
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    data = {
        "title": "Digital hjælp på lokalcentrene", "summary": "Frivillige hjælper ældre borgere med det digitale.",
        "body": "Første afsnit.\n\nAndet afsnit.", "results": "Flere klarer sig selv.",
        "municipalities": [str(pk) for pk in _municipalities("751")],
        "target_groups": [str(TargetGroup.objects.get(slug="aeldre").pk)],
        "effort_types": [str(EffortType.objects.get(slug="it-cafe").pk)],
        "areas": [], "period_start": "2024-01-01", "period_end": "", "contact_name": "Lis Lund",
        "contact_email": "lis@eksempel.dk", "contact_phone": "",
    }
    for prefix in ("figures", "images", "attachments"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update({"figures-TOTAL_FORMS": "1", "figures-0-label": "Borgere hjulpet", "figures-0-value": "240"})
    data.update(changes)
    return data


def _municipalities(*codes):
    from digikomp.tenancy.models import Municipality

    return list(Municipality.objects.filter(code__in=codes).values_list("pk", flat=True))


def test_submission_review_and_publication(client_for, client):
    hr = client_for("hr")
    response = hr.post("/app/katalog/ny/", _form())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/app/katalog/{case.pk}/"
    assert case.status == Case.Status.DRAFT and case.owner.code == "751"
    assert case.body == "<p>Første afsnit.</p><p>Andet afsnit.</p>"
    assert list(case.figures.values_list("label", "value")) == [("Borgere hjulpet", "240")]
    # The case and its figures are one change, audited once by the service that wrote both.
    created = AuditEntry.objects.get(action="catalogue.case_created", object_id=str(case.pk))
    assert created.data == {"parts": ["figures"]}
    assert client.get(f"/katalog/{case.slug}/").status_code == 404  # not public yet

    hr.post(f"/app/katalog/{case.pk}/indsend/", {"comment": "Klar til jer."})
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW
    # While it is with the editors the municipality cannot change it.
    assert hr.get(f"/app/katalog/{case.pk}/rediger/").status_code == 302

    editor = client_for("national_editor")
    queue = editor.get("/app/katalog/redaktion/")
    assert find(queue, "a", href=f"/app/katalog/redaktion/{case.pk}/")
    editor.post(f"/app/katalog/redaktion/{case.pk}/", {"step": "send_back", "comment": "Tilføj resultater."})
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT
    # The municipality reads the comment on its case page.
    assert "Tilføj resultater." in text(hr.get(f"/app/katalog/{case.pk}/"))

    hr.post(f"/app/katalog/{case.pk}/rediger/", _form(results="240 borgere fik hjælp.", submit="1"))
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW and case.results == "<p>240 borgere fik hjælp.</p>"

    editor.post(f"/app/katalog/redaktion/{case.pk}/", {"step": "publish", "comment": ""})
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED and case.published_at is not None
    assert [e.action for e in case.events.all()] == [
        "created", "submitted", "sent_back", "submitted", "published"]

    page = client.get(f"/katalog/{case.slug}/")
    assert page.status_code == 200
    byline = text(page)
    assert "Aarhus" in byline and case.published_at.strftime("%Y") in byline
    assert AuditEntry.objects.filter(action="catalogue.case_published", object_id=str(case.pk)).exists()


def test_sending_back_and_rejecting_need_a_comment(client_for):
    case = make_case(publish=False)
    services.case_submit(case=case, actor=None)
    editor = client_for("national_editor")
    response = editor.post(f"/app/katalog/redaktion/{case.pk}/", {"step": "reject", "comment": ""})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW
    editor.post(f"/app/katalog/redaktion/{case.pk}/", {"step": "reject", "comment": "Ligger uden for kataloget."})
    case.refresh_from_db()
    assert case.status == Case.Status.REJECTED
    assert case.events.last().comment == "Ligger uden for kataloget."


def test_a_case_cannot_go_to_review_without_its_classification():
    case = make_case(publish=False, groups=(), types=())
    with pytest.raises(ServiceError) as error:
        services.case_submit(case=case, actor=None)
    assert {"target_groups", "effort_types"} <= set(error.value.errors)


def test_a_step_the_status_does_not_allow_is_refused():
    case = make_case()
    with pytest.raises(ServiceError):
        services.case_reject(case=case, actor=None, comment="x")
    services.case_unpublish(case=case, actor=None)
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT and case.published_at is not None


def test_another_municipality_cannot_see_or_touch_the_case(client_for):
    case = make_case(publish=False)
    other = client_for("other_admin")
    assert other.get(f"/app/katalog/{case.pk}/").status_code == 404
    assert other.post(f"/app/katalog/{case.pk}/indsend/").status_code == 404
    assert other.get(f"/katalog/{case.slug}/").status_code == 404
    assert "Digitale ambassadører" not in text(other.get("/app/katalog/"))


def test_the_municipality_lists_its_own_cases_with_their_status(client_for):
    make_case(title="Vores kladde", publish=False)
    make_case(title="Københavns case", owner="101", municipalities=("101",), publish=False)
    page = text(client_for("municipal_admin").get("/app/katalog/"))
    assert "Vores kladde" in page and "Kladde" in page and "Københavns case" not in page


def test_an_unpublished_case_is_a_preview_for_its_writers_and_editors_only(client_for):
    case = make_case(publish=False)
    for persona, status in [("hr", 200), ("national_editor", 200), ("manager", 404), ("anonymous", 404)]:
        response = client_for(persona).get(f"/katalog/{case.slug}/")
        assert response.status_code == status, persona
    assert "ikke offentlig" in text(client_for("hr").get(f"/katalog/{case.slug}/"))


def test_editors_may_correct_a_case_in_review(client_for):
    case = make_case(publish=False)
    services.case_submit(case=case, actor=None)
    editor = client_for("national_editor")
    data = _form(title="Rettet titel")
    response = editor.post(f"/app/katalog/{case.pk}/rediger/", data)
    assert response.status_code == 302 and response["Location"] == f"/app/katalog/redaktion/{case.pk}/"
    case.refresh_from_db()
    assert case.title == "Rettet titel" and case.status == Case.Status.IN_REVIEW
    assert CaseEvent.objects.filter(case=case, action="submitted").exists()
