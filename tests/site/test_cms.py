"""The Wagtail admin at /cms/: national editors only (through the group "Redaktører" their role brings), in
Danish, under its own relaxed content security policy; editors publish pages with revisions, the moderation
workflow and scheduled publishing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from digikomp.accounts.groups import EDITOR_GROUP
from digikomp.accounts.models import RoleAssignment
from digikomp.site.models import NewsIndexPage, NewsPage
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_national_editors_reach_the_cms(client_for, persona):
    response = client_for(persona).get("/cms/")
    if persona == "national_editor":
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302 and response["Location"] == "/konto/login/?next=/cms/"
    else:  # logged in without access: a plain 403, not a redirect loop through the login page
        assert response.status_code == 403


def test_the_editor_role_brings_the_editors_group_and_taking_it_away_removes_it(world):
    editor = world.user("national_editor")
    assert editor.groups.filter(name=EDITOR_GROUP).exists()
    assert editor.has_perm("wagtailadmin.access_admin")
    RoleAssignment.objects.get(user=editor).delete()
    editor = type(editor).objects.get(pk=editor.pk)
    assert not editor.groups.filter(name=EDITOR_GROUP).exists()
    assert not world.user("municipal_admin").groups.exists()


def test_the_cms_speaks_danish(client_for):
    response = client_for("national_editor").get("/cms/")
    assert 'lang="da"' in response.content.decode()


def test_the_cms_alone_gets_the_relaxed_policy(client_for):
    client = client_for("national_editor")
    cms = client.get("/cms/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in cms and "frame-ancestors 'self'" in cms
    for path in ("/", "/nyheder/", "/katalog/", "/app/"):
        policy = client.get(path)["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy, path


def test_the_default_workflow_is_danish_and_approved_by_the_editors():
    workflow = Workflow.objects.get(name="Redaktionel godkendelse")
    task = workflow.tasks.get().specific
    assert EDITOR_GROUP in task.groups.values_list("name", flat=True)
    assert workflow.workflow_pages.filter(page__depth=1).exists()


def _news_form(title: str, slug: str, **extra) -> dict:
    return {"title": title, "slug": slug, "title_en": "", "intro_da": "Kort indledning.", "intro_en": "",
            "date": "2026-11-01", "body_da-count": "0", "body_en-count": "0", "seo_title": "",
            "search_description": "", "comment_notifications": "", "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "1000",
            **extra}


def test_an_editor_publishes_a_news_item_through_the_cms(client_for, client):
    editor = client_for("national_editor")
    index = NewsIndexPage.objects.get()
    url = f"/cms/pages/add/site/newspage/{index.pk}/"
    assert editor.get(url).status_code == 200
    response = editor.post(url, _news_form("Ny nyhed fra redaktionen", "ny-nyhed", **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="ny-nyhed")
    assert page.live and page.revisions.count() == 1
    assert "Ny nyhed fra redaktionen" in client.get("/nyheder/ny-nyhed/").content.decode()


def test_a_draft_is_not_public_until_published():
    index = NewsIndexPage.objects.get()
    page = NewsPage(title="Kladde", slug="kladde", live=False)
    index.add_child(instance=page)
    page.save_revision()
    from django.test import Client

    assert Client().get("/nyheder/kladde/").status_code == 404
    page.get_latest_revision().publish()
    assert Client().get("/nyheder/kladde/").status_code == 200


def test_scheduled_publishing_goes_live_when_publish_scheduled_runs(monkeypatch):
    index = NewsIndexPage.objects.get()
    page = NewsPage(title="Planlagt", slug="planlagt", live=False)
    index.add_child(instance=page)
    now = timezone.now()
    page.go_live_at = now + datetime.timedelta(minutes=5)
    page.save_revision().publish()  # with go_live_at in the future this schedules it
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live  # not yet

    monkeypatch.setattr("django.utils.timezone.now", lambda: now + datetime.timedelta(minutes=6))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
