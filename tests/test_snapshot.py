"""The `shipped_norm` fixture puts back the rows of one load per session (tests/snapshot.py): what it puts back
must be what the services load, and it must fit beside rows a test made first."""

import json
from collections import Counter

from django.apps import apps
from django.db import models, transaction

from digikomp.frameworks.models import Framework
from digikomp.frameworks.services import framework_load, load_shipped_frameworks
from digikomp.profiles.models import NormRelease, Profile
from digikomp.profiles.services import load_shipped_norm
from tests.frameworks.builders import framework_data


def _contents() -> dict[str, Counter]:
    """Every table's rows without keys and times, which differ between two loads (sequences go on counting
    after a rollback): no primary or foreign keys, no audit entry's object_id, no dates."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        columns = [field.attname for field in model._meta.concrete_fields
                   if not (field.primary_key or field.is_relation or field.name == "object_id"
                           or isinstance(field, models.DateField | models.DateTimeField))]
        found[model._meta.label] = Counter(json.dumps(row, sort_keys=True, default=str)
                                           for row in model._base_manager.values_list(*columns))
    return found


def test_the_restored_norm_is_the_norm_the_services_load(shipped_norm_rows):
    savepoint = transaction.savepoint()
    shipped_norm_rows.restore()
    restored = _contents()
    transaction.savepoint_rollback(savepoint)
    load_shipped_frameworks()
    load_shipped_norm()
    loaded = _contents()
    assert {label for label, rows in loaded.items() if rows} >= {"frameworks.Descriptor", "profiles.Requirement"}
    assert restored == loaded


def test_the_fixture_gives_the_published_release_over_the_shipped_model(shipped_norm):
    assert shipped_norm.version == "1.0" and NormRelease.latest() == shipped_norm
    assert Profile.objects.filter(owner__isnull=True).count() == 20
    # The restored primary keys are in use: a new row takes the next one, on both databases.
    framework_load(data=framework_data())
    assert Framework.objects.count() == 3


def test_a_framework_made_before_the_norm_keeps_its_key_and_the_norm_still_fits(db, shipped_norm_rows):
    own = framework_load(data=framework_data())
    shipped_norm_rows.restore()
    assert Framework.objects.get(pk=own.framework.pk).slug == "testmodel"
    assert Framework.objects.count() == 3
