import pytest

from digikomp.audit.models import AuditEntry
from digikomp.frameworks.models import Competence, FrameworkVersion
from digikomp.frameworks.services import (
    FrameworkError,
    competence_remove,
    ensure_editable,
    framework_load,
    version_draft_create,
    version_publish,
)
from tests.frameworks.builders import framework_data

pytestmark = pytest.mark.django_db


def test_publishing_is_refused_with_every_missing_descriptor_listed():
    version = framework_load(data=framework_data(missing_descriptor=("B1.2", 3)), publish=False)
    with pytest.raises(FrameworkError) as refused:
        version_publish(version=version)
    assert len(refused.value.messages) == 1
    assert "B1.2" in refused.value.messages[0] and "3" in refused.value.messages[0]
    version.refresh_from_db()
    assert version.status == FrameworkVersion.Status.DRAFT


def test_a_complete_version_publishes_and_is_then_frozen():
    version = framework_load(data=framework_data(), publish=False)
    version_publish(version=version)
    version.refresh_from_db()
    assert version.is_published and version.published_at is not None
    assert AuditEntry.objects.filter(action="framework.publish").count() == 1
    with pytest.raises(FrameworkError):
        ensure_editable(version)
    with pytest.raises(FrameworkError):
        version_publish(version=version)


def test_a_new_draft_copies_content_and_keeps_identifiers():
    published = framework_load(data=framework_data())
    draft = version_draft_create(framework=published.framework, version_label="1.1")
    old = {c.code: c.identifier for c in published.competences.all()}
    new = {c.code: c.identifier for c in draft.competences.all()}
    assert old == new
    assert draft.previous == published
    assert sum(c.descriptors.count() for c in draft.competences.all()) == 4 * 4
    # The areas keep their tree shape.
    assert {(a.code, a.parent.code if a.parent else None) for a in draft.areas.all()} == {
        ("A", None), ("A1", "A"), ("B", None), ("B1", "B")}


def test_a_new_version_needs_a_changelog_and_records_replacements():
    published = framework_load(data=framework_data())
    draft = version_draft_create(framework=published.framework, version_label="1.1")
    merged, survivor = Competence.objects.get(version=draft, code="A1.2"), Competence.objects.get(
        version=draft, code="A1.1")
    competence_remove(competence=merged, replaced_by=survivor)
    with pytest.raises(FrameworkError) as refused:
        version_publish(version=draft)
    assert any("ændringslog" in p.lower() for p in refused.value.messages)  # Danish, the default language
    version_publish(version=draft, changelog_da="A1.2 er lagt sammen med A1.1.")
    replacement = draft.replacements.get()
    assert (replacement.old_identifier, replacement.new_identifier) == (merged.identifier, survivor.identifier)
    assert published.competences.filter(code="A1.2").exists()  # the published version is untouched


def test_only_one_draft_at_a_time():
    published = framework_load(data=framework_data())
    version_draft_create(framework=published.framework, version_label="1.1")
    with pytest.raises(FrameworkError):
        version_draft_create(framework=published.framework, version_label="1.2")
