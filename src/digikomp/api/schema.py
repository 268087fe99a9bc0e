"""drf-spectacular hooks: what the OpenAPI schema of API v1 covers, and the error responses every operation
shares (the shapes api/errors.py gives them)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def only_api_v1(endpoints, **kwargs):
    """Keep the operations under /api/v1/. Other DRF views mounted elsewhere in the project (Wagtail's admin API
    under /cms/) are internal to their apps and not part of the documented, versioned API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def _json(component: str) -> dict:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}}


def error_responses(result, **kwargs):
    """Document what errors.py answers for every operation alike: a 400 is always the field errors (an operation
    may describe its own 400 without a body shape), and an operation that takes a body also answers 400 when
    the body is not JSON and 415 when it is sent as something the API does not read."""
    for operations in result["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            if "requestBody" in operation:
                responses.setdefault("400", {"description": _(
                    "The body is not valid JSON (named “body”), or a field is refused.")})
                responses.setdefault("415", {"description": _(
                    "The body is sent as a media type the API does not read; send application/json.")})
                responses["415"].setdefault("content", _json("Error"))
            if "400" in responses:
                responses["400"].setdefault("content", _json("FieldErrors"))
    return result
