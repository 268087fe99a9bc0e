"""Local adaptation against the database: overlays, the diff, taking in a new release, local profiles."""

import pytest

from digikomp.frameworks.services import framework_load
from digikomp.profiles import selectors, services
from digikomp.profiles.models import AdaptationChange, NormRelease, Profile, ProfileRevision, Requirement
from digikomp.profiles.resolution import Deviation
from tests.frameworks.builders import framework_data


def library(levels: dict[str, int], extra: dict[str, int] | None = None) -> dict:
    """Two profiles: "alle" (A1.1) and "ssa" extending it with `levels` (code -> level)."""
    return {"framework": "testmodel", "profiles": [
        {"slug": "alle", "name": {"da": "Alle medarbejdere", "en": "All employees"}, "extends": None,
         "requirements": [{"competence": "A1.1", "level": 1, "importance": "essential"}]},
        {"slug": "ssa", "name": {"da": "Social- og sundhedsassistent", "en": "Health assistant"}, "extends": "alle",
         "requirements": [{"competence": c, "level": v, "importance": "essential"}
                          for c, v in {**levels, **(extra or {})}.items()]},
    ]}


@pytest.fixture
def norm(db):
    version = framework_load(data=framework_data())
    release = NormRelease.objects.create(version="1.0", framework_version=version)
    services.library_load(data=library({"A1.2": 2, "B1.1": 2}), release=release)
    release = services.release_publish(release=release)
    return version, release


def ident(version, code):
    return version.competences.get(code=code).identifier


def test_the_effective_profile_merges_the_chain_and_the_overlay(norm, world):
    version, release = norm
    ssa = Profile.objects.get(slug="ssa")
    effective = selectors.effective_profile(ssa, world.aarhus)
    assert {c.code: e.level for c, e in effective.rows()} == {"A1.1": 1, "A1.2": 2, "B1.1": 2}

    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=ssa)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=3)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.2"), level=1)
    services.adaptation_remove(adaptation=adaptation, competence_identifier=ident(version, "A1.2"))
    effective = selectors.effective_profile(ssa, world.aarhus)
    by_code = {c.code: e for c, e in effective.rows()}
    assert by_code["B1.1"].level == 3 and by_code["B1.1"].deviation == Deviation.RAISED
    assert by_code["B1.2"].deviation == Deviation.ADDED
    assert by_code["A1.2"].level is None and by_code["A1.2"].deviation == Deviation.REMOVED
    assert {c.code for c, e in effective.rows() if e.level is not None} == {"A1.1", "B1.1", "B1.2"}
    # Another municipality, and the national view, see the norm untouched.
    assert {c.code: e.level for c, e in selectors.effective_profile(ssa, world.kobenhavn).rows()} == {
        "A1.1": 1, "A1.2": 2, "B1.1": 2}


def test_setting_a_level_back_to_the_norm_removes_the_deviation(norm, world):
    version, _ = norm
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=Profile.objects.get(slug="ssa"))
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=3)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=2)
    assert not AdaptationChange.objects.exists()


def test_a_level_outside_the_scale_is_refused(norm, world):
    version, _ = norm
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=Profile.objects.get(slug="ssa"))
    with pytest.raises(services.ProfileError):
        services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=9)
    assert not AdaptationChange.objects.exists()


def test_taking_in_a_release_reports_norm_changes_and_asks_about_conflicts(norm, world):
    version, first = norm
    ssa = Profile.objects.get(slug="ssa")
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=ssa)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=3)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "A1.2"), level=3)

    second = services.release_draft_create(version="2.0", framework_version=version)
    services.library_load(data=library({"A1.2": 3}), release=second)  # B1.1 dropped, A1.2 raised to 3
    second = services.release_publish(release=second, changelog_da="B1.1 udgår for SSA; A1.2 hæves.")

    report = services.take_in_report(municipality=world.aarhus, release=second)[ssa]
    kinds = {(c.identifier, c.kind) for c in report.norm_changes}
    assert (ident(version, "B1.1"), "removed") in kinds and (ident(version, "A1.2"), "raised") in kinds
    assert [c.change.identifier for c in report.conflicts] == [ident(version, "B1.1")]
    assert [c.identifier for c in report.redundant] == [ident(version, "A1.2")]

    with pytest.raises(services.ProfileError):
        services.release_take_in(municipality=world.aarhus, release=second)  # the conflict needs a decision
    assert selectors.release_for(world.aarhus) == first

    change = AdaptationChange.objects.get(competence_identifier=ident(version, "B1.1"))
    services.release_take_in(municipality=world.aarhus, release=second, decisions={change.pk: "keep"})
    assert selectors.release_for(world.aarhus) == second
    by_code = {c.code: e for c, e in selectors.effective_profile(ssa, world.aarhus).rows()}
    assert by_code["B1.1"].level == 3 and by_code["B1.1"].deviation == Deviation.ADDED  # kept, now local
    assert by_code["A1.2"].level == 3 and by_code["A1.2"].deviation == Deviation.NONE
    # The first release is unchanged: published releases never change.
    assert Requirement.objects.filter(revision__release=first, revision__profile=ssa).count() == 2


def test_a_local_profile_extends_the_adapted_national_profile(norm, world):
    version, _ = norm
    ssa = Profile.objects.get(slug="ssa")
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=ssa)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=4)
    local = Profile.objects.create(owner=world.aarhus, slug="ssa-nat", framework=version.framework)
    revision = ProfileRevision.objects.create(profile=local, extends=ssa, name_da="SSA nattevagt")
    Requirement.objects.create(revision=revision, competence_identifier=ident(version, "B1.2"), level=2)
    by_code = {c.code: e for c, e in selectors.effective_profile(local, world.aarhus).rows()}
    assert by_code["B1.1"].level == 4 and by_code["B1.2"].deviation == Deviation.ADDED


def test_an_importance_only_change_follows_a_later_norm_level(norm, world):
    version, _first = norm
    ssa = Profile.objects.get(slug="ssa")
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=ssa)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident(version, "B1.1"), level=None,
                            importance="useful")
    second = services.release_draft_create(version="2.0", framework_version=version)
    services.library_load(data=library({"A1.2": 2, "B1.1": 3}), release=second)  # the norm raises B1.1
    second = services.release_publish(release=second, changelog_da="B1.1 hæves.")
    report = services.take_in_report(municipality=world.aarhus, release=second)[ssa]
    assert report.conflicts == []
    services.release_take_in(municipality=world.aarhus, release=second)
    b11 = {c.code: e for c, e in selectors.effective_profile(ssa, world.aarhus).rows()}["B1.1"]
    assert (b11.level, b11.importance, b11.deviation) == (3, "useful", Deviation.IMPORTANCE)


def test_the_table_is_saved_whole_or_not_at_all_and_names_each_refused_row(norm, world):
    """The adaptation page's table is one service call: a refused row rolls back the rows before it, and the
    error names that row's level field so the page puts it next to the input."""
    from digikomp.audit.models import AuditEntry

    version, _ = norm
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=Profile.objects.get(slug="ssa"))
    audited = AuditEntry.objects.count()
    rows = [services.TableRow("B1.1", ident(version, "B1.1"), 3), services.TableRow("A1.2", ident(version, "A1.2"), 9)]
    with pytest.raises(services.ProfileError) as refused:
        services.adaptation_table_save(adaptation=adaptation, rows=rows, actor=None)
    assert list(refused.value.errors) == ["A1.2-level"]
    assert not AdaptationChange.objects.exists() and AuditEntry.objects.count() == audited

    assert services.adaptation_table_save(adaptation=adaptation, rows=rows[:1], actor=None) == 1
    assert {(c.competence_identifier, c.level) for c in AdaptationChange.objects.all()} == {(ident(version, "B1.1"), 3)}
    assert AuditEntry.objects.count() > audited
