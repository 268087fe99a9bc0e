"""Fixtures of the editor tests: an editor's client and a small published framework (from
tests/frameworks/builders)."""

import pytest

from digikomp.frameworks.services import framework_load
from tests.frameworks.builders import framework_data


@pytest.fixture
def editor(client_for):
    """The national editor's client, reading the pages in English so tests assert on the msgids themselves
    (the Danish translations are added later and may be reworded)."""
    client = client_for("national_editor")
    client.cookies["digikomp_language"] = "en"
    return client


@pytest.fixture
def published(db):
    """testmodel 1.0, published: areas A > A1 and B > B1, two competences each, four levels, all described."""
    return framework_load(data=framework_data())
