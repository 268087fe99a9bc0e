"""Every URL of the orgimport namespace has a row in matrix_cases.py or in the lead's table
(tests/test_permission_matrix.py, which runs the rows for every persona), and the login page is where an
anonymous visitor is sent."""

from __future__ import annotations

from django.urls import get_resolver, reverse

from tests.orgimport import matrix_cases


def test_anonymous_visitors_are_sent_to_the_login_page(world, client_for):
    matrix_cases.aarhus_import(world)
    response = client_for("anonymous").get(reverse("orgimport:preview", kwargs=matrix_cases.IMPORT))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_every_orgimport_url_has_a_row():
    covered = {row["name"] for row in matrix_cases.CASES} | {"orgimport:upload"}  # the lead's table has GET
    resolver = get_resolver()
    names = {f"orgimport:{name}" for name in resolver.namespace_dict["orgimport"][1].reverse_dict
             if isinstance(name, str)}
    assert names and names <= covered, names - covered
