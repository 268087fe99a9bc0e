"""Passwords without the command line: "Forgot your password?" answers the same for every address, is
throttled, and mails a link that works once and expires; "Change password" needs the old one. Every change is in
the audit log, never the password itself."""

from __future__ import annotations

import json
import re

from django.core import mail
from django.test import Client

from digikomp.accounts import passwords
from digikomp.accounts.models import User
from digikomp.accounts.tokens import reset_tokens
from digikomp.audit.models import AuditEntry
from tests.personas import PASSWORD
from tests.web.markup import find, text

RESET = "/konto/adgangskode/glemt/"
CHANGE = "/konto/adgangskode/skift/"
NEW_PASSWORD = "solsikke-kaffe-tromme-92"


def ask(client, email, **extra):
    return client.post(RESET, {"email": email}, follow=True, **extra)


def reset_link(message) -> str:
    return re.search(r"http://[^/\s]+(/konto/adgangskode/ny/\S+/)", message.body).group(1)


def choose(client, link, password=NEW_PASSWORD):
    form_page = client.get(link, follow=True)
    return client.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_the_login_page_links_to_the_reset(client, db):
    assert find(client.get("/konto/login/"), "a", href=RESET)
    page = client.get(RESET)
    assert "Glemt adgangskode?" in text(page)
    assert find(page, "label", **{"for": "id_email"})


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(world):
    known, unknown = ask(Client(), "hr@aarhus.example"), ask(Client(), "ingen@aarhus.example")
    assert known.redirect_chain == unknown.redirect_chain == [("/konto/adgangskode/glemt/sendt/", 302)]

    def body(response):
        return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())  # the CSRF tokens differ

    assert body(known) == body(unknown)
    assert [m.to for m in mail.outbox] == [["hr@aarhus.example"]]


def test_reset_sets_a_new_password_once(world):
    ask(Client(), "HR@aarhus.example ")
    link = reset_link(mail.outbox[0])
    assert "60 minutter" in mail.outbox[0].body
    visitor = Client()
    done = choose(visitor, link)
    assert done.status_code == 302 and done["Location"] == "/konto/adgangskode/ny/faerdig/"
    assert Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": NEW_PASSWORD}) \
        .status_code == 302
    assert Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": PASSWORD}) \
        .status_code == 200
    again = Client().get(link, follow=True)
    assert "Linket virker ikke" in text(again) and not find(again, "input", name="new_password1")
    hr = world.user("hr")
    actions = list(AuditEntry.objects.filter(object_id=str(hr.pk)).values_list("action", flat=True))
    assert "user.password_reset_requested" in actions and "user.password_reset" in actions
    assert NEW_PASSWORD not in json.dumps(list(AuditEntry.objects.values("data")))


def test_the_reset_link_expires(world, settings):
    hr = world.user("hr")
    ask(Client(), "hr@aarhus.example")
    uid = reset_link(mail.outbox[0]).split("/")[4]
    made = reset_tokens._num_seconds(reset_tokens._now()) - settings.PASSWORD_RESET_TIMEOUT - 1
    expired = reset_tokens._make_token_with_timestamp(hr, made, reset_tokens.secret)
    page = Client().get(f"/konto/adgangskode/ny/{uid}/{expired}/", follow=True)
    assert "Linket virker ikke" in text(page)
    assert find(page, "a", href=RESET)


def test_the_new_password_must_pass_the_validators(world):
    ask(Client(), "hr@aarhus.example")
    response = choose(Client(), reset_link(mail.outbox[0]), password="12345678")
    assert response.status_code == 200
    assert "Adgangskoden blev ikke gemt" in text(response)
    assert find(response, "input", name="new_password2", **{"aria-invalid": "true"})
    assert "Bekræftelse af ny adgangskode: Denne adgangskode er udelukkende numerisk" in text(response)


def test_deactivated_users_and_invitees_without_a_password_get_no_mail(world):
    User.objects.filter(pk=world.user("hr").pk).update(is_active=False)
    employee = world.user("employee")
    employee.set_unusable_password()
    employee.save()
    for email in ["hr@aarhus.example", "anna@aarhus.example"]:
        assert ask(Client(), email).redirect_chain == [("/konto/adgangskode/glemt/sendt/", 302)]
    assert mail.outbox == []


def test_a_link_stops_working_when_the_user_is_deactivated(world):
    ask(Client(), "hr@aarhus.example")
    User.objects.filter(pk=world.user("hr").pk).update(is_active=False)
    assert "Linket virker ikke" in text(Client().get(reset_link(mail.outbox[0]), follow=True))


def test_one_account_gets_at_most_a_few_mails_an_hour(world):
    for _ in range(passwords.RESET_MAILS_PER_ACCOUNT + 2):
        assert ask(Client(), "hr@aarhus.example").redirect_chain[-1][0] == "/konto/adgangskode/glemt/sendt/"
    assert len(mail.outbox) == passwords.RESET_MAILS_PER_ACCOUNT


def test_one_address_is_throttled_whatever_it_asks_for(world):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(passwords.RESET_LIMIT_PER_ADDRESS):
        client.post(RESET, {"email": f"ingen{n}@example.dk"})
    refused = client.post(RESET, {"email": "hr@aarhus.example"})
    assert refused.status_code == 200
    assert "for mange anmodninger" in text(refused)
    assert mail.outbox == []
    # Another address is not affected.
    assert ask(Client(REMOTE_ADDR="203.0.113.8"), "hr@aarhus.example").redirect_chain
    assert len(mail.outbox) == 1


def test_a_bad_address_is_named(db):
    response = Client().post(RESET, {"email": "ikke-en-adresse"})
    assert "E-mail: Skriv en e-mailadresse" in text(response)


def test_change_password_needs_the_old_one_and_is_logged(client_for, world):
    client = client_for("hr")
    assert find(client.get("/app/"), "a", href=CHANGE)
    wrong = client.post(CHANGE, {"old_password": "forkert", "new_password1": NEW_PASSWORD,
                                 "new_password2": NEW_PASSWORD})
    assert wrong.status_code == 200 and "Adgangskoden blev ikke skiftet" in text(wrong)
    mismatch = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
                                    "new_password2": NEW_PASSWORD + "x"})
    assert mismatch.status_code == 200
    done = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
                                "new_password2": NEW_PASSWORD}, follow=True)
    assert done.redirect_chain == [("/app/", 302)]
    assert "Din adgangskode er skiftet" in text(done)
    assert client.get("/app/").status_code == 200  # still logged in here
    hr = User.objects.get(pk=world.user("hr").pk)
    assert hr.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="user.password_changed", actor=hr).exists()


def test_change_password_needs_login(client, db):
    response = client.get(CHANGE)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_a_new_password_ends_a_lockout(world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": "forkert"})
    locked = Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": PASSWORD})
    assert locked.status_code != 302
    ask(Client(), "hr@aarhus.example")
    choose(Client(), reset_link(mail.outbox[0]))
    assert Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": NEW_PASSWORD}) \
        .status_code == 302
