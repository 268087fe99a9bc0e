"""The base layout: language, landmarks, skip link, assets, and no inline script or style anywhere."""

import re

import pytest
from django.test import Client

from tests.web.markup import find, text

# Pages that render the layout, with the persona that can see them.
PAGES = [
    ("anonymous", "/"),
    ("anonymous", "/konto/login/"),
    ("municipal_admin", "/app/"),
    ("municipal_admin", "/app/organisation/"),
    ("municipal_admin", "/app/organisation/?q=anna"),
    ("municipal_admin", "/app/organisation/enheder/SOC/"),
    ("manager", "/app/organisation/enheder/HJP/"),
    ("employee", "/app/"),
]


def test_front_page_is_danish_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert response["Content-Language"] == "da"
    assert "Digitale kompetencer i Danmarks kommuner" in text(response)
    assert "Normen" in text(response) and "Kortlægning og udvikling" in text(response)
    assert "Deling og opfølgning" in text(response)


def test_browser_language_alone_does_not_switch_to_english(db):
    response = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get("/")
    assert '<html lang="da">' in response.content.decode()


def test_language_switch_serves_english_until_switched_back(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"

    response = client.get("/")
    assert '<html lang="en">' in response.content.decode()
    assert "Digital competence for Denmark's municipalities" in text(response)
    assert "Sharing and follow-up" in text(response)
    # The switch back is offered in Danish, marked as Danish for screen readers.
    assert find(response, "button", name="language", value="da", lang="da")

    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    assert '<html lang="da">' in client.get("/").content.decode()


def test_language_switch_returns_to_the_page_it_came_from(client_for):
    client = client_for("municipal_admin")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/app/organisation/"})
    assert response["Location"] == "/app/organisation/"
    assert "Top of the organisation" in text(client.get("/app/organisation/"))


def test_language_switch_refuses_to_redirect_off_site(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert "evil.example" not in response.get("Location", "")


def test_page_has_skip_link_and_landmarks(client_for):
    response = client_for("municipal_admin").get("/app/")
    html = response.content.decode()
    skip = find(response, "a", class_="skip-link")
    assert skip and skip[0]["href"] == "#main"
    assert html.index('class="skip-link"') < html.index("<header")  # first thing a keyboard user reaches
    assert find(response, "main", id="main")
    assert find(response, "header", class_="site-header")
    assert find(response, "footer", class_="site-footer")
    navs = find(response, "nav")
    assert navs and navs[0]["aria-label"] == "Hovedmenu"


def test_anonymous_visitors_also_get_a_labelled_navigation(client, db):
    response = client.get("/")
    assert find(response, "nav", **{"aria-label": "Hovedmenu"})
    assert find(response, "a", href="/konto/login/")


def test_navigation_marks_the_current_section(client_for):
    client = client_for("municipal_admin")
    assert find(client.get("/app/organisation/"), "a", href="/app/organisation/", **{"aria-current": "page"})
    unit_page = client.get("/app/organisation/enheder/SOC/")
    assert find(unit_page, "a", href="/app/organisation/", **{"aria-current": "true"})
    assert not find(unit_page, "a", href="/app/", **{"aria-current": "true"})


def test_navigation_shows_only_what_the_role_may_open(client_for):
    admin = client_for("municipal_admin").get("/app/")
    assert find(admin, "a", href="/app/organisation/import/")
    manager = client_for("manager").get("/app/")
    assert find(manager, "a", href="/app/organisation/")
    assert not find(manager, "a", href="/app/organisation/import/")
    employee = client_for("employee").get("/app/")
    assert not find(employee, "a", href="/app/organisation/")


def test_layout_loads_stylesheet_and_deferred_htmx_configured_for_the_csp(client, db):
    response = client.get("/")
    assert find(response, "link", rel="stylesheet", href="/static/digikomp/css/digikomp.css")
    scripts = find(response, "script", src="/static/digikomp/js/htmx.min.js")
    assert scripts and "defer" in scripts[0]
    config = find(response, "meta", name="htmx-config")
    assert config and '"includeIndicatorStyles":false' in config[0]["content"]


@pytest.mark.parametrize("persona,url", PAGES)
def test_pages_have_no_inline_script_or_style(client_for, persona, url):
    response = client_for(persona).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert " style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert not re.search(r"\son[a-z]+=", html)  # no onclick= and friends


@pytest.mark.parametrize("persona,url", PAGES)
def test_pages_have_one_h1_and_a_title(client_for, persona, url):
    response = client_for(persona).get(url)
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert re.search(r"<title>[^<]+ · DigiKomp</title>", html)


def test_vendored_htmx_is_version_2_with_its_licence_named(settings):
    js = settings.PACKAGE_DIR / "static/digikomp/js"
    assert 'version:"2.' in (js / "htmx.min.js").read_text()
    readme = (js / "README.md").read_text()
    assert "2.0.11" in readme and "0BSD" in readme
