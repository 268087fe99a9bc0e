"""The newsletter: double opt-in through a mail sent by the task queue, one-click unsubscribe, and nothing kept
but the address and two timestamps."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from django.utils import timezone

from digikomp.site.models import Subscriber
from digikomp.site.newsletter import services
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db
ADDRESS = "borger@eksempel.dk"


def _link(message) -> str:
    return re.search(r"http://\S+/nyhedsbrev/bekraeft/\S+/", message.body).group(0)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_signing_up_sends_a_confirmation_mail_and_confirming_subscribes(client):
    response = client.post("/nyhedsbrev/", {"email": ADDRESS})
    assert response.status_code == 200 and "Tjek din indbakke" in text(response)
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.confirmed_at is None and services.confirmed_addresses() == []

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS] and "Bekræft" in message.subject
    link = _link(message)

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    page = client.get(_path(link))
    assert page.status_code == 200 and find(page, "button", type="submit")
    assert Subscriber.objects.get(email=ADDRESS).confirmed_at is None
    confirmed = client.post(_path(link))
    assert confirmed.status_code == 200 and "Du er tilmeldt" in text(confirmed)
    assert services.confirmed_addresses() == [ADDRESS]


def test_only_the_address_and_timestamps_are_stored():
    assert sorted(f.name for f in Subscriber._meta.get_fields()) == ["confirmed_at", "email", "id", "requested_at"]


def test_the_answer_does_not_tell_whether_an_address_is_subscribed(client):
    services.subscriber_request(email=ADDRESS)
    services.subscriber_confirm(email=ADDRESS)
    mail.outbox.clear()
    known = client.post("/nyhedsbrev/", {"email": ADDRESS})
    unknown = client.post("/nyhedsbrev/", {"email": "ny@eksempel.dk"})
    assert text(known).replace(ADDRESS, "X") == text(unknown).replace("ny@eksempel.dk", "X")
    # The confirmed address gets no new mail; the new one gets its confirmation.
    assert [m.to for m in mail.outbox] == [["ny@eksempel.dk"]]


def test_an_invalid_address_is_refused_with_the_form(client):
    response = client.post("/nyhedsbrev/", {"email": "ikke en adresse"})
    assert response.status_code == 400
    assert find(response, "input", name="email", **{"aria-invalid": "true"})
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_confirmation_link_expires_after_seven_days(client, monkeypatch):
    services.subscriber_request(email=ADDRESS)
    link = _path(_link(mail.outbox[0]))
    later = timezone.now() + timedelta(days=8)
    monkeypatch.setattr(TimestampSigner, "timestamp", lambda self: 0)  # irrelevant for loads
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    response = client.post(link)
    assert response.status_code == 400 and "syv dage" in text(response)
    assert Subscriber.objects.get().confirmed_at is None


def test_a_forged_confirmation_link_is_refused(client):
    response = client.post("/nyhedsbrev/bekraeft/borger@eksempel.dk/")
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_unsubscribing_is_one_click_and_deletes_the_address(client):
    services.subscriber_request(email=ADDRESS)
    services.subscriber_confirm(email=ADDRESS)
    url = services.unsubscribe_url(ADDRESS)
    headers = services.unsubscribe_headers(ADDRESS)
    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page = client.get(_path(url))
    assert page.status_code == 200 and Subscriber.objects.exists()
    # What a mail client sends for RFC 8058 one-click: a POST without any CSRF token.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_path(url), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Du er afmeldt" in text(response)
    assert not Subscriber.objects.exists()


def test_an_unsubscribe_token_cannot_confirm_and_a_confirm_token_cannot_unsubscribe(client):
    services.subscriber_request(email=ADDRESS)
    confirm_token = _path(_link(mail.outbox[0])).rstrip("/").rsplit("/", 1)[1]
    unsubscribe_token = _path(services.unsubscribe_url(ADDRESS)).rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/nyhedsbrev/bekraeft/{unsubscribe_token}/").status_code == 400
    assert client.post(f"/nyhedsbrev/afmeld/{confirm_token}/").status_code == 400
    assert Subscriber.objects.exists()


def test_sign_ups_never_confirmed_are_forgotten_when_their_link_expires():
    Subscriber.objects.create(email="gammel@eksempel.dk", requested_at=timezone.now() - timedelta(days=8))
    services.subscriber_request(email=ADDRESS)
    assert list(Subscriber.objects.values_list("email", flat=True)) == [ADDRESS]


def test_the_confirmation_mail_goes_through_the_task_queue(settings):
    from digikomp.site.newsletter.tasks import send_confirmation

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    from django_tasks import default_task_backend

    services.subscriber_request(email=ADDRESS)
    assert not mail.outbox
    results = default_task_backend.results
    assert [r.task.func for r in results] == [send_confirmation.func]
    assert results[0].args == [ADDRESS]
