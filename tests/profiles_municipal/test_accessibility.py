"""Structural accessibility of every profile page, read back from the rendered HTML: each form control has a
label, each table a caption and header cells with scope, error messages are linked to their inputs, no inline
styles or scripts (the CSP forbids them)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from digikomp.profiles import services
from digikomp.profiles.models import Profile
from digikomp.profiles.municipal import services as local_services
from tests.profiles_municipal.conftest import NURSE, ident, publish_release


class Page(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.controls: list[dict] = []
        self.labels: set[str] = set()
        self.ids: set[str] = set()
        self.tables = 0
        self.captions = 0
        self.th_without_scope = 0
        self.inline = []
        self.fieldset_descriptions: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "style" in attrs or (tag == "script" and "src" not in attrs):
            self.inline.append((tag, attrs))
        if tag == "fieldset":
            self.fieldset_descriptions.update((attrs.get("aria-describedby") or "").split())
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append(attrs)
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and "scope" not in attrs:
            self.th_without_scope += 1


@pytest.fixture
def everything(world, shipped_norm):
    nurse = Profile.objects.get(slug=NURSE)
    adaptation = services.adaptation_get_or_create(municipality=world.aarhus, profile=nurse)
    services.adaptation_set(adaptation=adaptation, competence_identifier=ident("B1.1"), level=4)
    services.adaptation_remove(adaptation=adaptation, competence_identifier=ident("B3.2"))
    profile = local_services.local_profile_create(municipality=world.aarhus, name_da="Lokal", extends=nurse)
    local_services.local_profile_requirement_set(profile=profile, competence_identifier=ident("D2.3"),
                                                 level=2)
    publish_release("2.0", remove=["B1.1"])


PAGES = [
    ("get", "profiles:library", {}, None),
    ("get", "profiles:deviations", {}, None),
    ("get", "profiles:take_in", {}, None),
    ("post", "profiles:take_in", {}, {}),  # a missing decision
    ("get", "profiles:national", {"slug": NURSE}, None),
    ("post", "profiles:adaptation_save", {"slug": NURSE}, {"B1.1-level": "9"}),
    ("post", "profiles:adaptation_add", {"slug": NURSE}, {"competence": "Q"}),
    ("get", "profiles:diff", {"slug": NURSE}, None),
    ("get", "profiles:local_create", {}, None),
    ("post", "profiles:local_create", {}, {"slug": "Ugyldig"}),
    ("get", "profiles:local", {"slug": "lokal"}, None),
    ("post", "profiles:local_requirements", {"slug": "lokal"}, {"D2.3-level": "0"}),
    ("get", "profiles:local_edit", {"slug": "lokal"}, None),
    ("get", "profiles:local_delete", {"slug": "lokal"}, None),
    ("get", "profiles:job_codes", {}, None),
    ("get", "profiles:job_codes_import", {}, None),
    ("post", "profiles:job_codes_import", {}, {}),
]


@pytest.mark.parametrize("method, name, kwargs, data", PAGES, ids=[f"{p[1]}-{p[0]}" for p in PAGES])
def test_the_page_is_structurally_accessible(everything, en, method, name, kwargs, data):
    client = en("municipal_admin")
    response = getattr(client, method)(reverse(name, kwargs=kwargs), data or {})
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert not page.inline
    for control in page.controls:
        assert control.get("id") in page.labels, f"no label for {control}"
        for described in (control.get("aria-describedby") or "").split():
            assert described in page.ids, f"{control['id']} points to a missing {described}"
        if control.get("aria-invalid") and control.get("type") == "radio":
            # A radio group's error describes its fieldset: the field's id is the radio's without "_<n>".
            assert f"{control['id'].rsplit('_', 1)[0]}_error" in page.fieldset_descriptions
        elif control.get("aria-invalid"):
            assert f"{control['id']}_error" in (control.get("aria-describedby") or "")
    assert page.tables == page.captions
    assert page.th_without_scope == 0
    if method == "post":
        assert "error-summary" in page.ids
