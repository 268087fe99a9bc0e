"""Newsletter issues: an editor writes one in the CMS and sends it; the task worker mails every confirmed
subscriber once, with the one-click unsubscribe headers and link; a sent issue is locked for good."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from digikomp.audit.models import AuditEntry
from digikomp.site.models import NewsIndexPage, NewsletterDelivery, NewsletterIssue, NewsPage, Subscriber
from digikomp.site.newsletter.issues import issue_send
from digikomp.site.newsletter.tasks import send_issue
from tests.personas import PERSONAS
from tests.web.markup import text

pytestmark = pytest.mark.django_db

CONFIRMED = ["anne@eksempel.dk", "bent@eksempel.dk"]
UNCONFIRMED = "ikke-bekraeftet@eksempel.dk"


def _subscribers():
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    for email in CONFIRMED:
        Subscriber.objects.create(email=email, requested_at=an_hour_ago, confirmed_at=an_hour_ago)
    Subscriber.objects.create(email=UNCONFIRMED, requested_at=an_hour_ago)


def _draftail(text: str) -> str:
    """The editor's rich text as Wagtail's Draftail widget posts it."""
    return json.dumps({"blocks": [{"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text,
                                   "inlineStyleRanges": [], "entityRanges": [], "data": {}}], "entityMap": {}})


def _issue(subject="Nyhedsbrev november", intro="<p>Kære læser</p>", **extra) -> NewsletterIssue:
    return NewsletterIssue.objects.create(subject=subject, intro_da=intro, **extra)


def _send_url(issue) -> str:
    return f"/cms/nyhedsbrev/send/{issue.pk}/"


def _unsubscribe_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_writes_and_sends_an_issue_and_the_worker_mails_each_confirmed_subscriber(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    _subscribers()
    editor = Client()
    editor.force_login(world.user("national_editor"))

    response = editor.post("/cms/nyhedsbrev/new/", {
        "subject": "DigiKomp i november", "intro_da": _draftail("Kære læser, her er månedens nyt."),
        "intro_en": _draftail("Dear reader, here is the news of the month."), "include_updates": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = NewsletterIssue.objects.get(subject="DigiKomp i november")

    confirm = editor.get(_send_url(issue))
    assert confirm.status_code == 200
    assert "2 bekræftede abonnenter" in text(confirm)  # the unconfirmed sign-up is not counted
    response = editor.post(_send_url(issue))
    assert response.status_code == 302 and response["Location"] == "/cms/nyhedsbrev/"
    issue.refresh_from_db()
    assert issue.is_sent and issue.send_requested_by == world.user("national_editor")
    assert mail.outbox == []  # queued for the worker, not sent in the request

    call_command("db_worker", batch=True, interval=0)

    assert sorted(m.to[0] for m in mail.outbox) == CONFIRMED
    for message in mail.outbox:
        address = message.to[0]
        assert message.subject == "DigiKomp i november"
        unsubscribe = re.search(r"http://\S+/nyhedsbrev/afmeld/\S+/", message.body).group(0)
        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # Danish first, English below; the link is visible in both the text and the HTML part.
        assert message.body.index("Kære læser") < message.body.index("Dear reader")
        assert "Afmeld" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and f'href="{unsubscribe}"' in html and 'lang="da"' in html
        assert "Kære læser, her er månedens nyt." in html
        # The link unsubscribes exactly that address.
        assert Client().post(_unsubscribe_path(unsubscribe)).status_code == 200
        assert not Subscriber.objects.filter(email=address).exists()

    issue.refresh_from_db()
    assert issue.delivered_at is not None and issue.recipient_count == 2
    actions = list(AuditEntry.objects.filter(object_id=str(issue.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["newsletter.issue.delivered", "newsletter.issue.send"]
    # The summary says when and to how many, and the issue offers neither "Edit" nor "Send" any more.
    summary = editor.get(f"/cms/nyhedsbrev/inspect/{issue.pk}/")
    assert "Sendt" in text(summary) and _send_url(issue) not in summary.content.decode()


def test_a_sent_issue_is_not_sent_again(world, client_for):
    _subscribers()
    issue = _issue()
    editor = client_for("national_editor")
    assert editor.post(_send_url(issue)).status_code == 302
    assert len(mail.outbox) == 2  # immediate task backend in tests

    again = editor.post(_send_url(issue), follow=True)
    assert "er allerede sendt" in text(again)
    assert len(mail.outbox) == 2
    assert not issue_send(issue=issue, actor=world.user("national_editor"))
    # A task queued twice, or run again by hand, finds the issue delivered.
    assert send_issue.call(issue.pk) == 0 and len(mail.outbox) == 2
    assert AuditEntry.objects.filter(action="newsletter.issue.send").count() == 1


def test_a_rerun_after_an_interrupted_send_mails_only_those_who_did_not_get_it(world):
    _subscribers()
    issue = _issue()
    # As if a worker had mailed Anne and then died before it finished.
    issue.send_requested_at = timezone.now()
    issue.save()
    NewsletterDelivery.objects.create(issue=issue, subscriber=Subscriber.objects.get(email=CONFIRMED[0]))

    assert send_issue.call(issue.pk) == 1
    assert [m.to for m in mail.outbox] == [[CONFIRMED[1]]]
    issue.refresh_from_db()
    assert issue.recipient_count == 2


class _FailsOnBent(EmailBackend):
    """The mail server goes away when it reaches Bent."""

    def send_messages(self, messages):
        if any(m.to == [CONFIRMED[1]] for m in messages):
            raise ConnectionError("the mail server went away")
        return super().send_messages(messages)


def test_a_mail_that_fails_is_not_counted_as_sent_and_the_retry_sends_it(world, settings):
    _subscribers()
    issue = _issue(send_requested_at=timezone.now())
    settings.EMAIL_BACKEND = f"{__name__}._FailsOnBent"
    with pytest.raises(ConnectionError):
        send_issue.call(issue.pk)
    assert [m.to for m in mail.outbox] == [[CONFIRMED[0]]]
    assert list(issue.deliveries.values_list("subscriber__email", flat=True)) == [CONFIRMED[0]]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_issue.call(issue.pk) == 1
    assert [m.to for m in mail.outbox] == [[CONFIRMED[0]], [CONFIRMED[1]]]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "national_editor"])
def test_only_editors_can_send(client_for, persona):
    _subscribers()
    issue = _issue()
    response = client_for(persona).post(_send_url(issue))
    if persona == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    else:
        assert response.status_code == 403
    issue.refresh_from_db()
    assert not issue.is_sent and not mail.outbox


def test_the_cms_alone_is_not_enough_to_send(world):
    """A user who may use the CMS and edit issues, but lacks the send permission, is refused by the view."""
    _subscribers()
    issue = _issue()
    user = world.user("hr")
    group = Group.objects.create(name="Kun CMS")
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          Permission.objects.get(codename="change_newsletterissue"))
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    assert client.get("/cms/nyhedsbrev/").status_code == 200
    assert _send_url(issue) not in client.get("/cms/nyhedsbrev/").content.decode()
    # Wagtail answers a refused admin view with its dashboard and a message rather than a bare 403.
    for response in (client.get(_send_url(issue)), client.post(_send_url(issue))):
        assert response.status_code == 302 and response["Location"] == "/cms/"
    issue.refresh_from_db()
    assert not issue.is_sent and not mail.outbox


def test_a_sent_issue_can_be_neither_edited_nor_deleted(world, client_for):
    issue = _issue(send_requested_at=timezone.now())
    editor = client_for("national_editor")
    summary = f"/cms/nyhedsbrev/inspect/{issue.pk}/"
    assert editor.get(f"/cms/nyhedsbrev/edit/{issue.pk}/")["Location"] == summary
    response = editor.post(f"/cms/nyhedsbrev/edit/{issue.pk}/", {"subject": "Ændret", "intro_da": _draftail("x")})
    assert response["Location"] == summary
    assert editor.post(f"/cms/nyhedsbrev/delete/{issue.pk}/")["Location"] == summary
    issue.refresh_from_db()
    assert issue.subject == "Nyhedsbrev november"
    listing = editor.get("/cms/nyhedsbrev/").content.decode()
    assert f"/cms/nyhedsbrev/edit/{issue.pk}/" not in listing and _send_url(issue) not in listing


def test_an_unsent_issue_is_edited_and_offers_send(world, client_for):
    issue = _issue()
    editor = client_for("national_editor")
    page = editor.get(f"/cms/nyhedsbrev/edit/{issue.pk}/")
    assert page.status_code == 200 and _send_url(issue) in page.content.decode()
    response = editor.post(f"/cms/nyhedsbrev/edit/{issue.pk}/", {
        "subject": "Nyt emne", "intro_da": _draftail("Ny tekst"), "intro_en": _draftail("")})
    assert response.status_code == 302, response.content.decode()[:2000]
    issue.refresh_from_db()
    assert issue.subject == "Nyt emne" and "Ny tekst" in issue.intro_da


def _news(slug: str, title: str, published: datetime.datetime) -> NewsPage:
    page = NewsPage(title=title, slug=slug, intro_da=f"Om {title}.")
    NewsIndexPage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    NewsPage.objects.filter(pk=page.pk).update(first_published_at=published)
    return page


def test_the_mail_reports_what_is_new_since_the_previous_issue_with_absolute_links(world, settings):
    from tests.catalogue.helpers import make_case

    settings.DIGIKOMP_BASE_URL = "https://digikomp.example"
    now = timezone.now()
    _subscribers()
    _issue("Forrige nummer", send_requested_at=now - datetime.timedelta(days=10),
           delivered_at=now - datetime.timedelta(days=10), recipient_count=2)
    _news("gammel-nyhed", "Gammel nyhed", now - datetime.timedelta(days=20))
    _news("ny-nyhed", "Ny nyhed", now - datetime.timedelta(days=2))
    make_case(title="Ambassadører i hjemmeplejen", slug="ambassadoerer-i-hjemmeplejen")
    issue = _issue(intro=f'<p>Læs <a linktype="page" id="{NewsIndexPage.objects.get().pk}">nyhederne</a>.</p><script>alert(1)</script>')

    issue_send(issue=issue, actor=world.user("national_editor"))

    message = next(m for m in mail.outbox if m.to == [CONFIRMED[0]])
    html = message.alternatives[0][0]
    assert "https://digikomp.example/nyheder/ny-nyhed/" in message.body
    assert 'href="https://digikomp.example/nyheder/ny-nyhed/"' in html
    assert "Gammel nyhed" not in message.body  # it was in the previous issue's window
    assert "https://digikomp.example/katalog/ambassadoerer-i-hjemmeplejen/" in message.body
    assert "Nyheder" in message.body and "Nyt i inspirationskataloget" in message.body
    # The editor's page link is made absolute; anything outside the allow-list is gone.
    assert 'href="https://digikomp.example/nyheder/"' in html and "nyhederne (https://digikomp.example/nyheder/)" \
        in message.body
    assert "<script" not in html and "alert(1)" not in message.body


def test_an_issue_without_updates_carries_only_the_introduction(world):
    _subscribers()
    _news("ny-nyhed", "Ny nyhed", timezone.now() - datetime.timedelta(days=1))
    issue = _issue(include_updates=False)
    issue_send(issue=issue, actor=world.user("national_editor"))
    assert mail.outbox and all("Ny nyhed" not in m.body for m in mail.outbox)


def test_sign_ups_confirmed_after_the_send_wait_for_the_next_issue(world):
    _subscribers()
    issue = _issue(send_requested_at=timezone.now() - datetime.timedelta(hours=2))
    assert send_issue.call(issue.pk) == 0 and not mail.outbox


def test_unsubscribing_erases_the_address_from_the_delivery_record_too(world):
    _subscribers()
    issue = _issue()
    issue_send(issue=issue, actor=world.user("national_editor"))
    from digikomp.site.newsletter.services import subscriber_remove

    subscriber_remove(email=CONFIRMED[0])
    assert issue.deliveries.count() == 1
    issue.refresh_from_db()
    assert issue.recipient_count == 2  # the record of how many it reached stays


def test_the_demo_has_a_sent_issue_and_a_draft_and_mails_nobody(demo_site):
    sent, draft = (NewsletterIssue.objects.filter(send_requested_at__isnull=False).get(),
                   NewsletterIssue.objects.filter(send_requested_at__isnull=True).get())
    assert sent.delivered_at is not None and sent.recipient_count == 0 and not draft.is_sent
    assert not mail.outbox
