"""Password spraying: failed logins are also counted per address across usernames (accounts/throttling.py), so
one wrong password for each of many usernames from one client locks that client out, on every login path,
while other addresses and the per-account limit work as before."""

import pytest
from django.test import Client

from tests.personas import PASSWORD

LOGIN = "/konto/login/"


def attempt(client, email, password, path=LOGIN):
    return client.post(path, {"username": email, "password": password})


def spray(client, count: int, path=LOGIN) -> list[int]:
    return [attempt(client, f"person{n}@aarhus.example", "Sommer2026!", path).status_code for n in range(count)]


def test_thirty_usernames_with_one_wrong_password_each_lock_the_address(world, settings):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    sprayer = Client(REMOTE_ADDR="198.51.100.7")
    statuses = spray(sprayer, 30)
    assert statuses[:19] == [200] * 19  # the login form again, with its error
    assert set(statuses[19:]) == {429}
    # Even a correct password is refused from that address while it is locked ...
    response = attempt(sprayer, "hr@aarhus.example", PASSWORD)
    assert response.status_code == 429 and "For mange forsøg" in response.content.decode()
    assert sprayer.get("/app/").status_code == 302  # not logged in
    # ... while the same account logs in from another address.
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    assert attempt(colleague, "hr@aarhus.example", PASSWORD).status_code == 302


def test_below_the_address_limit_nothing_is_locked(world):
    client = Client(REMOTE_ADDR="198.51.100.9")
    assert set(spray(client, 19)) == {200}
    assert attempt(client, "hr@aarhus.example", PASSWORD).status_code == 302


def test_the_per_account_limit_still_locks_one_account_first(world):
    client = Client(REMOTE_ADDR="198.51.100.10")
    statuses = [attempt(client, "hr@aarhus.example", "forkert").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert attempt(client, "admin@aarhus.example", PASSWORD).status_code == 302  # the address is not locked


def test_a_sprayers_own_successful_login_does_not_reset_the_address(world):
    client = Client(REMOTE_ADDR="198.51.100.11")
    spray(client, 15)
    assert attempt(client, "hr@aarhus.example", PASSWORD).status_code == 302
    client.post("/konto/logout/")
    assert spray(client, 5) == [200, 200, 200, 200, 429]


@pytest.mark.parametrize("path", ["/cms/login/", "/django-admin/login/"])
def test_every_login_path_counts_and_refuses_alike(world, path):
    client = Client(REMOTE_ADDR="198.51.100.12")
    spray(client, 10)
    assert set(spray(client, 9, path)) == {200}  # the other login form adds to the same count
    assert spray(client, 1, path) == [429]
    assert attempt(client, "redaktoer@kl.example", PASSWORD, path).status_code == 429
    assert attempt(client, "redaktoer@kl.example", PASSWORD).status_code == 429


def test_behind_the_proxy_the_forwarded_client_address_is_counted(world, settings):
    settings.AXES_CLIENT_IP_CALLABLE = "digikomp.accounts.throttling.client_address"
    # Every request comes from the proxy; the proxy appends the client's address last.
    sprayer = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert 429 in spray(sprayer, 25)
    # A claimed address in front of the proxy's entry changes nothing for the sprayer ...
    disguised = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5")
    assert attempt(disguised, "hr@aarhus.example", PASSWORD).status_code == 429
    # ... and everyone else behind the same proxy logs in.
    colleague = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert attempt(colleague, "hr@aarhus.example", PASSWORD).status_code == 302
