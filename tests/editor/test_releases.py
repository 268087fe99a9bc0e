"""Norm releases and national profiles through the editor pages: a draft release, edited requirements and
profiles, publishing (refused with the problems, then accepted), and what municipalities see meanwhile."""

import pytest
from django.urls import reverse

from digikomp.audit.models import AuditEntry
from digikomp.frameworks.models import Competence, FrameworkVersion
from digikomp.profiles.models import NormRelease, Profile, ProfileRevision, Requirement
from digikomp.profiles.selectors import effective_profile
from digikomp.profiles.services import adaptation_get_or_create, release_take_in
from tests.editor.urls import v
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db
NURSE = "sygeplejerske"


def r(name: str, release: str, **kwargs) -> str:
    return reverse(f"editor:{name}", kwargs={"version": release, **kwargs})


def start_release(editor, framework_version, label="1.1") -> NormRelease:
    response = editor.post(
        reverse("editor:release_create"), {"version": label, "framework_version": framework_version.pk}
    )
    release = NormRelease.objects.get(version=label)
    assert response.status_code == 302 and response["Location"] == r("release", label)
    return release


def requirements_post(rows: list[tuple], extra: int = 3) -> dict:
    """The requirements formset's POST data: (competence identifier, level, importance[, delete]) rows."""
    data = {
        "req-TOTAL_FORMS": len(rows) + extra,
        "req-INITIAL_FORMS": len(rows),
        "req-MIN_NUM_FORMS": 0,
        "req-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data[f"req-{i}-competence"] = str(row[0])
        data[f"req-{i}-level"] = row[1]
        data[f"req-{i}-importance"] = row[2]
        if len(row) > 3 and row[3]:
            data[f"req-{i}-DELETE"] = "on"
    for i in range(len(rows), len(rows) + extra):
        data.update({f"req-{i}-competence": "", f"req-{i}-level": "", f"req-{i}-importance": "essential"})
    return data


def own_rows(release: NormRelease, slug: str) -> list[tuple]:
    revision = ProfileRevision.objects.get(release=release, profile__slug=slug)
    return [(q.competence_identifier, q.level, q.importance) for q in revision.requirements.all()]


def levels_of(effective) -> dict[str, int]:
    return {c.code: e.level for c, e in effective.rows()}


def test_a_changed_requirement_reaches_a_municipality_only_when_it_takes_the_release_in(
    editor, shipped_norm, world
):
    nurse = Profile.objects.get(slug=NURSE)
    adaptation_get_or_create(municipality=world.aarhus, profile=nurse)  # Aarhus now reads release 1.0
    before = levels_of(effective_profile(nurse, world.aarhus))

    listing = editor.get(reverse("editor:releases"))
    assert listing.status_code == 200 and "1.0" in text(listing)
    release = start_release(editor, shipped_norm.framework_version)
    assert release.previous == shipped_norm and release.revisions.count() == 20

    url = r("requirements", "1.1", slug=NURSE)
    page = editor.get(url)
    assert page.status_code == 200
    rows = own_rows(release, NURSE)
    assert len(find(page, "select", name="req-0-competence")) == 1
    competence_selects = [a for a in find(page, "select") if a["name"].endswith("-competence")]
    assert len(competence_selects) == len(rows) + 3  # one per requirement and three empty rows to add
    changed = Competence.objects.get(version=release.framework_version, identifier=rows[0][0])
    new_level = 1 if rows[0][1] > 1 else 2
    rows[0] = (rows[0][0], new_level, rows[0][2])
    saved = editor.post(url, requirements_post(rows))
    assert saved.status_code == 302 and saved["Location"] == url
    assert {row[0]: row[1] for row in own_rows(release, NURSE)}[changed.identifier] == new_level
    entry = AuditEntry.objects.get(action="norm.requirements.update")
    assert entry.data["changed"] == [changed.code] and entry.data["added"] == entry.data["removed"] == []

    publish_page = editor.get(r("release_publish", "1.1"))
    assert find(publish_page, "textarea", name="changelog_da")
    published = editor.post(
        r("release_publish", "1.1"),
        {"changelog_da": "Sygeplejerske justeret", "changelog_en": "Nurse adjusted"},
    )
    assert published.status_code == 302
    release.refresh_from_db()
    assert release.is_published and release.changelog_en == "Nurse adjusted"

    # Aarhus still reads 1.0, so its effective profile is unchanged; the national view reads 1.1.
    assert levels_of(effective_profile(nurse, world.aarhus)) == before
    assert levels_of(effective_profile(nurse))[changed.code] == new_level
    assert before[changed.code] != new_level
    release_take_in(municipality=world.aarhus, release=release)
    assert levels_of(effective_profile(nurse, world.aarhus))[changed.code] == new_level


def test_requirements_are_added_and_removed_and_bad_rows_are_refused(editor, shipped_norm):
    release = start_release(editor, shipped_norm.framework_version)
    url = r("requirements", "1.1", slug=NURSE)
    rows = own_rows(release, NURSE)
    held = {row[0] for row in rows}
    extra = Competence.objects.filter(version=release.framework_version).exclude(identifier__in=held).first()

    # The same competence twice: refused next to the row, nothing saved.
    duplicate = requirements_post(rows)
    duplicate.update({f"req-{len(rows)}-competence": str(rows[0][0]), f"req-{len(rows)}-level": 2})
    response = editor.post(url, duplicate)
    assert response.status_code == 200
    assert "This competence is already in the table." in text(response)
    assert own_rows(release, NURSE) == rows

    # A level outside the scale cannot be chosen.
    outside = requirements_post(rows)
    outside.update({f"req-{len(rows)}-competence": str(extra.identifier), f"req-{len(rows)}-level": 9})
    assert editor.post(url, outside).status_code == 200
    assert own_rows(release, NURSE) == rows

    # Add one competence in an empty row and remove the first one.
    data = requirements_post([(*rows[0], True), *rows[1:]])
    data.update(
        {
            f"req-{len(rows)}-competence": str(extra.identifier),
            f"req-{len(rows)}-level": 3,
            f"req-{len(rows)}-importance": "useful",
        }
    )
    assert editor.post(url, data).status_code == 302
    after = {row[0]: row for row in own_rows(release, NURSE)}
    assert rows[0][0] not in after and after[extra.identifier] == (extra.identifier, 3, "useful")
    assert len(after) == len(rows)
    # The published release 1.0 is untouched.
    assert len(own_rows(shipped_norm, NURSE)) == len(rows)


def test_a_profile_is_edited_and_cannot_extend_its_own_descendant(editor, shipped_norm):
    start_release(editor, shipped_norm.framework_version)
    everyone = Profile.objects.get(slug="alle-medarbejdere")
    nurse = Profile.objects.get(slug=NURSE)
    url = r("revision", "1.1", slug=NURSE)
    page = editor.get(url)
    assert page.status_code == 200
    response = editor.post(
        url,
        {
            "name_da": "Sygeplejerske",
            "name_en": "Nurse",
            "description_da": "Ny tekst",
            "description_en": "New text",
            "extends": everyone.pk,
            "esco_uri": "http://data.europa.eu/esco/occupation/abc",
            "esco_title": "nurse",
            "job_titles": "Sygeplejerske\nSundhedsplejerske\n\nSygeplejerske",
        },
    )
    assert response.status_code == 302
    revision = ProfileRevision.objects.get(release__version="1.1", profile=nurse)
    assert revision.description_da == "Ny tekst" and revision.job_titles == [
        "Sygeplejerske",
        "Sundhedsplejerske",
    ]
    assert ProfileRevision.objects.get(release=shipped_norm, profile=nurse).description_da != "Ny tekst"

    # "Alle medarbejdere" may not extend the nurse, who extends it: not offered, and refused if posted.
    page = editor.get(r("revision", "1.1", slug="alle-medarbejdere"))
    assert not find(page, "option", value=str(nurse.pk))
    loop = editor.post(
        r("revision", "1.1", slug="alle-medarbejdere"), {"name_da": "Alle medarbejdere", "extends": nurse.pk}
    )
    assert loop.status_code == 200
    assert ProfileRevision.objects.get(release__version="1.1", profile=everyone).extends is None


def test_a_new_national_profile_is_added_to_the_draft_and_published_with_it(editor, shipped_norm):
    start_release(editor, shipped_norm.framework_version)
    form = editor.get(r("profile_create", "1.1"))
    everyone = Profile.objects.get(slug="alle-medarbejdere")
    assert (
        "selected" in find(form, "option", value=str(everyone.pk))[0]
    )  # extends "Alle medarbejdere" by default
    response = editor.post(
        r("profile_create", "1.1"),
        {
            "slug": "tandplejer",
            "name_da": "Tandplejer",
            "name_en": "Dental hygienist",
            "extends": everyone.pk,
        },
    )
    assert response.status_code == 302 and response["Location"] == r("requirements", "1.1", slug="tandplejer")
    dental = Profile.objects.get(slug="tandplejer")
    assert dental.is_national and dental.framework == shipped_norm.framework_version.framework
    assert not ProfileRevision.objects.filter(profile=dental, release=shipped_norm).exists()
    again = editor.post(r("profile_create", "1.1"), {"slug": "tandplejer", "name_da": "Igen"})
    assert "The release already has a profile with the slug tandplejer." in text(again)
    editor.post(r("release_publish", "1.1"), {"changelog_da": "Ny profil: tandplejer"})
    assert NormRelease.latest().version == "1.1"
    effective = effective_profile(dental)
    assert effective.revision.name_da == "Tandplejer" and effective.required  # inherits "Alle medarbejdere"


def test_publishing_a_release_is_refused_with_its_problems_until_they_are_fixed(editor, shipped_norm):
    # The editors drop a competence "Alle medarbejdere" requires from the model, and publish that version.
    model = shipped_norm.framework_version
    everyone = ProfileRevision.objects.get(release=shipped_norm, profile__slug="alle-medarbejdere")
    dropped = Competence.objects.get(
        version=model, identifier=everyone.requirements.first().competence_identifier
    )
    editor.post(
        reverse("editor:version_create", args=[model.framework.slug]),
        {f"{model.framework.slug}-version_label": "1.1"},
    )
    draft = FrameworkVersion.objects.get(framework=model.framework, version="1.1")
    editor.post(v("competence_remove", draft, code=dropped.code))
    editor.post(v("publish", draft), {"changelog_da": f"{dropped.code} er udgået"})
    draft.refresh_from_db()
    assert draft.is_published

    release = start_release(editor, draft)
    page = text(editor.get(r("release", "1.1")))
    assert "Alle medarbejdere requires a competence that is not in the framework." in page
    refused = editor.post(r("release_publish", "1.1"), {"changelog_da": "Ny model"})
    assert refused.status_code == 200
    assert "Alle medarbejdere requires a competence that is not in the framework." in text(refused)
    release.refresh_from_db()
    assert not release.is_published

    # The requirements page names the stale requirement, and saving the table drops it.
    url = r("requirements", "1.1", slug="alle-medarbejdere")
    assert "1 requirement refers to a competence that is not in the model" in text(editor.get(url))
    kept = [row for row in own_rows(release, "alle-medarbejdere") if row[0] != dropped.identifier]
    assert editor.post(url, requirements_post(kept)).status_code == 302
    # Every profile that required it must be fixed the same way before the release can go out.
    for revision in release.revisions.filter(requirements__competence_identifier=dropped.identifier):
        rows = [row for row in own_rows(release, revision.profile.slug) if row[0] != dropped.identifier]
        editor.post(r("requirements", "1.1", slug=revision.profile.slug), requirements_post(rows))
    assert editor.post(r("release_publish", "1.1"), {"changelog_da": "Ny model"}).status_code == 302
    release.refresh_from_db()
    assert release.is_published and release.framework_version == draft


@pytest.mark.parametrize(
    "name,kwargs,data",
    [
        ("revision", {"slug": NURSE}, {"name_da": "Ændret"}),
        ("requirements", {"slug": NURSE}, requirements_post([])),
        ("profile_create", {}, {"slug": "ny", "name_da": "Ny"}),
        ("release_publish", {}, {"changelog_da": "Igen"}),
    ],
)
def test_a_published_release_cannot_be_edited(editor, shipped_norm, name, kwargs, data):
    def state():
        return (
            sorted(ProfileRevision.objects.filter(release=shipped_norm).values_list("name_da", flat=True)),
            Requirement.objects.filter(revision__release=shipped_norm).count(),
            NormRelease.objects.get(pk=shipped_norm.pk).published_at,
        )

    before = state()
    for method in ("get", "post"):
        response = getattr(editor, method)(r(name, "1.0", **kwargs), data if method == "post" else None)
        assert response.status_code == 302 and response["Location"] == r("release", "1.0")
    assert state() == before
    assert not Profile.objects.filter(slug="ny").exists()
    assert "Release 1.0 is published and can no longer be changed." in text(editor.get(r("release", "1.0")))


def test_only_one_draft_release_at_a_time(editor, shipped_norm):
    start_release(editor, shipped_norm.framework_version)
    assert not find(editor.get(reverse("editor:releases")), "input", name="version")
    response = editor.post(
        reverse("editor:release_create"),
        {"version": "1.2", "framework_version": shipped_norm.framework_version.pk},
    )
    assert response.status_code == 200 and "A draft release already exists." in text(response)
    assert not NormRelease.objects.filter(version="1.2").exists()
