"""Every page type renders in the shared layout, in Danish and English, with no inline script or style."""

import re

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from digikomp.site.models import (
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ProviderForumPage,
    PublicationPage,
    StandardPage,
)
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db


def _assert_clean_layout(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert re.search(r"<title>[^<]+ · DigiKomp</title>", html)
    assert " style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert find(response, "nav", **{"aria-label": "Hovedmenu"})


def test_the_home_page_is_a_wagtail_page_that_says_what_digikomp_is(client):
    home = HomePage.objects.get()
    assert Page.objects.get(url_path="/forside/").specific == home
    response = client.get("/")
    _assert_clean_layout(response)
    page = text(response)
    assert "Digitale kompetencer i Danmarks kommuner" in page
    assert "Tre spor" in page and "Kortlægning og udvikling" in page
    # The way on to the model, the profiles, the catalogue and the tools.
    for href in ("/normen/", "/normen/profiler/", "/katalog/", "/app/"):
        assert find(response, "a", href=href), href


def test_every_section_page_renders(client, demo_site):
    pages = [NewsIndexPage.objects.get(), *NewsPage.objects.all(), *PublicationPage.objects.all(),
             *EventPage.objects.all(), ProviderForumPage.objects.get(), *StandardPage.objects.all()]
    assert len(pages) >= 10
    for page in pages:
        response = client.get(page.url)
        _assert_clean_layout(response)
        assert page.title in text(response), page.url


def test_sections_are_in_the_menu_for_visitors(client):
    response = client.get("/")
    for href in ("/nyheder/", "/publikationer/", "/arrangementer/", "/uddannelsesudbydere/", "/katalog/"):
        assert find(response, "a", href=href), href
    # The accessibility statement exists but is not a menu entry.
    assert client.get("/tilgaengelighed/").status_code == 200


def test_news_index_lists_the_items_newest_first_and_links_the_feed(client, demo_site):
    response = client.get("/nyheder/")
    titles = [item.title for item in NewsPage.objects.order_by("-date")]
    page = text(response)
    assert [page.index(t) for t in titles] == sorted(page.index(t) for t in titles)
    assert find(response, "a", href="/feeds/nyheder/")


def test_a_publication_shows_its_metadata_and_its_document_downloads(client, demo_site):
    publication = PublicationPage.objects.order_by("pk").first()
    response = client.get(publication.url)
    page = text(response)
    assert "Rapport" in page and "Antal sider" in page or "Sider" in page
    download = client.get(publication.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_publications_page_links_the_norms_pdfs(client, shipped_norm):
    response = client.get("/publikationer/")
    assert find(response, "a", href="/normen/profiler/laerer/pdf/da/")
    assert find(response, "a", href="/normen/profiler/laerer/pdf/en/")
    assert find(response, "a", href="/normen/kommunernes-digitale-kompetencemodel/")


def test_events_are_split_into_coming_and_past_with_place_online_and_sign_up(client, demo_site):
    response = client.get("/arrangementer/")
    page = text(response)
    assert page.index("Kommende arrangementer") < page.index("Netværksmøde for digitale ambassadører")
    assert page.index("Tidligere arrangementer") < page.index("Konference: Digitale kompetencer i kommunerne")
    event = EventPage.objects.get(slug="dialogforum-efteraar")
    detail = client.get(event.url)
    assert "online" in text(detail)
    # Sign-up happens in DigiKomp: the forum is full, so the form offers the waiting list; no link elsewhere.
    assert not [a for a in find(detail, "a") if "example.dk" in a.get("href", "")]
    assert find(detail, "form", action=f"/tilmelding/{event.pk}/#signup-heading")
    assert "Skriv mig på ventelisten" in text(detail) and find(detail, "a", href=f"/tilmelding/{event.pk}/kalender.ics")


def test_the_providers_page_lists_the_coming_dialogue_forum(client, demo_site):
    response = client.get("/uddannelsesudbydere/")
    assert "Dialogforum: læringstilbud til sundhed og omsorg" in text(response)
    assert "Sådan lister I jeres læringstilbud" in text(response)


def test_pages_are_served_in_english_after_the_switch(client, demo_site):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    home = text(client.get("/"))
    assert "Digital competence for Denmark's municipalities" in home and "Sharing and follow-up" in home
    news = text(client.get("/nyheder/"))
    assert "News" in news and "More than 30 good examples in the inspiration catalogue" in news


def test_an_event_needs_a_place_or_online():
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    event = EventPage(title="Møde", slug="moede", start=timezone.now())
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "location" in error.value.message_dict


def test_a_page_below_the_home_page_cannot_take_an_address_of_the_application():
    from digikomp.site.models.base import SitePageForm

    home = HomePage.objects.get()
    form_class = StandardPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, SitePageForm)
    data = {"title": "Katalog", "slug": "katalog", "body_da-count": "0", "body_en-count": "0"}
    form = form_class(data, instance=StandardPage(), parent_page=home, for_user=None)
    with translation.override("da"):
        assert not form.is_valid()
        assert "DigiKomp selv" in str(form.errors["slug"])
    data["slug"] = "katalog-om-os"
    form = form_class(data, instance=StandardPage(), parent_page=home, for_user=None)
    assert "slug" not in form.errors


def test_browser_language_alone_keeps_the_site_danish(db):
    response = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get("/nyheder/")
    assert '<html lang="da">' in response.content.decode()


def test_the_menu_is_read_once_and_follows_a_section_an_editor_adds(django_assert_num_queries):
    """The menu is on every page, survey pages at a campaign's peak included: after the first read it costs no
    query, and publishing a new section right below the home page shows it at once."""
    from digikomp.site.menu import section_links

    first = section_links()
    assert ("Nyheder", "/nyheder/") in first
    with django_assert_num_queries(0):
        assert section_links() == first
    home = HomePage.objects.get()
    home.add_child(instance=StandardPage(title="Om programmet", title_en="About", slug="om-programmet",
                                         show_in_menus=True))
    assert ("Om programmet", "/om-programmet/") in section_links()
    with translation.override("en"):
        assert ("About", "/om-programmet/") in section_links()
