"""The accessibility statement (Tilgængelighedserklæring) that Danish public websites must publish: a page of the
site, linked from the footer of every page, the application's included."""

import pytest
from django.core.cache import cache
from wagtail.models import Page

from digikomp.site.menu import STATEMENT_KEY as CACHE_KEY
from digikomp.site.models import StandardPage
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db

STATEMENT = "/tilgaengelighed/"


@pytest.fixture(autouse=True)
def _no_remembered_link():
    """The footer keeps the link in the cache, which outlives the rolled-back database of another test."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)


def _footer(response) -> str:
    html = response.content.decode()
    return html[html.index("<footer"):html.index("</footer>")]


@pytest.mark.parametrize("path, persona", [("/", "anonymous"), ("/nyheder/", "anonymous"),
                                           ("/katalog/", "anonymous"), ("/app/", "employee"),
                                           ("/app/", "national_editor")])
def test_every_page_links_the_statement_in_its_footer(client_for, demo_site, path, persona):
    response = client_for(persona).get(path)
    assert response.status_code == 200
    assert f'<a href="{STATEMENT}">Tilgængelighedserklæring</a>' in _footer(response)


def test_the_statement_names_the_standard_how_to_report_and_where_to_complain(client, demo_site):
    response = client.get(STATEMENT)
    assert response.status_code == 200
    page = text(response)
    assert "Tilgængelighedserklæring" in page and "WCAG 2.1" in page and "niveau AA" in page
    assert "Fortæl os om problemer" in page and "Digitaliseringsstyrelsen" in page
    assert find(response, "a", href="https://www.was.digst.dk/")


def test_the_statement_is_in_english_after_the_switch(client, demo_site):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(STATEMENT)
    assert "Accessibility statement" in text(response) and "WCAG 2.1" in text(response)
    assert '>Accessibility statement</a>' in _footer(client.get("/"))


def test_pages_do_without_the_link_when_there_is_no_statement(client):
    Page.objects.filter(slug="tilgaengelighed").delete()
    for path in ("/", "/katalog/"):
        response = client.get(path)
        assert response.status_code == 200 and STATEMENT not in _footer(response)


def test_an_unpublished_statement_is_not_linked_even_after_it_was_shown(client):
    assert STATEMENT in _footer(client.get("/"))  # now remembered
    StandardPage.objects.get(slug="tilgaengelighed").unpublish()
    assert STATEMENT not in _footer(client.get("/"))


def test_the_footer_costs_no_query_once_the_link_is_known(client, django_assert_num_queries):
    from django.template import Context, Template

    footer = Template("{% load site_links %}{% accessibility_statement as s %}{{ s.1 }}")
    assert footer.render(Context()) == STATEMENT
    with django_assert_num_queries(0):
        assert footer.render(Context()) == STATEMENT


def test_the_demo_keeps_a_statement_an_editor_has_written(demo_site):
    from digikomp.demo.site_content import seed_site

    page = StandardPage.objects.get(slug="tilgaengelighed")
    page.body_da = [{"type": "paragraph", "value": "<p>Redaktionens egen tekst.</p>"}]
    page.save_revision().publish()
    seed_site()
    page.refresh_from_db()
    assert "Redaktionens egen tekst" in str(page.body_da) and page.revisions.count() == 2
