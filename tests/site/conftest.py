"""Fixtures for the site: uploads in a temporary folder, and the demo's news, publications and events."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_site(db):
    from digikomp.demo.site_content import seed_site

    seed_site()
