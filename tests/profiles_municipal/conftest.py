"""Helpers for the municipality's profile pages: English-speaking clients (so assertions do not change when
the Danish catalogue grows), competence identifiers by code, and a second norm release made from the first.
"""

from __future__ import annotations

import pytest

from digikomp.frameworks.models import Competence
from digikomp.profiles import services
from digikomp.profiles.models import NormRelease, Requirement

NURSE = "sygeplejerske"


@pytest.fixture
def en(client_for):
    """en("hr") -> a logged-in client that reads the pages in English."""

    def make(persona: str):
        client = client_for(persona)
        client.cookies["digikomp_language"] = "en"
        return client

    return make


def ident(code: str, release: NormRelease | None = None):
    release = release or NormRelease.latest()
    return Competence.objects.get(version=release.framework_version, code=code).identifier


def publish_release(version: str, *, profile: str = NURSE, remove=(), set_levels=None) -> NormRelease:
    """The next release: a copy of the latest with `profile`'s own requirements edited (codes removed, levels
    set or added), published with a changelog."""
    latest = NormRelease.latest()
    draft = services.release_draft_create(version=version, framework_version=latest.framework_version)
    requirements = Requirement.objects.filter(revision__release=draft, revision__profile__slug=profile)
    for code in remove:
        requirements.filter(competence_identifier=ident(code)).delete()
    revision = draft.revisions.get(profile__slug=profile)
    for code, level in (set_levels or {}).items():
        Requirement.objects.update_or_create(revision=revision, competence_identifier=ident(code),
                                             defaults={"level": level})
    return services.release_publish(release=draft, changelog_da=f"Udgave {version}.",
                                    changelog_en=f"Release {version}.")


def html(response) -> str:
    return response.content.decode()
