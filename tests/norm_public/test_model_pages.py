"""The public pages of the competence models: overview, model page, competence page, older versions, drafts."""

import re

import pytest
from django.test import Client

from digikomp.frameworks.models import FrameworkVersion
from digikomp.frameworks.public.lineage import fates
from digikomp.frameworks.services import (
    competence_remove,
    framework_load,
    version_draft_create,
    version_publish,
)
from tests.frameworks.builders import framework_data
from tests.norm_public.conftest import MODEL
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db
DIGCOMP = "digcomp-2-2"


def test_overview_shows_both_models_the_profile_library_and_downloads(client, shipped_norm):
    response = client.get("/normen/")
    assert response.status_code == 200
    page = text(response)
    national, digcomp = "Kommunernes digitale kompetencemodel", "DigComp 2.2 – EU's referenceramme"
    assert national in page and digcomp in page
    assert page.index(national) < page.index(digcomp)  # the national model comes first
    assert find(response, "a", href="/normen/profiler/")
    assert find(response, "a", href=f"/normen/{MODEL}/")
    for fmt in ("json", "csv", "moodle-da", "case"):
        assert find(response, "a", href=f"/normen/{MODEL}/1.0/download/{fmt}/")
    assert find(response, "a", href="/normen/profiler/data.json")
    assert find(response, "a", href="https://creativecommons.org/licenses/by/4.0/", rel="license")


def test_overview_works_before_anything_is_published(client, db):
    response = client.get("/normen/")
    assert response.status_code == 200
    assert "Der er endnu ikke udgivet nogen kompetencemodel." in text(response)


def test_model_page_lists_every_competence_with_links_to_its_descriptors_and_digcomp(client, shipped_norm):
    version = shipped_norm.framework_version
    response = client.get(f"/normen/{MODEL}/")
    assert response.status_code == 200
    codes = list(version.competences.values_list("code", flat=True))
    assert len(codes) == 44
    for code in codes:
        assert find(response, "li", id=f"kompetence-{code}"), code
        assert find(response, "a", href=f"/normen/{MODEL}/1.0/kompetencer/{code}/"), code
    # Areas nest: the four dimensions and the underlying competences, each with its parts.
    assert find(response, "h3", id="omraade-A") and find(response, "h4", id="omraade-A1")
    # DigComp codes link to the competence's anchor on the DigComp page, and that anchor exists there.
    a11 = version.competences.get(code="A1.1")
    for code in a11.digcomp_codes:
        assert find(response, "a", href=f"/normen/{DIGCOMP}/#kompetence-{code}")
        assert find(client.get(f"/normen/{DIGCOMP}/"), "li", id=f"kompetence-{code}")
    page = text(response)
    for name in ("Begynder", "Øvet", "Rutineret", "Ekspert"):
        assert name in page
    assert version.changelog_da and " ".join(version.changelog_da.split()) in page


def test_the_versioned_address_shows_the_same_version(client, shipped_norm):
    latest = client.get(f"/normen/{MODEL}/")
    versioned = client.get(f"/normen/{MODEL}/1.0/")
    assert versioned.status_code == 200
    assert len(find(versioned, "li", class_="competence")) == len(find(latest, "li", class_="competence")) == 44


def test_digcomp_page_shows_its_structure_and_the_attribution_with_licence_link(client, shipped_norm):
    response = client.get(f"/normen/{DIGCOMP}/")
    assert response.status_code == 200
    assert len(find(response, "li", class_="competence")) == 21
    page = text(response)
    assert "JRC128415" in page and "CC BY 4.0" in page
    assert find(response, "a", href="https://creativecommons.org/licenses/by/4.0/", rel="license")
    assert "Højt specialiseret 8" in page and "Grundlæggende" in page  # 8 levels in 4 bands
    assert len(re.findall(r'<tr>\s*<td class="num">', response.content.decode())) == 8


def test_model_page_credits_digcomp_too(client, shipped_norm):
    response = client.get(f"/normen/{MODEL}/")
    page = text(response)
    assert "DigComp 2.2" in page and "CC BY 4.0" in page
    assert find(response, "a", href="https://creativecommons.org/licenses/by/4.0/", rel="license")


def test_competence_page_shows_the_descriptor_for_every_level(client, shipped_norm):
    version = shipped_norm.framework_version
    competence = version.competences.get(code="A1.1")
    response = client.get(f"/normen/{MODEL}/1.0/kompetencer/A1.1/")
    assert response.status_code == 200
    assert len(find(response, "li", class_="descriptor")) == 4
    page = text(response)
    assert competence.title_da in page
    for descriptor in competence.descriptors.select_related("level"):
        assert " ".join(descriptor.text_da.split()) in page
        assert " ".join(descriptor.knowledge_da.split()) in page
        assert " ".join(descriptor.skill_da.split()) in page
        assert " ".join(descriptor.attitude_da.split()) in page
        assert f"niveau-{descriptor.level.value}" in response.content.decode()
    for code in competence.digcomp_codes:
        assert find(response, "a", href=f"/normen/{DIGCOMP}/#kompetence-{code}")


def test_english_visitors_read_the_english_content(shipped_norm):
    client = Client()
    client.cookies["digikomp_language"] = "en"
    competence = shipped_norm.framework_version.competences.get(code="A1.1")
    page = text(client.get(f"/normen/{MODEL}/1.0/kompetencer/A1.1/"))
    assert competence.title_en in page and competence.title_da not in page
    descriptor = competence.descriptors.first()
    assert " ".join(descriptor.text_en.split()) in page


def test_unknown_models_versions_and_competences_are_404(client, shipped_norm):
    assert client.get("/normen/findes-ikke/").status_code == 404
    assert client.get(f"/normen/{MODEL}/9.9/").status_code == 404
    assert client.get(f"/normen/{MODEL}/1.0/kompetencer/Z9.9/").status_code == 404


def test_a_draft_version_is_never_shown(client, shipped_norm):
    framework = shipped_norm.framework_version.framework
    draft = version_draft_create(framework=framework, version_label="1.1")
    draft.title_da = "Hemmeligt udkast"
    draft.save()
    assert client.get(f"/normen/{MODEL}/1.1/").status_code == 404
    assert client.get(f"/normen/{MODEL}/1.1/kompetencer/A1.1/").status_code == 404
    for fmt in ("json", "csv", "moodle-da", "moodle-en", "case"):
        assert client.get(f"/normen/{MODEL}/1.1/download/{fmt}/").status_code == 404
    latest = client.get(f"/normen/{MODEL}/")
    assert "Hemmeligt udkast" not in text(latest)
    assert not find(latest, "a", href=f"/normen/{MODEL}/1.1/")
    assert "Hemmeligt udkast" not in text(client.get("/normen/"))


@pytest.fixture
def replaced(db):
    """testmodel 1.0, then 1.1 where A1.2 was merged into A1.1 and B1.2 was dropped."""
    old = framework_load(data=framework_data())
    draft = version_draft_create(framework=old.framework, version_label="1.1")
    competence_remove(competence=draft.competences.get(code="A1.2"), replaced_by=draft.competences.get(code="A1.1"))
    competence_remove(competence=draft.competences.get(code="B1.2"))
    new = version_publish(version=draft, changelog_da="A1.2 er lagt sammen med A1.1; B1.2 udgår.",
                          changelog_en="A1.2 merged into A1.1; B1.2 dropped.")
    return old, new


def test_an_older_version_says_what_replaced_its_competences(client, replaced):
    response = client.get("/normen/testmodel/1.0/")
    assert response.status_code == 200
    page = text(response)
    assert "Du læser version 1.0, som er afløst af en nyere version." in page
    assert find(response, "a", href="/normen/testmodel/")
    assert "Erstattet i version 1.1 af A1.1 Kompetence A1.1" in page
    assert find(response, "a", href="/normen/testmodel/1.1/kompetencer/A1.1/")
    assert "Fjernet i version 1.1 uden en afløser." in page
    assert len(find(response, "li", class_="competence competence-replaced")) == 2
    # The competence page of the replaced competence says so too.
    competence = text(client.get("/normen/testmodel/1.0/kompetencer/A1.2/"))
    assert "Erstattet i version 1.1 af A1.1 Kompetence A1.1" in competence


def test_the_latest_version_lists_every_version_with_its_changelog(client, replaced):
    response = client.get("/normen/testmodel/")
    page = text(response)
    assert "You are reading version" not in page
    assert "A1.2 er lagt sammen med A1.1; B1.2 udgår." in page and "Første udgave" in page
    assert find(response, "a", href="/normen/testmodel/1.0/")
    assert len(find(response, "li", class_="competence")) == 2


def test_replacements_are_followed_across_several_versions(replaced):
    old, middle = replaced
    draft = version_draft_create(framework=old.framework, version_label="1.2")
    competence_remove(competence=draft.competences.get(code="A1.1"), replaced_by=draft.competences.get(code="B1.1"))
    newest = version_publish(version=draft, changelog_da="A1.1 indgår i B1.1.")
    found = {old.competences.get(identifier=k).code: v for k, v in fates(old).items()}
    assert set(found) == {"A1.1", "A1.2", "B1.2"}
    assert found["A1.2"].successor.code == "B1.1" and found["A1.2"].changed_in == middle
    assert found["A1.1"].successor.code == "B1.1" and found["A1.1"].changed_in == newest
    assert found["B1.2"].successor is None
    assert all(f.successor is None or f.successor.version_id == newest.pk for f in found.values())
    assert fates(newest) == {}


def test_an_unpublished_draft_replacement_is_not_told(replaced):
    old, middle = replaced
    draft = version_draft_create(framework=old.framework, version_label="1.2")
    competence_remove(competence=draft.competences.get(code="A1.1"), replaced_by=draft.competences.get(code="B1.1"))
    assert fates(middle) == {}  # the draft does not count until it is published
    assert FrameworkVersion.objects.get(pk=draft.pk).status == "draft"
