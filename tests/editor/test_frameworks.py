"""The framework editor through its pages: start a draft, edit items and descriptors, remove a competence with
its successor, preview, publish (refused with the missing list, then accepted), and the refusal of every edit
of a published version."""

import pytest
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.frameworks.models import (
    Area,
    Competence,
    Descriptor,
    FrameworkVersion,
    ProficiencyLevel,
    Replacement,
)
from digikomp.frameworks.services import framework_load, shipped_data
from tests.editor.urls import v
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db

DESCRIPTOR = {
    "text_da": "Kan alt",
    "text_en": "Can do it all",
    "knowledge_da": "Viden",
    "knowledge_en": "",
    "skill_da": "",
    "skill_en": "",
    "attitude_da": "",
    "attitude_en": "",
}


def descriptor_post(levels: dict[int, dict]) -> dict:
    """The descriptor page's POST data: one prefixed block of fields per level (empty levels left out)."""
    data = {}
    for value, fields in levels.items():
        for name in DESCRIPTOR:
            data[f"level-{value}-{name}"] = fields.get(name, "")
    return data


def start_draft(editor, published, label="1.1") -> FrameworkVersion:
    response = editor.post(
        reverse("editor:version_create", args=[published.framework.slug]),
        {f"{published.framework.slug}-version_label": label},
    )
    draft = FrameworkVersion.objects.get(framework=published.framework, version=label)
    assert response.status_code == 302 and response["Location"] == v("version", draft)
    return draft


def test_the_list_shows_every_framework_with_its_versions_and_offers_a_new_version(editor, published):
    response = editor.get(reverse("editor:index"))
    assert response.status_code == 200
    page = text(response)
    assert "Testmodel" in page and "1.0" in page
    # The suggested label is the next minor version, and the form posts to the framework's create URL.
    assert find(response, "form", action=reverse("editor:version_create", args=["testmodel"]))
    assert find(response, "input", name="testmodel-version_label", value="1.1")


def test_an_editor_starts_a_draft_that_copies_the_published_version(editor, published, world):
    draft = start_draft(editor, published)
    assert draft.status == "draft" and draft.previous == published
    assert (
        draft.competences.count() == 4 and Descriptor.objects.filter(competence__version=draft).count() == 16
    )
    entry = AuditEntry.objects.get(action="framework.draft")
    assert entry.actor == world.user("national_editor")
    page = text(editor.get(v("version", draft)))
    assert "A1.1 Kompetence A1.1" in page and "4 of 4 levels described" in page


def test_a_second_draft_is_refused_with_the_reason(editor, published):
    start_draft(editor, published)
    response = editor.post(
        reverse("editor:version_create", args=["testmodel"]), {"testmodel-version_label": "1.2"}
    )
    assert response.status_code == 200
    assert "The framework already has a draft." in text(response)
    assert not FrameworkVersion.objects.filter(version="1.2").exists()


def test_an_editor_edits_a_descriptor(editor, published):
    draft = start_draft(editor, published)
    url = v("descriptors", draft, code="A1.1")
    page = editor.get(url)
    assert page.status_code == 200
    assert len(find(page, "fieldset", class_="editor-fieldset")) == 4  # one fieldset per level
    assert find(page, "legend") and "Level 2: Niveau 2" in text(page)
    levels = {value: {"text_da": f"A1.1 kan på niveau {value}"} for value in range(1, 5)}
    levels[3] = {**DESCRIPTOR, "text_da": "Kan nu noget nyt", "skill_en": "A new skill"}
    response = editor.post(url, descriptor_post(levels))
    assert response.status_code == 302 and response["Location"] == url
    d = Descriptor.objects.get(competence__version=draft, competence__code="A1.1", level__value=3)
    assert (d.text_da, d.text_en, d.skill_en) == ("Kan nu noget nyt", "Can do it all", "A new skill")
    # The published version is untouched: the draft is a copy.
    assert (
        Descriptor.objects.get(competence__version=published, competence__code="A1.1", level__value=3).text_da
        == "A1.1 kan på niveau 3"
    )
    entry = AuditEntry.objects.filter(action="framework.descriptors.update").latest("id")
    assert entry.data["code"] == "A1.1" and 3 in entry.data["levels"]


def test_a_descriptor_with_text_but_no_danish_description_is_refused_and_nothing_is_saved(editor, published):
    draft = start_draft(editor, published)
    url = v("descriptors", draft, code="A1.1")
    before = list(
        Descriptor.objects.filter(competence__version=draft, competence__code="A1.1").values_list(
            "text_da", flat=True
        )
    )
    levels = {value: {"text_da": "Ændret"} for value in range(1, 5)}
    levels[2] = {"text_da": "", "text_en": "English only"}
    response = editor.post(url, descriptor_post(levels))
    assert response.status_code == 200
    assert "Write the Danish description, or empty every field of this level." in text(response)
    assert find(response, "textarea", name="level-2-text_da", **{"aria-invalid": "true"})
    assert (
        list(
            Descriptor.objects.filter(competence__version=draft, competence__code="A1.1").values_list(
                "text_da", flat=True
            )
        )
        == before
    )
    assert find(response, "div", class_="error-summary", role="alert")


def test_removing_a_competence_with_replaced_by_records_the_successor(editor, published, world):
    draft = start_draft(editor, published)
    merged = Competence.objects.get(version=draft, code="A1.2")
    survivor = Competence.objects.get(version=draft, code="A1.1")
    page = editor.get(v("competence_remove", draft, code="A1.2"))
    assert page.status_code == 200 and find(page, "select", name="replaced_by")
    response = editor.post(v("competence_remove", draft, code="A1.2"), {"replaced_by": survivor.pk})
    assert response.status_code == 302
    assert not Competence.objects.filter(version=draft, code="A1.2").exists()
    replacement = Replacement.objects.get(version=draft)
    assert (replacement.old_identifier, replacement.new_identifier) == (
        merged.identifier,
        survivor.identifier,
    )
    assert AuditEntry.objects.get(action="framework.competence.remove").data == {
        "code": "A1.2",
        "replaced_by": "A1.1",
    }
    # The version page lists the removal with its successor.
    page = text(editor.get(v("version", draft)))
    assert "A1.2 Kompetence A1.2" in page and "A1.1 Kompetence A1.1" in page


def test_publishing_is_refused_with_the_missing_list_then_accepted_once_complete(editor, published):
    draft = start_draft(editor, published)
    response = editor.post(
        v("competence_create", draft),
        {
            "code": "B1.3",
            "title_da": "Ny kompetence",
            "title_en": "New competence",
            "description_da": "",
            "description_en": "",
            "area": Area.objects.get(version=draft, code="B1").pk,
            "position": "",
            "digcomp": "2.1, 2.2",
            "esco": "http://data.europa.eu/esco/skill/abc\n",
        },
    )
    new = Competence.objects.get(version=draft, code="B1.3")
    assert response.status_code == 302 and response["Location"] == v("descriptors", draft, code="B1.3")
    assert new.digcomp_codes == ["2.1", "2.2"] and new.esco_uris == ["http://data.europa.eu/esco/skill/abc"]
    assert new.identifier not in set(published.competences.values_list("identifier", flat=True))

    page = editor.get(v("publish", draft))
    assert page.status_code == 200
    missing = [a["href"] for a in find(page, "a") if "#level-" in a.get("href", "")]
    assert missing == [v("descriptors", draft, code="B1.3") + f"#level-{n}" for n in range(1, 5)]
    assert "B1.3 Ny kompetence has no descriptor for level 1 (Niveau 1)." in text(page)
    assert not find(page, "textarea", name="changelog_da")  # no publish form while anything is missing

    # Publishing anyway (a stale form) is refused with the same list, and nothing changes.
    refused = editor.post(v("publish", draft), {"changelog_da": "Ny kompetence B1.3", "changelog_en": ""})
    assert refused.status_code == 200
    assert "Publishing was refused; nothing was changed" in text(refused)
    assert len([a for a in find(refused, "a") if "#level-" in a.get("href", "")]) == 4
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.changelog_da == "" and draft.published_at is None

    editor.post(
        v("descriptors", draft, code="B1.3"),
        descriptor_post({n: {"text_da": f"B1.3 niveau {n}"} for n in range(1, 5)}),
    )
    ready = editor.get(v("publish", draft))
    assert find(ready, "textarea", name="changelog_da")
    done = editor.post(
        v("publish", draft), {"changelog_da": "Ny kompetence B1.3", "changelog_en": "New B1.3"}
    )
    assert done.status_code == 302 and done["Location"] == v("version", draft)
    draft.refresh_from_db()
    assert (
        draft.is_published and draft.changelog_da == "Ny kompetence B1.3" and draft.changelog_en == "New B1.3"
    )
    assert AuditEntry.objects.filter(action="framework.publish", object_id=str(draft.pk)).exists()


def test_the_publish_form_needs_a_danish_changelog(editor, published):
    draft = start_draft(editor, published)
    response = editor.post(v("publish", draft), {"changelog_da": "  ", "changelog_en": "x"})
    assert response.status_code == 200
    assert find(response, "textarea", name="changelog_da", **{"aria-invalid": "true"})
    draft.refresh_from_db()
    assert not draft.is_published


@pytest.mark.parametrize(
    "name,kwargs,data",
    [
        (
            "version_edit",
            {},
            {
                "title_da": "Ændret",
                "title_en": "",
                "description_da": "",
                "description_en": "",
                "attribution_da": "",
                "attribution_en": "",
                "license": "",
            },
        ),
        ("descriptors", {"code": "A1.1"}, descriptor_post({n: {"text_da": "Ændret"} for n in range(1, 5)})),
        (
            "competence_edit",
            {"code": "A1.1"},
            {"code": "A1.1", "title_da": "Ændret", "area": 1, "digcomp": ""},
        ),
        ("competence_remove", {"code": "A1.1"}, {}),
        ("area_create", {}, {"code": "Z", "title_da": "Nyt område"}),
        ("area_delete", {"code": "A"}, {}),
        ("level_create", {}, {"value": 5, "name_da": "Fem"}),
        ("level_delete", {"value": 4}, {}),
        ("publish", {}, {"changelog_da": "Igen"}),
    ],
)
def test_a_published_version_cannot_be_edited(editor, published, name, kwargs, data):
    def state():
        version = FrameworkVersion.objects.get(pk=published.pk)
        return (
            version.title_da,
            version.status,
            version.published_at,
            sorted(Competence.objects.filter(version=version).values_list("code", "title_da")),
            sorted(Area.objects.filter(version=version).values_list("code", flat=True)),
            sorted(ProficiencyLevel.objects.filter(version=version).values_list("value", flat=True)),
            sorted(Descriptor.objects.filter(competence__version=version).values_list("text_da", flat=True)),
        )

    before, audit = state(), AuditEntry.objects.count()
    url = v(name, published, **kwargs)
    for method in ("get", "post"):
        response = getattr(editor, method)(url, data if method == "post" else None)
        assert response.status_code == 302 and response["Location"] == v("version", published)
    assert state() == before and AuditEntry.objects.count() == audit
    page = editor.get(v("version", published))
    assert "Version 1.0 is published and can no longer be changed." in text(page)


def test_areas_nest_order_and_refuse_a_loop_and_deleting_a_full_area(editor, published):
    draft = start_draft(editor, published)
    response = editor.post(
        v("area_create", draft),
        {
            "code": "C",
            "title_da": "Område C",
            "position": "",
            "parent": Area.objects.get(version=draft, code="A").pk,
        },
    )
    assert response.status_code == 302
    c = Area.objects.get(version=draft, code="C")
    assert c.parent.code == "A" and c.position > max(
        Competence.objects.filter(version=draft).values_list("position", flat=True)
    )
    # A cannot move under its own descendant: the form does not even offer it.
    edit = editor.get(v("area_edit", draft, code="A"))
    offered = {o["value"] for o in find(edit, "option")}  # the parent select is the page's only select
    assert str(Area.objects.get(version=draft, code="B").pk) in offered
    assert not offered & {str(c.pk), str(Area.objects.get(version=draft, code="A1").pk)}
    loop = editor.post(
        v("area_edit", draft, code="A"), {"code": "A", "title_da": "Område A", "parent": c.pk, "position": 1}
    )
    assert loop.status_code == 200 and Area.objects.get(version=draft, code="A").parent is None
    # Moving C to the top level and to the front works.
    editor.post(
        v("area_edit", draft, code="C"), {"code": "C", "title_da": "Område C", "parent": "", "position": 0}
    )
    c.refresh_from_db()
    assert c.parent is None and c.position == 0
    full = editor.post(v("area_delete", draft, code="A1"))
    assert full.status_code == 200 and "holds competences" in text(full)
    assert Area.objects.filter(version=draft, code="A1").exists()
    empty = editor.post(v("area_delete", draft, code="C"))
    assert empty.status_code == 302 and not Area.objects.filter(version=draft, code="C").exists()
    assert AuditEntry.objects.filter(action="framework.area.delete", data__code="C").exists()


def test_duplicate_codes_are_refused_next_to_the_field(editor, published):
    draft = start_draft(editor, published)
    response = editor.post(
        v("competence_create", draft),
        {"code": "A1.1", "title_da": "Dublet", "area": Area.objects.get(version=draft, code="A1").pk},
    )
    assert response.status_code == 200
    assert "Another competence in this version has the code A1.1." in text(response)
    assert find(response, "a", href="#id_code")  # the error summary links to the field
    assert Competence.objects.filter(version=draft, code="A1.1").count() == 1


def test_the_scale_levels_are_added_edited_and_deleted(editor, published):
    draft = start_draft(editor, published)
    assert "Niveau 4" in text(editor.get(v("levels", draft)))
    added = editor.post(
        v("level_create", draft),
        {"value": 5, "name_da": "Mester", "name_en": "Master", "band_da": "Høj", "band_en": "High"},
    )
    assert added.status_code == 302
    level = ProficiencyLevel.objects.get(version=draft, value=5)
    assert (level.name_da, level.band_en) == ("Mester", "High")
    # A new level makes every competence incomplete until it is described.
    assert len(text(editor.get(v("publish", draft))).split("has no descriptor for level 5")) == 5
    editor.post(v("level_edit", draft, value=5), {"value": 5, "name_da": "Mesterniveau"})
    level.refresh_from_db()
    assert level.name_da == "Mesterniveau"
    same = editor.post(v("level_create", draft), {"value": 2, "name_da": "Dublet"})
    assert "The scale already has a level 2." in text(same)
    confirm = editor.get(v("level_delete", draft, value=4))
    assert "4 descriptors are deleted with it" in text(confirm)
    editor.post(v("level_delete", draft, value=4))
    assert not ProficiencyLevel.objects.filter(version=draft, value=4).exists()
    assert not Descriptor.objects.filter(competence__version=draft, level__value=4).exists()
    assert ProficiencyLevel.objects.filter(version=published, value=4).exists()


def test_the_version_texts_are_edited(editor, published):
    draft = start_draft(editor, published)
    response = editor.post(
        v("version_edit", draft),
        {
            "title_da": "Testmodel 1.1",
            "title_en": "Test model",
            "description_da": "Ny",
            "description_en": "New",
            "attribution_da": "Kilde",
            "attribution_en": "Source",
            "license": "CC BY 4.0",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title_da, draft.attribution_en, draft.license) == ("Testmodel 1.1", "Source", "CC BY 4.0")
    entry = AuditEntry.objects.get(action="framework.version.update")
    assert set(entry.data["fields"]) >= {"title_da", "license"}


def test_digcomp_codes_are_chosen_from_digcomp_when_it_is_loaded(editor, published):
    framework_load(data=shipped_data("digcomp22.json"))
    draft = start_draft(editor, published)
    page = editor.get(v("competence_edit", draft, code="A1.1"))
    boxes = find(page, "input", type="checkbox", name="digcomp")
    assert len(boxes) == 21
    assert [b["value"] for b in boxes if "checked" in b] == ["1.1"]
    assert find(page, "legend") and "4.2 " in text(page)
    editor.post(
        v("competence_edit", draft, code="A1.1"),
        {
            "code": "A1.1",
            "title_da": "Kompetence A1.1",
            "area": Area.objects.get(version=draft, code="A1").pk,
            "position": 3,
            "generic": "on",
            "digcomp": ["1.1", "4.2"],
            "esco": "",
        },
    )
    assert Competence.objects.get(version=draft, code="A1.1").digcomp_codes == ["1.1", "4.2"]
    bad = editor.post(
        v("competence_edit", draft, code="A1.1"),
        {
            "code": "A1.1",
            "title_da": "x",
            "area": Area.objects.get(version=draft, code="A1").pk,
            "digcomp": ["9.9"],
            "esco": "not a uri",
        },
    )
    assert bad.status_code == 200
    assert "Line 1 is not a URI: not a uri" in text(bad)


def test_the_preview_shows_the_draft_with_a_banner(editor, published):
    draft = start_draft(editor, published)
    editor.post(
        v("descriptors", draft, code="B1.2"),
        descriptor_post({n: {"text_da": f"Forhåndsvist niveau {n}"} for n in range(1, 5)}),
    )
    response = editor.get(v("preview", draft))
    assert response.status_code == 200
    page = text(response)
    assert "Draft – not published." in page
    assert "Forhåndsvist niveau 3" in page and "Niveau 4" in page
    assert len(find(response, "details")) == 4
    published_preview = text(editor.get(v("preview", published)))
    assert "Draft – not published." not in published_preview
