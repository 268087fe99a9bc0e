"""The two shapes every error of API v1 has, decided here once for every view (settings.REST_FRAMEWORK's
EXCEPTION_HANDLER) and for the paths no view answers:

- `{"errors": {"<field path>": "<message>"}}` (FieldErrorsSerializer) for a refused request (400): invalid
  query parameters and bodies, and a body that is not JSON at all (named "body");
- `{"detail": "<message>"}` (ErrorSerializer) for everything else: 401, 403, 404, 405, 406, 415, 429, 500.

The schema documents the same two shapes (schema.py adds the responses every operation shares).
"""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import server_error as page_server_error
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from digikomp.lib.errors import ServiceError

API_PREFIX = "/api/"


def flat_errors(detail, prefix: str = "") -> dict[str, str]:
    """DRF's nested validation errors as {"field.path": "first message"}, the shape SurveyError has. List
    positions count from 1, as the service's own messages do ("custom_questions.2")."""
    if isinstance(detail, dict):
        found: dict[str, str] = {}
        for key, value in detail.items():
            if key == api_settings.NON_FIELD_ERRORS_KEY:  # an error of the whole object: named by its path
                found.update(flat_errors(value, prefix))
                continue
            name = str(key + 1) if isinstance(key, int) else str(key)
            found.update(flat_errors(value, f"{prefix}.{name}" if prefix else name))
        return found
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return {prefix or "body": str(detail[0])} if detail else {}
        found = {}
        for position, item in enumerate(detail, start=1):
            if item:
                found.update(flat_errors(item, f"{prefix}.{position}" if prefix else str(position)))
        return found
    return {prefix or "body": str(detail)}


def refused(errors: dict[str, str] | ServiceError) -> Response:
    """400 `{"errors": {"<field path>": "<message>"}}`: a service's refusal, or errors the view found itself."""
    if isinstance(errors, ServiceError):
        errors = errors.first_by_field()
    return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)


def exception_handler(exc, context):
    request = context.get("request")
    if request is not None and not request.path_info.startswith(API_PREFIX):
        return drf_exception_handler(exc, context)  # DRF views of other apps (Wagtail's admin API) keep theirs
    if isinstance(exc, ServiceError):  # a service's refusal that the view did not answer itself
        return refused(exc)
    if isinstance(exc, Http404):
        # Django's message ("No Profile matches the given query.") names a model, in English; the API's 404
        # names nothing, so that "not yours" and "does not exist" read the same.
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API exception: a 500, answered by server_error below
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"errors": flat_errors(exc.detail)}
    elif isinstance(exc, exceptions.ParseError):
        response.data = {"errors": {"body": str(exc.detail)}}
    elif not (isinstance(response.data, dict) and set(response.data) == {"detail"}
              and isinstance(response.data["detail"], str)):
        response.data = {"detail": "; ".join(flat_errors(exc.detail).values())}
    return response


def not_found(request, *args, **kwargs):
    """Any path under /api/ that no endpoint serves: the API's 404, not the site's HTML page."""
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=status.HTTP_404_NOT_FOUND)


def server_error(request, *args, **kwargs):
    """handler500: under /api/ the API's error shape, elsewhere the site's own page (500.html, no details)."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": _("An error occurred on our side. It has been logged so that it can "
                                         "be fixed.")}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    return page_server_error(request, *args, **kwargs)
