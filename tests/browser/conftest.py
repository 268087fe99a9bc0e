"""The browser layer: Playwright driving the system Chromium against pytest-django's live server.

Chromium comes from the operating system (`apt-get install chromium`); Playwright's own browser download does
not work here and is never used (`playwright install` is not part of the setup). Without a Chromium every
browser test is skipped, so `make test` still passes on a laptop without one.

Every test module marks itself `browser` and `django_db(transaction=True, serialized_rollback=True)`: the live
server answers from another thread, so the test's data must be committed, and serialized_rollback brings back
the 98 municipalities that the data migration loads and each test's flush empties.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from django.db import connections

from tests.personas import PASSWORD

try:
    import playwright  # noqa: F401  (a dev dependency: pip install -r requirements.lock)
except ImportError:  # without it the browser tests are not even collected
    collect_ignore_glob = ["test_*.py"]

CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 10_000


def find_chromium() -> str | None:
    """DIGIKOMP_CHROMIUM when set, else the Debian/Ubuntu locations, else `chromium` on the PATH."""
    configured = os.environ.get("DIGIKOMP_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for candidate in CHROMIUM_PATHS:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the whole package of browser tests.

    Package scope rather than session: Playwright's sync API keeps an asyncio loop running in this thread for
    as long as it is started, and Django refuses ORM calls while a loop runs. So the loop, and
    DJANGO_ALLOW_ASYNC_UNSAFE (the standard test-only way round that refusal, so that tests can build data and
    look at the database), last only while these tests run. pytest-django runs tests/browser as one block, so
    Chromium still starts once.
    """
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium found: apt-get install chromium (or set DIGIKOMP_CHROMIUM to its path)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    before = {alias: connections[alias] for alias in connections}
    driver = sync_playwright().start()
    # While a loop runs, Django keeps connections per asyncio context instead of per thread and would open
    # second ones: without the test database's serialized contents (serialized_rollback), and competing with
    # the first ones for SQLite's lock. Keep using this thread's connections.
    for alias, connection in before.items():
        connections[alias] = connection
    try:
        chromium = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        driver.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Visitor:
    """Opens fresh browser contexts (a new visitor: no cookies, no session) and records what goes wrong in
    them: JavaScript errors and console errors, such as a Content-Security-Policy violation or a 404."""

    def __init__(self, browser, live_server):
        self.browser, self.live_server = browser, live_server
        self.contexts: list = []
        self.errors: list[str] = []

    def new_page(self, *, language: str | None = None, bypass_csp: bool = False, javascript: bool = True):
        """A page in a new context of a Danish browser.

        language="en" sets DigiKomp's language cookie as the language switch does (the site follows only that
        choice, never the browser's language). bypass_csp lets a test inject a script (axe-core) into pages
        whose policy forbids inline scripts. javascript=False turns JavaScript off, for pages that must work
        without it."""
        context = self.browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                           base_url=self.live_server.url, bypass_csp=bypass_csp,
                                           java_script_enabled=javascript)
        context.set_default_timeout(TIMEOUT_MS)
        # DigiKomp has no favicon; Chromium asks for one on every page and would report the 404 as an error.
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        if language:
            context.add_cookies([{"name": "digikomp_language", "value": language,
                                  "url": self.live_server.url}])
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: message.type == "error"
                and self.errors.append(f"{page.url}: {message.text}"))
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def visitor(browser, live_server):
    visitor = Visitor(browser, live_server)
    yield visitor
    visitor.close()
    assert not visitor.errors, "the browser reported errors:\n" + "\n".join(visitor.errors)


@pytest.fixture
def page(visitor):
    """A page in a fresh context (locale da-DK), reading Danish like a first-time visitor."""
    return visitor.new_page()


def login(page, live_server, email: str, password: str = PASSWORD) -> None:
    """Log in through the real login form and wait until it has let the user in."""
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)


def path_of(page) -> str:
    """The current URL without scheme, host and port."""
    return re.sub(r"^https?://[^/]+", "", page.url)


def eventually(read, *, timeout_ms: int = TIMEOUT_MS):
    """What `read()` returns once it is truthy: the live server's thread may commit a moment after the browser
    has seen its answer (SQLite's WAL), so a test that looks in the database right after a click polls briefly
    rather than failing on a slow machine."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while not (value := read()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return value

