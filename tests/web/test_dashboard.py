"""The dashboard greets the user and offers the cards their role allows, or says what is coming."""

import pytest

from tests.web.markup import find, text


def test_it_requires_login(client, db):
    response = client.get("/app/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/app/"


def test_it_greets_the_user_and_names_municipality_and_role(client_for):
    page = text(client_for("municipal_admin").get("/app/"))
    assert "Velkommen, admin" in page
    assert "Aarhus" in page and "Kommunal administrator" in page


def test_admin_gets_cards_for_organisation_and_import(client_for):
    response = client_for("municipal_admin").get("/app/")
    cards = [a["href"] for a in find(response, "a", class_="card-link")]
    assert cards == ["/app/organisation/", "/app/profiler/", "/app/mine-kortlaegninger/", "/app/kortlaegning/",
                     "/app/indsigt/", "/app/katalog/", "/app/organisation/import/", "/app/brugere/", "/normen/",
                     "/katalog/"]


@pytest.mark.parametrize("persona", ["hr", "manager"])
def test_hr_and_manager_get_organisation_profiles_and_insights_but_not_import(client_for, persona):
    response = client_for(persona).get("/app/")
    own = ["/app/kortlaegning/"] if persona == "hr" else ["/app/delte-resultater/"]
    cases = ["/app/katalog/"] if persona == "hr" else []
    assert [a["href"] for a in find(response, "a", class_="card-link")] == [
        "/app/organisation/", "/app/profiler/", "/app/mine-kortlaegninger/", *own, "/app/indsigt/", *cases,
        "/normen/", "/katalog/"]


@pytest.mark.parametrize(
    "persona,promise",
    [
        ("employee", "Din egen udviklingsplan"),
        ("provider", "Vedligeholdelse af jeres læringstilbud"),
    ],
)
def test_employees_and_providers_hear_what_is_coming(client_for, persona, promise):
    response = client_for(persona).get("/app/")
    assert response.status_code == 200
    own = ["/app/mine-kortlaegninger/"] if persona == "employee" else []
    assert [a["href"] for a in find(response, "a", class_="card-link")] == [*own, "/normen/", "/katalog/"]
    page = text(response)
    assert "Kommer snart" in page and promise in page


def test_national_editors_get_a_card_for_editing_the_norm(client_for):
    response = client_for("national_editor").get("/app/")
    assert any(a["href"] == "/app/redaktion/" for a in find(response, "a", class_="card-link"))


def test_national_editors_get_a_card_for_the_national_users(client_for):
    cards = [a["href"] for a in find(client_for("national_editor").get("/app/"), "a", class_="card-link")]
    assert "/app/brugere/nationale/" in cards and "/app/brugere/" not in cards


def test_every_user_finds_change_password_on_the_dashboard(client_for):
    assert find(client_for("employee").get("/app/"), "a", href="/konto/adgangskode/skift/")


def test_national_editors_get_cards_for_moderating_the_catalogue_and_for_the_website(client_for):
    cards = [a["href"] for a in find(client_for("national_editor").get("/app/"), "a", class_="card-link")]
    assert "/app/katalog/redaktion/" in cards and "/cms/" in cards


def test_user_without_any_role_is_told_whom_to_ask(client_for, world):
    world.user("employee").role_assignments.all().delete()
    page = text(client_for("employee").get("/app/"))
    assert "Din konto har endnu ingen rolle" in page
