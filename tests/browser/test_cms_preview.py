"""Live preview in the CMS's page editor shows the page: the preview may be framed by the CMS itself."""

import pytest
from playwright.sync_api import expect

from digikomp.site.models import NewsIndexPage, NewsPage
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_page_editor_previews_the_page_beside_the_form(visitor, live_server, world):
    page = NewsPage(title="Nyhed med forhåndsvisning", slug="nyhed-med-forhaandsvisning",
                    intro_da="Indledningen vises i forhåndsvisningen.", live=True)
    NewsIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()

    editor = visitor.new_page()
    editor.set_viewport_size({"width": 1400, "height": 900})
    login(editor, live_server, "redaktoer@kl.example")
    editor.goto(f"/cms/pages/{page.pk}/edit/")
    editor.get_by_role("button", name="Vis/skjul forhåndsvisning").click()
    # Wagtail loads each new preview into a second frame and then swaps it in: read the newest.
    frame = editor.frame_locator("iframe.w-preview__iframe").last
    expect(frame.get_by_role("heading", level=1)).to_have_text("Nyhed med forhåndsvisning")
    expect(frame.locator("main")).to_contain_text("Indledningen vises i forhåndsvisningen.")
