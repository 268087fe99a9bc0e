"""The tenancy guard (tenancy/guard.py): every tenant model answers for_access with its municipality's rows only,
application code that queries a tenant model unscoped raises, and the escape hatches say why."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from digikomp.accounts.models import RoleAssignment
from digikomp.assessments.models import (
    Answer,
    CustomAnswer,
    CustomQuestion,
    Draft,
    KnowledgeAnswer,
    KnowledgeItem,
    KnowledgeTally,
    VerificationCode,
)
from digikomp.assessments.services import response_submit
from digikomp.catalogue.models import CaseArea, CaseAttachment, CaseEvent, CaseFigure, CaseImage
from digikomp.insights.models import FigureRelease, ReleasedKnowledge, ReleasedResponses, ReleasedTally
from digikomp.orgimport.models import OrgImport
from digikomp.profiles.models import (
    Adaptation,
    AdaptationChange,
    MunicipalNorm,
    Profile,
    ProfileRevision,
    Requirement,
)
from digikomp.tenancy import guard
from digikomp.tenancy.access import access_for
from digikomp.tenancy.guard import TENANT_MODELS, UnscopedQuery, across_municipalities
from digikomp.tenancy.models import OrgUnit, Person
from tests.assessments.helpers import full_answers, invited_campaign
from tests.catalogue.helpers import make_case

# Code compiled under this name counts as DigiKomp's own code for the guard (it looks at where a query is asked).
APPLICATION_FILE = guard._SOURCE + "tenancy/example_view.py"


def run_as_application(source: str, **names):
    """Run `source` as if it were a line of src/digikomp; returns what it bound to `result`."""
    scope = {**names}
    exec(compile(source, APPLICATION_FILE, "exec"), scope)  # noqa: S102 - the point of the test
    return scope.get("result")


# -- the guard --------------------------------------------------------------------------------------------------


def test_an_unscoped_query_of_application_code_raises_and_names_the_model(world):
    with pytest.raises(UnscopedQuery, match=r"tenancy\.OrgUnit in tenancy/example_view\.py:1"):
        run_as_application("result = list(OrgUnit.objects.filter(name__startswith='A'))", OrgUnit=OrgUnit)
    for query in ("OrgUnit.objects.count()", "OrgUnit.objects.exists()", "OrgUnit.objects.get(external_id='AAR')",
                  "OrgUnit.objects.filter(active=False).update(name='x')", "list(OrgUnit.objects.iterator())",
                  "OrgUnit.objects.values_list('pk').first()"):
        with pytest.raises(UnscopedQuery):
            run_as_application(f"result = {query}", OrgUnit=OrgUnit)


def test_for_access_unscoped_and_across_municipalities_let_the_query_through(world):
    hr = access_for(world.user("hr"))
    mine = run_as_application("result = set(OrgUnit.objects.for_access(access).values_list('pk', flat=True))",
                              OrgUnit=OrgUnit, access=hr)
    assert mine == {u.pk for u in world.units.values() if u.municipality_id == world.aarhus.pk}
    everyone = run_as_application("result = OrgUnit.objects.unscoped('a test of the escape').count()",
                                  OrgUnit=OrgUnit)
    assert everyone == len(world.units)
    with across_municipalities("a test of the escape"):
        assert run_as_application("result = OrgUnit.objects.count()", OrgUnit=OrgUnit) == len(world.units)
    with pytest.raises(UnscopedQuery):  # and only inside the block
        run_as_application("result = OrgUnit.objects.count()", OrgUnit=OrgUnit)


def test_an_escape_needs_a_reason():
    with pytest.raises(ValueError):
        OrgUnit.objects.unscoped("  ")
    with pytest.raises(ValueError), across_municipalities(""):
        pass


def test_rows_reached_from_a_fetched_row_are_scoped_by_it(world):
    hr = access_for(world.user("hr"))
    members = run_as_application(
        "unit = OrgUnit.objects.for_access(access).get(external_id='HJP')\n"
        "result = [p.name for p in unit.members.all()] + [p.name for p in\n"
        "    OrgUnit.objects.for_access(access).prefetch_related('members').get(external_id='HJP').members.all()]",
        OrgUnit=OrgUnit, access=hr)
    assert members == ["Anna Sørensen", "Anna Sørensen"]


def test_model_validation_checks_uniqueness_across_the_table(world):
    duplicate = Person(municipality=world.aarhus, external_id="P1", name="Anna igen")
    with pytest.raises(ValidationError, match="eksisterer allerede"):
        run_as_application("person.full_clean()", person=duplicate)


def test_the_guard_is_off_unless_the_setting_turns_it_on(world, settings):
    settings.DIGIKOMP_TENANCY_GUARD = False
    assert run_as_application("result = OrgUnit.objects.count()", OrgUnit=OrgUnit) == len(world.units)


def test_the_packages_not_yet_guarded_are_real_packages():
    import digikomp

    packages = {p.name for p in __import__("pathlib").Path(digikomp.__file__).parent.iterdir() if p.is_dir()}
    assert guard.NOT_YET_GUARDED <= packages


# -- for_access over every tenant model ---------------------------------------------------------------------------


def _municipality_pk(row, path: str):
    """The row's municipality, found by following its foreign keys in Python (the oracle: not the ORM lookup)."""
    for part in path.split("__"):
        row = getattr(row, part)
        if row is None:
            return None
    return row.pk


@pytest.fixture
def tenant_rows(world, shipped_norm):
    """At least one row of every tenant model in Aarhus (through the services where they exist); København has
    its own units, people and role assignments from the personas' world."""
    campaign = invited_campaign(world)
    invitation = campaign.invitations.select_related("unit", "profile").first()
    question = CustomQuestion.objects.create(campaign=campaign, position=1, kind="text", text_da="Hvorfor?")
    response_submit(invitation=invitation, body=full_answers(invitation))
    response = invitation.response
    second = campaign.invitations.exclude(pk=invitation.pk).first()
    Draft.objects.create(invitation=second, data={})
    VerificationCode.objects.create(invitation=second, expires_at=timezone.now() + timedelta(minutes=10))
    item = KnowledgeItem.objects.create(key="TEST-1", competence_identifier=uuid.uuid4(), level=1,
                                        question_da="?", options_da=["a", "b"], correct=0)
    KnowledgeAnswer.objects.create(response=response, item=item, chosen=0, correct=True)
    CustomAnswer.objects.create(response=response, question=question, value="Fordi")
    KnowledgeTally.objects.create(campaign=campaign, unit=invitation.unit, competence_identifier=item.competence_identifier)
    release = FigureRelease.objects.create(campaign=campaign, k=5)
    ReleasedTally.objects.create(release=release, unit=invitation.unit, profile=None,
                                 competence_identifier=uuid.uuid4())
    ReleasedKnowledge.objects.create(release=release, unit=invitation.unit, competence_identifier=uuid.uuid4())
    ReleasedResponses.objects.create(release=release, unit=invitation.unit, invited=2, responded=1)

    national = Profile.objects.filter(owner__isnull=True).first()
    local = Profile.objects.create(owner=world.aarhus, slug="lokal-profil", framework=national.framework)
    revision = ProfileRevision.objects.create(profile=local, name_da="Lokal profil")
    Requirement.objects.create(revision=revision, competence_identifier=uuid.uuid4(), level=1)
    MunicipalNorm.objects.create(municipality=world.aarhus, release=shipped_norm)
    adaptation = Adaptation.objects.create(municipality=world.aarhus, profile=national)
    AdaptationChange.objects.create(adaptation=adaptation, competence_identifier=uuid.uuid4(), action="set", level=2)
    OrgImport.objects.create(municipality=world.aarhus, source=OrgImport.Source.TEMPLATE)

    case = make_case(publish=False)
    CaseFigure.objects.create(case=case, label="Borgere hjulpet", value="12")
    CaseImage.objects.create(case=case, image="catalogue/images/x.png", alt_text="Et billede")
    CaseAttachment.objects.create(case=case, file="catalogue/attachments/x.pdf", title="Et bilag")
    assert CaseArea.objects.filter(case=case).exists() and CaseEvent.objects.filter(case=case).exists()
    assert Answer.objects.filter(response=response).exists()
    return world


@pytest.mark.parametrize("label", sorted(model._meta.label for model in TENANT_MODELS))
def test_for_access_returns_only_the_rows_of_the_access_municipality(tenant_rows, label):
    world = tenant_rows
    model = next(m for m in TENANT_MODELS if m._meta.label == label)
    rule = TENANT_MODELS[model]
    rows = list(model._base_manager.all())
    shared = set(model._base_manager.filter(rule.shared).values_list("pk", flat=True)) if rule.shared else set()
    for persona, municipality in (("hr", world.aarhus), ("other_admin", world.kobenhavn)):
        expected = {row.pk for row in rows if _municipality_pk(row, rule.path) == municipality.pk} | shared
        if municipality == world.aarhus:
            assert expected - shared, f"the test built no row of {label} in Aarhus"
        seen = set(model.objects.for_access(access_for(world.user(persona))).values_list("pk", flat=True))
        assert seen == expected, f"{persona} sees the wrong rows of {label}"
    nobody = set(model.objects.for_access(access_for(world.user("provider"))).values_list("pk", flat=True))
    assert nobody == (set(model._base_manager.values_list("pk", flat=True)) if rule.sees_all
                      and access_for(world.user("provider")).has(rule.sees_all) else shared)


def test_editors_see_every_case_and_role_assignments_follow_the_user(tenant_rows):
    world = tenant_rows
    from digikomp.catalogue.models import Case

    assert Case.objects.for_access(access_for(world.user("national_editor"))).count() == Case.objects.count()
    assert not Case.objects.for_access(access_for(world.user("other_admin"))).exists()
    kbh = RoleAssignment.objects.for_access(access_for(world.user("other_admin")))
    assert {a.user.email for a in kbh} == {"admin@kbh.example"}


def test_a_case_the_reader_may_not_see_is_a_404_without_being_loaded(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = make_case(title="Hemmelig kladde om robotter", publish=False)
    for persona in ("anonymous", "other_admin", "employee"):
        with CaptureQueriesContext(connection) as queries:
            response = client_for(persona).get(f"/katalog/{case.slug}/")
        assert response.status_code == 404
        assert "Hemmelig kladde" not in response.content.decode()
        # The case was asked for through what the reader may read (published, or their own), never by slug alone.
        case_reads = [q["sql"].split(" WHERE ", 1)[-1] for q in queries.captured_queries
                      if 'FROM "catalogue_case"' in q["sql"]]
        assert case_reads and all('"status"' in where for where in case_reads)
    assert "Hemmelig kladde" in client_for("hr").get(f"/katalog/{case.slug}/").content.decode()  # its own: preview
