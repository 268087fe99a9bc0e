"""An employee's own surveys, and the results shared with a manager."""

import pytest

from digikomp.assessments.models import Invitation, Response
from digikomp.assessments.services import invitations_create, response_submit
from tests.assessments.helpers import full_answers, map_jobs, open_campaign


@pytest.fixture
def answered(shipped_norm, world):
    map_jobs(world)
    campaign = open_campaign(world)
    invitations_create(campaign=campaign)
    anna = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    bo = Invitation.objects.get(campaign=campaign, person=world.people["bo"])
    response_submit(invitation=anna, body=full_answers(anna) | {"share_with_manager": True})
    response_submit(invitation=bo, body=full_answers(bo) | {"share_with_manager": True})
    return campaign


def test_an_employee_sees_their_surveys_with_the_result_link(answered, client_for):
    page = client_for("employee").get("/app/mine-kortlaegninger/").content.decode()
    assert answered.name in page and "/svar/" in page and "/resultat/" in page


def test_a_manager_sees_only_shared_results_within_their_units(answered, client_for, world):
    client = client_for("manager")
    page = client.get("/app/delte-resultater/").content.decode()
    assert "Anna Sørensen" in page  # home care is below the manager's unit, and she shared
    assert "Bo Nielsen" not in page  # shared, but at the school, outside the manager's units
    anna = Response.objects.get(invitation__person=world.people["anna"])
    bo = Response.objects.get(invitation__person=world.people["bo"])
    assert client.get(f"/app/delte-resultater/{anna.pk}/").status_code == 200
    assert client.get(f"/app/delte-resultater/{bo.pk}/").status_code == 404
    Response.objects.filter(pk=anna.pk).update(share_with_manager=False)  # consent withdrawn
    assert client.get(f"/app/delte-resultater/{anna.pk}/").status_code == 404
    assert "Anna Sørensen" not in client.get("/app/delte-resultater/").content.decode()


@pytest.mark.parametrize("persona", ["municipal_admin", "hr", "employee", "other_admin"])
def test_nobody_but_the_manager_reads_shared_results(answered, client_for, persona, world):
    anna = Response.objects.get(invitation__person=world.people["anna"])
    assert client_for(persona).get(f"/app/delte-resultater/{anna.pk}/").status_code == 403
