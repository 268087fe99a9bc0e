"""Real responses of API v1 against its own OpenAPI schema: successes and errors alike.

Each request below is answered by the real views over a populated world; its status must be one the schema
documents for the operation, and its JSON body must validate against the documented schema, formats included
(date-time as RFC 3339, email, uri, uuid). Paths no operation serves and methods an operation does not have
must answer in the documented error shape. A field the data breaks (an empty string for `format: email`, a year
361 date) or an error in another shape (`{"detail"}` for a malformed body) fails here.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.utils import timezone

from digikomp.assessments.models import Campaign, Invitation
from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create
from digikomp.assessments.tokens import token_for
from digikomp.profiles.models import Profile
from tests.campaigns.helpers import answer_all, populate

DEEP = "[" * 3000 + "]" * 3000
TOO_BIG = 2**63  # one more than the largest id a 64-bit signed column holds

RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")
FORMATS = jsonschema.FormatChecker(["email", "uuid", "date"])


@FORMATS.checks("date-time", raises=ValueError)
def _rfc3339(value) -> bool:
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        raise ValueError(f"{value!r} is not an RFC 3339 date-time")
    datetime.fromisoformat(value)
    return True


@FORMATS.checks("uri")
def _uri(value) -> bool:
    return not isinstance(value, str) or bool(urlsplit(value).scheme and urlsplit(value).netloc)


def _json_schema(node):
    """OpenAPI 3.0's schema objects as JSON Schema: `nullable: true` becomes "or null"."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture
def openapi(api_for):
    response = api_for("anonymous").get("/api/v1/schema", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def check(openapi, response, template: str | None, method: str):
    """The response's status is documented for the operation (or, with template None, it is an error of no
    operation), and its body validates against what the schema says."""
    assert response["Content-Type"].startswith("application/json"), (response.status_code, response.content[:200])
    if template is None:
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        operation = openapi["paths"][template][method]
        documented = operation["responses"]
        assert str(response.status_code) in documented, (
            f"{method.upper()} {template} answered {response.status_code}, documented: {sorted(documented)}: "
            f"{response.content[:300]!r}")
        schema = documented[str(response.status_code)]["content"]["application/json"]["schema"]
    validator = jsonschema.Draft202012Validator(
        {"components": _json_schema(openapi["components"]), **_json_schema(schema)}, format_checker=FORMATS)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(response.json())]
    assert not errors, f"{method.upper()} {template or response.request['PATH_INFO']}: " + "; ".join(errors[:5])


@pytest.fixture
def campaign(shipped_norm, world, settings):
    """An open campaign over the populated Aarhus that everyone but Carla has answered."""
    settings.DIGIKOMP_ANONYMITY_K = 3  # the small world's groups: some shown, some suppressed
    populate(world)
    now = timezone.now()
    campaign = campaign_create(municipality=world.aarhus, spec=CampaignSpec(
        name="Kortlægning 2026", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=14)))
    invitations_create(campaign=campaign)
    answer_all(campaign)
    return campaign


@pytest.fixture
def token(campaign, world):
    return token_for(Invitation.objects.get(campaign=campaign, person=world.people["carla"]).public_id)


def new_campaign(**overrides) -> dict:
    now = timezone.now()
    body = {"name": "Kortlægning 2027", "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=14)).isoformat()}
    return {**body, **overrides}


AARHUS = "/api/v1/municipalities/751"


def test_reads_of_the_organisation_and_the_norm_match_the_schema(openapi, api_for, campaign, world):
    hr, anonymous = api_for("hr"), api_for("anonymous")
    profile = Profile.objects.filter(owner__isnull=True).order_by("pk").first()
    reads = [
        (anonymous, "/api/v1/municipalities", "/api/v1/municipalities"),
        (hr, f"{AARHUS}/units", "/api/v1/municipalities/{code}/units"),
        # Carla and the librarians have no e-mail address.
        (hr, f"{AARHUS}/people", "/api/v1/municipalities/{code}/people"),
        (anonymous, "/api/v1/frameworks", "/api/v1/frameworks"),
        (anonymous, "/api/v1/frameworks/digcomp-2-2", "/api/v1/frameworks/{slug}"),
        (anonymous, "/api/v1/profiles", "/api/v1/profiles"),
        (anonymous, f"/api/v1/profiles/{profile.pk}?municipality=751", "/api/v1/profiles/{id}"),
        (anonymous, "/api/v1/cases", "/api/v1/cases"),
    ]
    for client, path, template in reads:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:300])
        check(openapi, response, template, "get")
    assert any(person["email"] is None for person in hr.get(f"{AARHUS}/people").json()["results"])


def test_campaigns_and_the_heatmap_match_the_schema(openapi, api_for, campaign):
    hr = api_for("hr")
    created = hr.post(f"{AARHUS}/campaigns", new_campaign(), format="json")
    assert created.status_code == 201
    check(openapi, created, "/api/v1/municipalities/{code}/campaigns", "post")
    for response, template, method in [
        (hr.get(f"{AARHUS}/campaigns"), "/api/v1/municipalities/{code}/campaigns", "get"),
        (hr.get(f"{AARHUS}/campaigns/{campaign.pk}"), "/api/v1/municipalities/{code}/campaigns/{id}", "get"),
        (hr.post(f"{AARHUS}/campaigns/{campaign.pk}/invitations"),
         "/api/v1/municipalities/{code}/campaigns/{id}/invitations", "post"),
        (hr.get(f"{AARHUS}/campaigns/{campaign.pk}/heatmap"),
         "/api/v1/municipalities/{code}/campaigns/{id}/heatmap", "get"),
    ]:
        assert response.status_code in (200, 201), response.content[:300]
        check(openapi, response, template, method)


def test_the_respondents_side_matches_the_schema(openapi, api_for, campaign, token):
    anonymous = api_for("anonymous")
    survey = f"/api/v1/survey/{token}"
    questionnaire = anonymous.get(survey)
    check(openapi, questionnaire, "/api/v1/survey/{token}", "get")
    answers = {"answers": {c["identifier"]: 2 for c in questionnaire.json()["competences"]}}
    check(openapi, anonymous.put(f"{survey}/draft", answers, format="json"), "/api/v1/survey/{token}/draft", "put")
    submitted = anonymous.post(f"{survey}/submit", answers, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    assert submitted.status_code == 201
    check(openapi, submitted, "/api/v1/survey/{token}/submit", "post")
    again = anonymous.post(f"{survey}/submit", answers, format="json", HTTP_IDEMPOTENCY_KEY="k2")
    assert again.status_code == 409
    check(openapi, again, "/api/v1/survey/{token}/submit", "post")
    check(openapi, anonymous.get(f"{survey}/result"), "/api/v1/survey/{token}/result", "get")
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(days=1))
    closed = anonymous.get(survey)
    assert closed.status_code == 410
    check(openapi, closed, "/api/v1/survey/{token}", "get")


# (persona, method, path, body or None, content type, expected status, template)
ERRORS = [
    ("anonymous", "get", f"{AARHUS}/people", None, None, 401, "/api/v1/municipalities/{code}/people"),
    ("other_admin", "get", f"{AARHUS}/people", None, None, 404, "/api/v1/municipalities/{code}/people"),
    ("hr", "get", f"{AARHUS}/people?active=maybe", None, None, 400, "/api/v1/municipalities/{code}/people"),
    ("hr", "get", f"{AARHUS}/units?parent=NOPE", None, None, 400, "/api/v1/municipalities/{code}/units"),
    ("anonymous", "get", "/api/v1/profiles?owner=kommune", None, None, 400, "/api/v1/profiles"),
    ("anonymous", "get", "/api/v1/profiles/999999", None, None, 404, "/api/v1/profiles/{id}"),
    ("anonymous", "get", "/api/v1/frameworks/no-such-framework", None, None, 404, "/api/v1/frameworks/{slug}"),
    ("hr", "get", f"{AARHUS}/campaigns/{{campaign}}/heatmap?profile={TOO_BIG}", None, None, 400,
     "/api/v1/municipalities/{code}/campaigns/{id}/heatmap"),
    ("hr", "get", f"{AARHUS}/campaigns/999999", None, None, 404, "/api/v1/municipalities/{code}/campaigns/{id}"),
    ("hr", "post", f"{AARHUS}/campaigns", "{", "application/json", 400, "/api/v1/municipalities/{code}/campaigns"),
    ("hr", "post", f"{AARHUS}/campaigns", DEEP, "application/json", 400,
     "/api/v1/municipalities/{code}/campaigns"),
    ("hr", "post", f"{AARHUS}/campaigns", "name=x", "text/plain", 415, "/api/v1/municipalities/{code}/campaigns"),
    ("hr", "post", f"{AARHUS}/campaigns", new_campaign(profiles=[TOO_BIG]), "json", 400,
     "/api/v1/municipalities/{code}/campaigns"),
    ("hr", "post", f"{AARHUS}/campaigns", new_campaign(closes_at="3804-01-01T00:00:00Z"), "json", 400,
     "/api/v1/municipalities/{code}/campaigns"),
    ("anonymous", "get", "/api/v1/survey/a.%C3%A9", None, None, 404, "/api/v1/survey/{token}"),
    ("anonymous", "post", "/api/v1/survey/{token}/submit", DEEP, "application/json", 400,
     "/api/v1/survey/{token}/submit"),
    ("anonymous", "put", "/api/v1/survey/{token}/draft", {"answers": []}, "json", 400,
     "/api/v1/survey/{token}/draft"),
    ("anonymous", "get", "/api/v1/survey/{token}/result", None, None, 404, "/api/v1/survey/{token}/result"),
    # No operation: the error shape of the components.
    ("hr", "delete", f"{AARHUS}/campaigns", None, None, 405, None),
    ("anonymous", "get", "/api/v1/no-such-thing", None, None, 404, None),
    ("anonymous", "get", "/api/v1/no-such-thing/", None, None, 404, None),
    ("anonymous", "get", "/api/v1/profiles/not-a-number", None, None, 404, None),
    ("anonymous", "get", "/api/v2/municipalities", None, None, 404, None),
    ("anonymous", "get", "/api/", None, None, 404, None),
]


@pytest.mark.parametrize("persona, method, path, body, content_type, status, template", ERRORS,
                         ids=[f"{e[5]}-{e[1]}-{e[2][:60]}" for e in ERRORS])
def test_error_responses_match_the_schema(openapi, api_for, campaign, token, persona, method, path, body,
                                          content_type, status, template):
    client = api_for(persona)
    path = path.replace("{campaign}", str(campaign.pk)).replace("{token}", token)
    if body is None:
        response = getattr(client, method)(path)
    elif content_type == "json":
        response = getattr(client, method)(path, body, format="json")
    else:
        response = getattr(client, method)(path, body, content_type=content_type)
    assert response.status_code == status, response.content[:300]
    check(openapi, response, template, method)
