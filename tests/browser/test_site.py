"""An editor writes a news item in the Wagtail admin (/cms/) and sends it through the moderation workflow; a
second editor approves it from the dashboard; an anonymous visitor then finds it on the public site.

The admin is Wagtail's own JavaScript application: the test drives it as an editor does (tabs, the footer's
action menu, the dashboard), but picks a button by its form name where Wagtail's Danish catalogue lacks the
label ("Submit to ...") and the text would change the day it gets one. The Visitor's error check stays on for
the admin too: Wagtail's pages must work under the CMS policy without a console error.
"""

import pytest
from playwright.sync_api import expect

from digikomp.accounts.models import RoleAssignment, User
from digikomp.site.models import NewsIndexPage, NewsPage
from digikomp.tenancy.roles import Role
from tests.browser.conftest import eventually, login, path_of
from tests.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Ti kommuner tager normen i brug"
LEAD = "Fra januar kortlægger ti kommuner medarbejdernes digitale kompetencer med den nationale norm."
SLUG = "ti-kommuner-tager-normen-i-brug"


def _second_editor() -> User:
    """Another national editor: the workflow's approval is a second pair of eyes on the author's text."""
    user = User.objects.create_user("korrektur@kl.example", PASSWORD, full_name="Korrekturlæser")
    RoleAssignment.objects.create(user=user, role=Role.NATIONAL_EDITOR)  # brings the group "Redaktører"
    return user


def _open_more_actions(page) -> None:
    """Open the menu beside the footer's main button ("Gem kladde"), where the other actions are."""
    page.locator("footer .w-dropdown__toggle").click()


def test_an_editor_writes_a_news_item_another_approves_it_and_the_public_reads_it(
        visitor, live_server, world):
    news_index = NewsIndexPage.objects.get()
    _second_editor()

    # The author opens the CMS, which speaks Danish, then the news section's listing, and adds an item.
    author = visitor.new_page()
    login(author, live_server, "redaktoer@kl.example")
    author.goto("/cms/")
    expect(author.locator("html")).to_have_attribute("lang", "da")
    author.goto(f"/cms/pages/{news_index.pk}/")
    # News holds only news items, so Wagtail goes straight to the form without asking for a page type.
    author.get_by_role("link", name="Tilføj en underside").click()
    expect(author).to_have_url(f"{live_server.url}/cms/pages/add/site/newspage/{news_index.pk}/")
    author.locator("#id_title").fill(TITLE)
    author.locator("#id_intro_da").fill(LEAD)
    # The address is filled in from the title (TitleFieldPanel), as the editor sees on the promotion tab.
    author.get_by_role("tab", name="Promovering").click()
    expect(author.locator("#id_slug")).to_have_value(SLUG)
    # Submitted to the workflow "Redaktionel godkendelse", not published ("Udgiv"): it waits for review.
    _open_more_actions(author)
    author.locator("button[name=action-submit]").click()
    author.wait_for_url(lambda url: "/add/" not in url)
    assert path_of(author) == f"/cms/pages/{news_index.pk}/"
    expect(author.locator(".messages .success")).to_contain_text(TITLE)

    item = eventually(lambda: NewsPage.objects.filter(title=TITLE).first())
    assert item is not None, "the submitted news item was not saved"
    assert item.slug == SLUG, f"the slug is {item.slug!r}"
    assert not item.live
    assert item.current_workflow_state.workflow.name == "Redaktionel godkendelse"

    # Until it is approved the public sees nothing of it.
    public = visitor.new_page()
    # Asked for outside the page, or the browser would log the expected 404 as a console error.
    assert public.request.get(f"/nyheder/{SLUG}/").status == 404
    public.goto("/nyheder/")
    expect(public.get_by_role("main")).not_to_contain_text(TITLE)

    # The reviewer finds it on the dashboard and approves it, which publishes it (the workflow's last step).
    reviewer = visitor.new_page()
    login(reviewer, live_server, "korrektur@kl.example")
    reviewer.goto("/cms/")
    reviewer.get_by_role("link", name=TITLE).click()
    expect(reviewer).to_have_url(f"{live_server.url}/cms/pages/{item.pk}/edit/")
    _open_more_actions(reviewer)
    reviewer.get_by_role("button", name="Godkend og Publicér", exact=True).click()
    reviewer.wait_for_url(lambda url: "/edit/" not in url)
    item.refresh_from_db()
    assert item.live and item.current_workflow_state is None
    assert item.owner.email == "redaktoer@kl.example"  # still the author's page, approved by another

    # The visitor meets it on the front page, follows it and reads it.
    public.goto("/")
    public.get_by_role("region", name="Nyheder").get_by_role("link", name=TITLE).click()
    expect(public).to_have_url(f"{live_server.url}/nyheder/{SLUG}/")
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(public.get_by_role("main")).to_contain_text(LEAD)
    expect(public).to_have_title(f"{TITLE} · DigiKomp")
