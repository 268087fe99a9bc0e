"""lib/ids: an id is 1..2**63-1, and numbers outside that range are refused at the edge (forms, the API's
serializers) instead of reaching the database, where SQLite raised OverflowError (a 500)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from digikomp.lib.ids import MAX_ID, ModelMultipleIdField, is_id
from digikomp.tenancy.models import Municipality

TOO_BIG = MAX_ID + 1


@pytest.mark.parametrize("value, expected", [
    (1, True), (MAX_ID, True), (0, False), (-1, False), (TOO_BIG, False), (10**40, False), (True, False),
    ("5", False), (5.0, False),
])
def test_is_id_takes_the_range_of_a_64_bit_signed_column(value, expected):
    assert is_id(value) is expected


@pytest.mark.parametrize("value", [str(TOO_BIG), str(-TOO_BIG - 1), "1" + "0" * 40, "0"])
def test_the_form_field_refuses_a_number_no_row_can_have_as_an_invalid_choice(db, value):
    field = ModelMultipleIdField(Municipality.objects.all())
    aarhus = Municipality.objects.get(code="751")
    with pytest.raises(Exception) as refused:
        field.clean([str(aarhus.pk), value])
    assert refused.value.code == "invalid_choice" and value in str(refused.value.messages)
    assert list(field.clean([str(aarhus.pk)])) == [aarhus]


def test_the_case_form_answers_an_out_of_range_id_with_its_field_error(client_for):
    response = client_for("hr").post("/app/katalog/ny/", {
        "title": "Digital hjælp", "summary": "Kort.", "body": "Tekst.", "municipalities": [str(TOO_BIG)],
        "target_groups": [str(TOO_BIG)], "effort_types": ["1" + "0" * 30],
        **{f"{prefix}-{key}": "0" for prefix in ("figures", "images", "attachments")
           for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")},
        **{f"{prefix}-MAX_NUM_FORMS": "1000" for prefix in ("figures", "images", "attachments")},
    })
    assert response.status_code == 400  # the form again, with its errors
    summary = re.findall(r'<li><a href="#[^"]*">([^<]*)</a></li>', response.content.decode())
    # Municipalities, target groups and types of effort: each refused by name, with the value it got.
    assert [line.split(":")[0] for line in summary] == ["Kommuner", "Målgrupper", "Typer af indsats"]
    numbers = [re.findall(r"\d{19,}", line) for line in summary]
    assert numbers == [[str(TOO_BIG)], [str(TOO_BIG)], [str(10**30)]]


def _int_routes(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _int_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and "<int:" in route:
            yield route


def test_an_out_of_range_id_in_any_path_is_a_404_never_a_500(world, client_for, shipped_norm):
    """Django's integer lookups (pk=...) return nothing for a number the column cannot hold; every view that
    takes an <int:...> from its path must keep to such lookups before anything else touches the number."""
    routes = sorted(set(_int_routes(get_resolver())))
    assert len(routes) > 20
    for persona in ("anonymous", "national_editor", "municipal_admin"):
        client = client_for(persona) if persona != "anonymous" else Client()
        client.raise_request_exception = False
        for route in routes:
            path = "/" + re.sub(r"<int:\w+>", str(TOO_BIG), route)
            path = re.sub(r"<(?:str|slug|path):\w+>", "751", path).lstrip("^").rstrip("$")
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                assert response.status_code < 500, (persona, method, path, response.status_code)
