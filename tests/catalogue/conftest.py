"""Fixtures for the catalogue: case files in a temporary folder."""

import pytest
from django.core.files.storage import FileSystemStorage


@pytest.fixture
def private_files(tmp_path, monkeypatch):
    from digikomp.catalogue.models import CaseAttachment, CaseImage

    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(CaseImage._meta.get_field("image"), "storage", storage)
    monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", storage)
    return storage
