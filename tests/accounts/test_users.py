"""The pages "Users and roles": a municipal admin invites, changes, deactivates and reactivates their
municipality's users; national editors do the same for national users. The invitee chooses a password through
the e-mailed link, which works once and expires. Another municipality's users are a 404; roles and units outside
the scope are refused with a message on the field; every change is in the audit log."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.test import Client

from digikomp.accounts.models import User
from digikomp.accounts.tokens import invitation_tokens
from digikomp.audit.models import AuditEntry
from digikomp.tenancy.roles import Role
from tests.web.markup import find, text

LIST, INVITE = "/app/brugere/", "/app/brugere/inviter/"
NATIONAL_LIST, NATIONAL_INVITE = "/app/brugere/nationale/", "/app/brugere/nationale/inviter/"
NEW_PASSWORD = "solsikke-kaffe-tromme-92"


def invite(client, **fields):
    data = {"action": "save", "full_name": "Lise Leder", "email": "lise@aarhus.example", "roles": ["manager"]}
    data.update(fields)
    return client.post(INVITE, {k: v for k, v in data.items() if v is not None})


def link_in(message) -> str:
    return re.search(r"http://\S+/konto/invitation/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def roles_of(user) -> set[str]:
    return set(user.role_assignments.values_list("role", flat=True))


# --- The list -----------------------------------------------------------------------------------------------

def test_the_admin_sees_the_municipality_users_with_roles_and_units_in_a_table(client_for, world):
    response = client_for("municipal_admin").get(LIST)
    assert response.status_code == 200
    page = text(response)
    for email in ["admin@aarhus.example", "hr@aarhus.example", "leder@aarhus.example", "anna@aarhus.example"]:
        assert email in page
    assert "admin@kbh.example" not in page and "redaktoer@kl.example" not in page
    assert "Sociale Forhold og Beskæftigelse" in page  # the manager's unit
    headers = [th.get("scope") for th in find(response, "th")]
    assert headers.count("col") >= 4
    assert find(response, "table", **{"aria-labelledby": "users-heading"})


def test_the_list_is_searchable_by_name_or_email_and_by_role(client_for, world):
    client = client_for("municipal_admin")
    page = text(client.get(LIST, {"q": "leder"}))
    assert "leder@aarhus.example" in page and "hr@aarhus.example" not in page
    page = text(client.get(LIST, {"rolle": "hr"}))
    assert "hr@aarhus.example" in page and "leder@aarhus.example" not in page


def test_another_municipality_admin_sees_only_their_own_users(client_for, world):
    page = text(client_for("other_admin").get(LIST))
    assert "admin@kbh.example" in page
    assert "aarhus.example" not in page


def test_a_user_of_another_municipality_is_a_404_to_read_and_to_change(client_for, world):
    client = client_for("other_admin")
    manager = world.user("manager")
    assert client.get(f"/app/brugere/{manager.pk}/").status_code == 404
    response = client.post(f"/app/brugere/{manager.pk}/", {"action": "save", "full_name": "Overtaget",
                                                            "roles": ["municipal_admin"]})
    assert response.status_code == 404
    assert client.post(f"/app/brugere/{manager.pk}/deaktiver/").status_code == 404
    assert client.post(f"/app/brugere/{manager.pk}/send-invitation/").status_code == 404
    manager.refresh_from_db()
    assert manager.full_name == "leder" and manager.is_active and roles_of(manager) == {"manager"}


def test_national_users_are_a_404_on_the_municipal_pages(client_for, world):
    editor = world.user("national_editor")
    assert client_for("municipal_admin").get(f"/app/brugere/{editor.pk}/").status_code == 404


# --- Inviting, and the invitee choosing a password ---------------------------------------------------------

def test_invite_mail_set_password_and_log_in(client_for, world):
    admin = client_for("municipal_admin")
    social = world.units["social"]
    response = invite(admin, units=[str(social.pk)])
    assert response.status_code == 302 and response["Location"] == LIST
    user = User.objects.get(email="lise@aarhus.example")
    assert user.municipality == world.aarhus and not user.has_usable_password() and user.is_active
    assert roles_of(user) == {"manager"}
    assert list(user.role_assignments.get().units.all()) == [social]
    entry = AuditEntry.objects.get(action="user.invited", object_id=str(user.pk))
    assert entry.actor == world.user("municipal_admin") and entry.municipality == world.aarhus
    assert entry.data["roles"] == ["manager"] and entry.data["units"] == ["SOC"]

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lise@aarhus.example"]
    assert "Aarhus" in message.subject and "Leder" in message.body and "7 dage" in message.body
    visitor = Client()
    form_page = visitor.get(path_of(link_in(message)), follow=True)
    assert form_page.status_code == 200
    assert "Velkommen til DigiKomp" in text(form_page)
    assert "lise@aarhus.example" in text(form_page)
    done = visitor.post(form_page.redirect_chain[-1][0],
                        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/konto/invitation/faerdig/"
    assert AuditEntry.objects.filter(action="user.invitation_accepted", object_id=str(user.pk),
                                     actor=user).exists()
    logged_in = visitor.post("/konto/login/", {"username": "lise@aarhus.example", "password": NEW_PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == "/app/"
    # As a manager, they see the unit they lead.
    assert visitor.get("/app/organisation/enheder/SOC/").status_code == 200


def test_the_invitation_link_works_once(client_for, world):
    invite(client_for("municipal_admin"), roles=["hr"])
    link = path_of(link_in(mail.outbox[0]))
    visitor = Client()
    form_page = visitor.get(link, follow=True)
    visitor.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(link, follow=True)
    assert "Linket virker ikke" in text(again)
    assert not find(again, "input", name="new_password1")


def test_the_invitation_link_expires(client_for, world, settings):
    invite(client_for("municipal_admin"), roles=["hr"])
    user = User.objects.get(email="lise@aarhus.example")
    made = invitation_tokens._num_seconds(invitation_tokens._now()) - settings.DIGIKOMP_INVITATION_TIMEOUT - 60
    old = invitation_tokens._make_token_with_timestamp(user, made, invitation_tokens.secret)
    uid = path_of(link_in(mail.outbox[0])).split("/")[3]
    page = Client().get(f"/konto/invitation/{uid}/{old}/", follow=True)
    assert "Linket virker ikke" in text(page)
    fresh = Client().get(path_of(link_in(mail.outbox[0])), follow=True)
    assert find(fresh, "input", name="new_password1")


def test_sending_the_invitation_again_voids_the_first_link(client_for, world):
    admin = client_for("municipal_admin")
    invite(admin, roles=["employee"])
    user = User.objects.get(email="lise@aarhus.example")
    first = path_of(link_in(mail.outbox[0]))
    time.sleep(0.01)
    assert admin.post(f"/app/brugere/{user.pk}/send-invitation/").status_code == 302
    assert len(mail.outbox) == 2
    assert "Linket virker ikke" in text(Client().get(first, follow=True))
    assert find(Client().get(path_of(link_in(mail.outbox[1])), follow=True), "input", name="new_password1")
    assert AuditEntry.objects.filter(action="user.invitation_sent", object_id=str(user.pk)).exists()


def test_an_invited_employee_is_linked_to_their_imported_person(client_for, world):
    bo = world.people["bo"]
    response = invite(client_for("municipal_admin"), email="bo@aarhus.example", full_name="Bo Nielsen",
                      roles=["employee"], person="P2")
    assert response.status_code == 302
    assert User.objects.get(email="bo@aarhus.example").person == bo


def test_the_person_picker_finds_people_of_the_municipality_by_name_or_id(client_for, world):
    client = client_for("municipal_admin")
    page = client.post(INVITE, {"action": "find", "full_name": "X", "person_q": "Bo"})
    assert page.status_code == 200
    assert find(page, "input", type="radio", name="person", value="P2")
    assert not User.objects.filter(full_name="X").exists()  # searching saves nothing
    by_id = client.post(INVITE, {"action": "find", "person_q": "P1"})
    assert find(by_id, "input", type="radio", name="person", value="P1")
    assert "Anna Sørensen" in text(by_id) and "Dorte Holm" not in text(by_id)  # København's P1 is not offered
    other = client_for("other_admin").post(INVITE, {"action": "find", "person_q": "Anna"})
    assert not find(other, "input", type="radio", name="person", value="P1")


def test_the_unit_picker_shows_each_unit_with_its_path(client_for, world):
    page = client_for("municipal_admin").post(INVITE, {"action": "find", "unit_q": "Skov"})
    school = world.units["school"]
    assert find(page, "input", type="checkbox", name="units", value=str(school.pk))
    assert "Aarhus Kommune › Børn og Unge › Skovvangskolen" in text(page)


# --- What an admin may not do -----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["national_editor", "provider"])
def test_an_admin_cannot_hand_out_a_national_role(client_for, world, role):
    response = invite(client_for("municipal_admin"), roles=[role])
    assert response.status_code == 200
    assert not User.objects.filter(email="lise@aarhus.example").exists()
    assert "Roller: Du kan kun give disse roller her" in text(response)
    assert find(response, "a", href="#id_roles_0")
    assert len(mail.outbox) == 0


def test_an_admin_cannot_give_a_unit_of_another_municipality(client_for, world):
    library = world.units["kbh_library"]
    response = invite(client_for("municipal_admin"), units=[str(library.pk)])
    assert response.status_code == 200
    page = text(response)
    assert f"Aarhus har ingen aktiv enhed med nummeret {library.pk}" in page
    assert "Hovedbiblioteket" not in page  # the other municipality's unit is not even named
    assert not User.objects.filter(email="lise@aarhus.example").exists()


def test_an_admin_cannot_link_a_person_of_another_municipality(client_for, world):
    response = invite(client_for("other_admin"), email="x@kbh.example", roles=["employee"], person="P2")
    assert "København har ingen person med id P2" in text(response)


@pytest.mark.parametrize("fields,message", [
    ({"full_name": ""}, "Navn: Skriv brugerens navn."),
    ({"email": "ikke-en-adresse"}, "E-mail: Skriv en e-mailadresse"),
    ({"email": "hr@aarhus.example"}, "hr@aarhus.example har allerede en DigiKomp-konto"),
    ({"roles": []}, "Roller: Vælg mindst én rolle."),
    ({"roles": ["manager"], "units": []}, "En leder skal have mindst én enhed"),
    ({"roles": ["hr"], "units": ["1"]}, "Kun ledere har enheder"),
])
def test_bad_input_gets_a_message_naming_the_field(client_for, world, fields, message):
    response = invite(client_for("municipal_admin"), **fields)
    assert response.status_code == 200
    assert message in text(response)
    assert find(response, "div", class_="error-summary")


def test_an_admin_cannot_remove_their_own_admin_role_or_deactivate_themselves(client_for, world):
    admin = world.user("municipal_admin")
    client = client_for("municipal_admin")
    response = client.post(f"/app/brugere/{admin.pk}/", {"action": "save", "full_name": "admin", "roles": ["hr"]})
    assert response.status_code == 200
    assert "Du kan ikke fjerne din egen rolle Kommunal administrator" in text(response)
    assert roles_of(admin) == {"municipal_admin"}
    client.post(f"/app/brugere/{admin.pk}/deaktiver/")
    admin.refresh_from_db()
    assert admin.is_active


def test_the_municipality_keeps_its_last_admin(client_for, world):
    # A second admin can take the role from the first, but not then lose it themselves to someone else.
    admin, hr = world.user("municipal_admin"), world.user("hr")
    client = client_for("municipal_admin")
    client.post(f"/app/brugere/{hr.pk}/", {"action": "save", "full_name": "hr", "roles": ["hr", "municipal_admin"]})
    assert roles_of(hr) == {"hr", "municipal_admin"}
    hr_client = client_for("hr")
    response = hr_client.post(f"/app/brugere/{admin.pk}/", {"action": "save", "full_name": "admin",
                                                             "roles": ["hr"]})
    assert response.status_code == 302 and roles_of(admin) == {"hr"}
    # Now hr is the only admin; nobody else can take it (there is nobody else), and hr cannot themselves.
    response = hr_client.post(f"/app/brugere/{hr.pk}/", {"action": "save", "full_name": "hr", "roles": ["hr"]})
    assert "Du kan ikke fjerne din egen rolle" in text(response)


def test_the_last_admin_cannot_be_deactivated_by_a_national_path_either(world):
    from digikomp.accounts.services import municipal_scope, user_set_active
    from digikomp.lib.errors import ServiceError

    with pytest.raises(ServiceError, match="sidste aktive bruger"):
        user_set_active(scope=municipal_scope(world.aarhus), actor=None, user=world.user("municipal_admin"),
                        active=False)


# --- Changing, deactivating, reactivating -------------------------------------------------------------------

def test_the_admin_changes_roles_and_units_and_it_is_logged(client_for, world):
    manager = world.user("manager")
    school = world.units["school"]
    response = client_for("municipal_admin").post(
        f"/app/brugere/{manager.pk}/",
        {"action": "save", "full_name": "Carla Jensen", "roles": ["manager", "hr"], "units": [str(school.pk)],
         "person": "P3"})
    assert response.status_code == 302
    manager.refresh_from_db()
    assert manager.full_name == "Carla Jensen" and roles_of(manager) == {"manager", "hr"}
    assert list(manager.role_assignments.get(role="manager").units.all()) == [school]
    entry = AuditEntry.objects.get(action="user.updated", object_id=str(manager.pk))
    assert entry.data["roles_added"] == ["hr"]
    assert entry.data["units_added"] == ["SKO"] and entry.data["units_removed"] == ["SOC"]
    assert entry.data["full_name"] == "Carla Jensen"
    history = text(client_for("municipal_admin").get(f"/app/brugere/{manager.pk}/"))
    assert "Ændret" in history and "admin@aarhus.example" in history


def test_deactivation_stops_login_and_reactivation_restores_it(client_for, world):
    hr = world.user("hr")
    admin = client_for("municipal_admin")
    hr_session = client_for("hr")
    assert hr_session.get("/app/").status_code == 200
    assert admin.post(f"/app/brugere/{hr.pk}/deaktiver/").status_code == 302
    hr.refresh_from_db()
    assert not hr.is_active and User.objects.filter(pk=hr.pk).exists()  # never deleted
    assert hr_session.get("/app/").status_code == 302  # the open session no longer counts
    from tests.personas import PASSWORD

    refused = Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": PASSWORD})
    assert refused.status_code == 200
    assert "Deaktiveret" in text(admin.get(LIST))
    admin.post(f"/app/brugere/{hr.pk}/genaktiver/")
    assert Client().post("/konto/login/", {"username": "hr@aarhus.example", "password": PASSWORD}).status_code == 302
    actions = list(AuditEntry.objects.filter(object_id=str(hr.pk), action__startswith="user.")
                   .values_list("action", flat=True))
    assert "user.deactivated" in actions and "user.reactivated" in actions


def test_a_deactivated_invitee_cannot_use_the_link(client_for, world):
    admin = client_for("municipal_admin")
    invite(admin, roles=["hr"])
    user = User.objects.get(email="lise@aarhus.example")
    admin.post(f"/app/brugere/{user.pk}/deaktiver/")
    assert "Linket virker ikke" in text(Client().get(path_of(link_in(mail.outbox[0])), follow=True))


def test_changes_need_csrf(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("municipal_admin"))
    response = client.post(f"/app/brugere/{world.user('hr').pk}/deaktiver/")
    assert response.status_code == 403
    assert User.objects.get(pk=world.user("hr").pk).is_active


# --- National users -------------------------------------------------------------------------------------------

def test_a_national_editor_invites_a_provider_and_sees_only_national_users(client_for, world):
    client = client_for("national_editor")
    page = text(client.get(NATIONAL_LIST))
    assert "redaktoer@kl.example" in page and "udbyder@akademi.example" in page
    assert "aarhus.example" not in page
    response = client.post(NATIONAL_INVITE, {"action": "save", "full_name": "Kursus A/S",
                                             "email": "kursus@udbyder.example", "roles": ["provider"]})
    assert response.status_code == 302
    user = User.objects.get(email="kursus@udbyder.example")
    assert user.municipality is None and roles_of(user) == {Role.PROVIDER}
    assert mail.outbox[0].to == ["kursus@udbyder.example"]
    assert client.get(f"/app/brugere/nationale/{world.user('manager').pk}/").status_code == 404


def test_a_national_editor_cannot_hand_out_a_municipal_role(client_for, world):
    response = client_for("national_editor").post(NATIONAL_INVITE, {
        "action": "save", "full_name": "X", "email": "x@kl.example", "roles": ["municipal_admin"]})
    assert "Du kan kun give disse roller her: National redaktør, Uddannelsesudbyder" in text(response)


def test_the_last_national_editor_stays(client_for, world):
    editor = world.user("national_editor")
    response = client_for("national_editor").post(f"/app/brugere/nationale/{editor.pk}/",
                                                  {"action": "save", "full_name": "r", "roles": ["provider"]})
    assert "Du kan ikke fjerne din egen rolle National redaktør" in text(response)


def test_the_pages_speak_english_too(client_for, world):
    client = client_for("municipal_admin")
    client.cookies["digikomp_language"] = "en"
    page = text(client.get(LIST))
    assert "Users and roles" in page and "Invite a user" in page and "Municipal administrator" in page
    response = invite(client, roles=["national_editor"])
    assert "Roles: You can give only these roles here: Municipal administrator, HR, Manager, Employee." \
        in text(response)
