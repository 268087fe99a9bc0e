"""The fixtures `shipped_norm` and `world` put back the rows of one load per session (tests/snapshot.py): what
they put back must be what the services and build_world make, and it must fit beside rows a test made first."""

import json
from collections import Counter

import pytest
from django.apps import apps
from django.db import models, transaction

from digikomp.frameworks.models import Framework
from digikomp.frameworks.services import framework_load, load_shipped_frameworks
from digikomp.profiles.models import NormRelease, Profile
from digikomp.profiles.services import load_shipped_norm
from tests.frameworks.builders import framework_data
from tests.personas import PASSWORD, build_world


def _contents() -> dict[str, Counter]:
    """Every table's rows without what differs between two loads: keys (sequences go on counting after a
    rollback), so no primary or foreign keys, no audit entry's object_id and no unit's path of keys; dates; salted
    password hashes. A table of keys alone (many-to-many) is compared by its count."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        columns = [field.attname for field in model._meta.concrete_fields
                   if not (field.primary_key or field.is_relation or field.name in ("object_id", "path", "password")
                           or isinstance(field, models.DateField | models.DateTimeField))]
        rows = model._base_manager.values_list(*columns) if columns else model._base_manager.values_list("pk")
        found[model._meta.label] = Counter(json.dumps(row if columns else [], default=str) for row in rows)
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


@pytest.mark.parametrize("with_norm", [False, True], ids=["alone", "with the norm"])
def test_the_restored_world_is_the_world_build_world_makes(world_rows, shipped_norm_rows, with_norm):
    rows, keys = world_rows
    savepoint = transaction.savepoint()
    if with_norm:
        shipped_norm_rows.restore()
    rows.restore()
    restored, read = _contents(), keys.read()
    transaction.savepoint_rollback(savepoint)
    if with_norm:
        load_shipped_frameworks()
        load_shipped_norm()
    built = build_world()
    assert _contents() == restored
    for part in ("units", "people", "users"):
        assert {name: str(obj) for name, obj in getattr(read, part).items()} == \
            {name: str(obj) for name, obj in getattr(built, part).items()}
    assert read.units["social"].parent is read.units["root"] and read.user("manager").person is read.people["carla"]


def test_every_persona_of_the_world_has_the_password(world):
    for persona, user in world.users.items():
        assert user.check_password(PASSWORD), persona


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rows_go_back_in_a_transactional_test_too(world, shipped_norm):
    # Without the test's transaction each insert would commit alone and meet a foreign key not yet inserted.
    assert world.user("manager").person == world.people["carla"] and shipped_norm.version == "1.0"
    assert Profile.objects.filter(owner__isnull=True).count() == 20
