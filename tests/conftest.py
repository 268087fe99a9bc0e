import hashlib
import tempfile
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from tests import snapshot
from tests.personas import PERSONAS, World, WorldKeys, build_world

# Building the personas hashes seven passwords; production's PBKDF2 makes that seconds per test.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request):
    """`--reuse-db` on SQLite: one test database file per checkout (and xdist worker) that outlives the run.

    Without it the settings name the file after the process, so that parallel runs never share a database,
    and every run migrates a new one."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if request.config.getvalue("reuse_db") and database["ENGINE"] == "django.db.backends.sqlite3":
        checkout = hashlib.sha256(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:12]
        database["TEST"]["NAME"] = str(Path(tempfile.gettempdir()) / f"digikomp-test-reuse-{checkout}.sqlite3")
    request.getfixturevalue("django_db_modify_db_settings_parallel_suffix")  # _gw0, _gw1 under xdist


def _load_shipped_norm():
    from digikomp.frameworks.services import load_shipped_frameworks
    from digikomp.profiles.services import load_shipped_norm

    load_shipped_frameworks()
    load_shipped_norm()


_SHIPPED_NORM = pytest.StashKey[snapshot.Snapshot]()
_WORLD = pytest.StashKey[tuple[snapshot.Snapshot, WorldKeys]]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database (migrated, or reused with --reuse-db), then the rows of the shipped norm and of the
    personas' world: made once per session (per xdist worker), through the services and the models, before any
    test's transaction opens, and put back by the fixtures `shipped_norm` and `world`."""
    from django.test import override_settings

    with django_db_blocker.unblock():
        request.config.stash[_SHIPPED_NORM], _release = snapshot.take(_load_shipped_norm)
        with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
            rows, world = snapshot.take(build_world)
        request.config.stash[_WORLD] = rows, WorldKeys.of(world)


@pytest.fixture
def shipped_norm_rows(db, request) -> snapshot.Snapshot:
    return request.config.stash[_SHIPPED_NORM]


@pytest.fixture
def world_rows(db, request) -> tuple[snapshot.Snapshot, WorldKeys]:
    return request.config.stash[_WORLD]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Render {% static %} without a collectstatic manifest: production's hashed storage needs one."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create users and log in with passwords; production's PBKDF2 is slow by design."""
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def _tenancy_guard(settings):
    """Every test runs with the tenancy guard on: application code that queries a tenant model without
    for_access (or an explicit, reasoned escape) raises UnscopedQuery (tenancy/guard.py)."""
    settings.DIGIKOMP_TENANCY_GUARD = True


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks run at once in tests; tests of the worker itself switch back to the database backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache (the site's menu links, labels) outlives each test's rolled-back database: start empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Danish), whatever an earlier test activated, so that
    a test passes or fails alone as it does in the whole run."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(world_rows) -> World:
    """The personas' world (tests/personas.py): the rows of the session's one build_world, put back."""
    rows, keys = world_rows
    rows.restore()
    return keys.read()


@pytest.fixture
def shipped_norm(shipped_norm_rows):
    """The shipped national model, DigComp 2.2 and the national profile library, published as release 1.0:
    the rows of the session's one load, put back into this test's database (see tests/snapshot.py)."""
    from digikomp.profiles.models import NormRelease

    shipped_norm_rows.restore()
    return NormRelease.objects.get(version="1.0")


@pytest.fixture
def client_for(world, client):
    """client_for("hr") -> a Django test client logged in as that persona ("anonymous": not logged in)."""

    def make(persona: str):
        from django.test import Client

        c = Client()
        if persona != "anonymous":
            c.force_login(world.user(persona))
        return c

    return make


@pytest.fixture
def api_for(world):
    """api_for("hr") -> a DRF APIClient authenticated with that persona's token."""
    from rest_framework.authtoken.models import Token

    def make(persona: str):
        c = APIClient()
        if persona != "anonymous":
            token, _ = Token.objects.get_or_create(user=world.user(persona))
            c.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return c

    return make


__all__ = ["PERSONAS"]
