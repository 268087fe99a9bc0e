"""Signing up for an event in DigiKomp: places, the waiting list, moving up when someone cancels by their
single-use link, the e-mails, duplicates, bad input, throttling, the calendar file read back by hand, the
editors' list and export, capacity under concurrent sign-ups, and deletion after the event."""

import re
import threading
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from digikomp.site import registrations
from digikomp.site.models import EventIndexPage, EventPage, EventRegistration
from tests.web.markup import find, text

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


def make_event(capacity=2, *, days=10, slug="netvaerksmoede", **extra) -> EventPage:
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=days)
    event = EventPage(title="Netværksmøde, digitale ambassadører; forår", slug=slug, start=start,
                      end=start + timedelta(hours=3), location="Aarhus Rådhus, Rådhuspladsen 2, Aarhus",
                      capacity=capacity, intro_da="Ambassadører mødes og deler erfaringer.\nMed frokost.", **extra)
    EventIndexPage.objects.get().add_child(instance=event)
    event.save_revision().publish()
    return event


def form(name="Mette Hansen", email="mette@aarhus.dk", organisation="Aarhus Kommune", consent="on"):
    data = {"name": name, "email": email, "organisation": organisation}
    if consent:
        data["consent"] = consent
    return data


def sign_up(client, event, address="10.0.0.1", **fields):
    return client.post(f"/tilmelding/{event.pk}/", form(**fields), REMOTE_ADDR=address)


def cancel_link(message) -> str:
    return re.search(r"http://\S+(/tilmelding/afmeld/\S+/)", message.body).group(1)


@pytest.fixture
def event():
    return make_event()


def test_signing_up_gives_a_place_a_mail_with_the_calendar_file_and_counts_down(client, event):
    page = client.get(event.url)
    assert "2 af 2 pladser er ledige" in text(page) or "2 of 2 places left" in text(page)
    assert find(page, "form", action=f"/tilmelding/{event.pk}/#signup-heading")
    response = sign_up(client, event)
    assert response.status_code == 200
    assert "Du er tilmeldt" in text(response) or "You are signed up" in text(response)
    registration = EventRegistration.objects.get()
    assert (registration.status, registration.email, registration.organisation) == \
        (Status.CONFIRMED, "mette@aarhus.dk", "Aarhus Kommune")
    message = mail.outbox[-1]
    assert message.to == ["mette@aarhus.dk"] and "Du er tilmeldt" in message.subject
    assert event.title in message.body and cancel_link(message)
    (filename, ics, mimetype), = message.attachments
    assert filename == "netvaerksmoede.ics" and mimetype.startswith("text/calendar") and "BEGIN:VEVENT" in ics
    assert "1 af 2 pladser er ledig." in text(client.get(event.url))


def test_when_the_places_are_taken_people_go_on_the_waiting_list_and_are_told_so(client, event):
    sign_up(client, event, email="a@aarhus.dk")
    sign_up(client, event, email="b@aarhus.dk")
    page = text(client.get(event.url))
    assert "ventelisten" in page or "waiting list" in page
    response = sign_up(client, event, email="c@aarhus.dk")
    assert response.status_code == 200
    assert "nummer 1 på ventelisten" in text(response) or "number 1 on the waiting list" in text(response)
    sign_up(client, event, email="d@aarhus.dk")
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {"a@aarhus.dk": Status.CONFIRMED, "b@aarhus.dk": Status.CONFIRMED,
                        "c@aarhus.dk": Status.WAITING, "d@aarhus.dk": Status.WAITING}
    waiting_mail = [m for m in mail.outbox if m.to == ["d@aarhus.dk"]][0]
    assert "ventelisten" in waiting_mail.subject and "nummer 2" in waiting_mail.body
    assert not waiting_mail.attachments  # no calendar entry without a place


def test_cancelling_by_the_link_moves_the_first_on_the_waiting_list_up_and_the_link_works_once(client, event):
    for email in ("a@aarhus.dk", "b@aarhus.dk", "c@aarhus.dk", "d@aarhus.dk"):
        sign_up(client, event, email=email)
    link = cancel_link([m for m in mail.outbox if m.to == ["a@aarhus.dk"]][0])
    # Opening the link (as a mail scanner would) cancels nothing; the button does.
    page = client.get(link)
    assert page.status_code == 200 and find(page, "form", method="post")
    assert EventRegistration.objects.filter(email="a@aarhus.dk").exists()
    mail.outbox.clear()
    done = client.post(link)
    assert done.status_code == 200
    assert not EventRegistration.objects.filter(email="a@aarhus.dk").exists()  # deleted, not kept
    moved = EventRegistration.objects.get(email="c@aarhus.dk")
    assert moved.status == Status.CONFIRMED and moved.moved_up_at is not None
    assert EventRegistration.objects.get(email="d@aarhus.dk").status == Status.WAITING
    (message,) = mail.outbox
    assert message.to == ["c@aarhus.dk"] and "fået en plads" in message.subject and message.attachments
    # The same link again: the sign-up is gone, so it answers with a page that says so.
    assert client.post(link).status_code == 400 and client.get(link).status_code == 400
    assert client.get("/tilmelding/afmeld/ikke-et-token/").status_code == 400


def test_an_editor_adding_places_moves_people_up(client, event):
    for email in ("a@aarhus.dk", "b@aarhus.dk", "c@aarhus.dk"):
        sign_up(client, event, email=email)
    event.capacity = 3
    event.save_revision().publish()  # the after_publish_page hook
    assert EventRegistration.objects.get(email="c@aarhus.dk").status == Status.CONFIRMED


def test_the_same_address_cannot_sign_up_twice_and_is_told_politely(client, event):
    sign_up(client, event)
    response = sign_up(client, event, email="  METTE@aarhus.dk ")
    assert response.status_code == 409
    assert "allerede tilmeldt" in text(response) or "already signed up" in text(response)
    assert EventRegistration.objects.count() == 1


@pytest.mark.parametrize("fields, label", [
    ({"name": ""}, "Navn"),
    ({"email": "ikke-en-adresse"}, "E-mail"),
    ({"consent": ""}, "DigiKomp må gemme"),
])
def test_bad_input_names_the_field(client, event, fields, label):
    response = sign_up(client, event, **fields)
    assert response.status_code == 400
    assert find(response, "div", id="error-summary")
    summary = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S).group(0)
    assert label in summary
    assert find(response, "input", **{"aria-invalid": "true"})  # the field itself is marked
    assert EventRegistration.objects.count() == 0


def test_sign_up_closes_after_the_deadline_and_for_past_events(client):
    closed = make_event(signup_deadline=timezone.localdate() - timedelta(days=1))
    assert sign_up(client, closed).status_code == 409
    assert not find(client.get(closed.url), "form", action=f"/tilmelding/{closed.pk}/#signup-heading")
    elsewhere = make_event(slug="andetsteds", signup_url="https://tilmelding.example.org/")
    assert sign_up(client, elsewhere).status_code == 409
    assert EventRegistration.objects.count() == 0


def test_one_network_is_throttled(client):
    event = make_event(capacity=None)
    for n in range(registrations.SIGNUPS_PER_ADDRESS_PER_HOUR):
        assert sign_up(client, event, email=f"p{n}@aarhus.dk").status_code == 200
    response = sign_up(client, event, email="one-more@aarhus.dk")
    assert response.status_code == 429
    assert sign_up(client, event, email="other@aarhus.dk", address="10.0.0.2").status_code == 200


def unfold(ics: str) -> list[str]:
    assert "\r\n" in ics and all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    return ics.replace("\r\n ", "").split("\r\n")


def test_the_calendar_file_read_back_by_hand(client, event):
    event.title = "Netværksmøde, digitale ambassadører; forår " + "og en meget lang titel " * 4
    event.save_revision().publish()
    response = client.get(f"/tilmelding/{event.pk}/kalender.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert 'filename="netvaerksmoede.ics"' in response["Content-Disposition"]
    lines = unfold(response.content.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    fields = dict(line.split(":", 1) for line in lines if ":" in line and not line.startswith(("BEGIN", "END")))
    assert fields["VERSION"] == "2.0" and fields["PRODID"]
    assert fields["UID"].startswith(f"event-{event.pk}@")
    assert re.fullmatch(r"\d{8}T\d{6}Z", fields["DTSTAMP"])
    # By hand: the event starts at 10:00 Copenhagen time ten days from now, so 09:00 or 08:00 UTC.
    assert fields["DTSTART"] == event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert fields["DTEND"] == event.end.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert fields["DTSTART"][9:11] in ("08", "09")
    # Commas, semicolons and newlines escaped (RFC 5545 3.3.11).
    assert fields["SUMMARY"].startswith("Netværksmøde\\, digitale ambassadører\\; forår og en meget lang titel")
    assert fields["LOCATION"] == "Aarhus Rådhus\\, Rådhuspladsen 2\\, Aarhus"
    assert fields["DESCRIPTION"] == "Ambassadører mødes og deler erfaringer.\\nMed frokost."
    assert fields["URL"] == f"http://testserver{event.url}"
    # The long summary was folded and unfolds to one line.
    assert "\r\n " in response.content.decode()


def test_editors_see_the_sign_ups_and_export_them(client, client_for, event):
    for email in ("a@aarhus.dk", "b@aarhus.dk", "c@aarhus.dk"):
        sign_up(client, event, email=email)
    editor = client_for("national_editor")
    listing = editor.get("/cms/tilmeldinger/")
    assert listing.status_code == 200 and "c@aarhus.dk" in listing.content.decode()
    export = editor.get("/cms/tilmeldinger/?export=csv")
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = body.strip().splitlines()
    assert len(rows) == 4 and "a@aarhus.dk" in body and "Aarhus Kommune" in body
    assert client_for("municipal_admin").get("/cms/tilmeldinger/").status_code in (302, 403)


def test_sign_ups_are_deleted_thirty_days_after_the_event(client):
    old = make_event(capacity=None, days=-40, slug="gammelt")
    recent = make_event(capacity=None, days=-10, slug="nyligt")
    for event in (old, recent):
        EventRegistration.objects.create(event=event, name="X", email="x@aarhus.dk", status=Status.CONFIRMED,
                                         cancel_nonce="n")
    assert registrations.purge_past_registrations() == 1
    assert list(EventRegistration.objects.values_list("event__slug", flat=True)) == ["nyligt"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sign_ups_for_the_last_place_give_one_place_and_one_waiting(db):
    event = make_event(capacity=1, slug="sidste-plads")
    outcomes = []
    barrier = threading.Barrier(2)

    def attempt(email):
        try:
            barrier.wait()
            result = registrations.signup(event=EventPage.objects.get(pk=event.pk), name="P", email=email)
            outcomes.append(result.registration.status)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(email,)) for email in ("a@aarhus.dk", "b@aarhus.dk")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [Status.CONFIRMED, Status.WAITING]
    assert EventRegistration.objects.filter(status=Status.CONFIRMED).count() == 1
