"""The one error a service raises when it refuses a change: `ServiceError(errors)`, where `errors` maps a field
name (or a dotted field path, "answers.12", "custom_questions.2") to its messages in the user's language, and
`ServiceError.WHOLE` ("__all__", Django's NON_FIELD_ERRORS) holds what concerns the request as a whole.

Pages turn it into form errors (`add_to_form`) and the one error summary (`templates/_error_summary.html`,
context `error_summary`: a list of {"href", "text"}); the API turns it into its 400 shape
`{"errors": {"<field path>": "<message>"}}` (api/errors.py). Nothing guesses attribute names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, BadRequest, ValidationError
from django.utils.functional import Promise


class ServiceError(Exception):
    WHOLE = NON_FIELD_ERRORS

    def __init__(self, errors: Mapping[str | None, str | Iterable[str]] | Iterable[str] | str):
        if isinstance(errors, str):
            errors = {self.WHOLE: [errors]}
        elif not isinstance(errors, Mapping):
            errors = {self.WHOLE: list(errors)}
        self.errors: dict[str, list[str]] = {}
        for name, messages in errors.items():
            key = self.WHOLE if name is None else str(name)
            found = [messages] if isinstance(messages, str) else [str(message) for message in messages]
            if found:
                self.errors.setdefault(key, []).extend(found)
        super().__init__("; ".join(self.messages))

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> ServiceError:
        """A model's full_clean() refusal, field by field, as this service's error."""
        if hasattr(error, "error_dict"):
            return cls({name: [str(message) for message in messages]
                        for name, messages in error.message_dict.items()})
        return cls([str(message) for message in error.messages])

    @property
    def messages(self) -> list[str]:
        """Every message, the request's own first: for a flash message or a log line."""
        ordered = sorted(self.errors.items(), key=lambda item: item[0] != self.WHOLE)
        return [message for _name, messages in ordered for message in messages]

    def first_by_field(self) -> dict[str, str]:
        """{"field.path": "first message"}: the API's 400 body (`{"errors": ...}`); the request as a whole is
        named "body", as the API names a body it cannot read."""
        return {("body" if name == self.WHOLE else name): messages[0] for name, messages in self.errors.items()}


class RefusedRequest(BadRequest):
    """A page's answer to a service's refusal it cannot put on a form (a bad query parameter): Django answers
    400, and the 400 page (web.views.bad_request) lists the messages."""

    def __init__(self, refused: ServiceError):
        super().__init__(str(refused))
        self.refused = refused


def add_to_form(form, error: ServiceError) -> None:
    """Put a service's refusal on the form it came from: a message for a field the form has goes to that field,
    everything else to the form as a whole (so the error summary lists it and nothing is lost)."""
    for name, messages in error.errors.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


def error_summary(*sources) -> list[dict[str, str]]:
    """The items of the one error summary (`templates/_error_summary.html`, context `error_summary`): each
    {"href": "#<input id>" or "", "text": message}. Sources, in page order: bound forms and formsets (a field's
    error links to its input; a form may name a field in the summary with `summary_label(bound_field)` and
    point at another element with `summary_anchor(bound_field)`), ServiceErrors, and plain messages."""
    items: list[dict[str, str]] = []
    for source in sources:
        if source is None:
            continue
        if isinstance(source, ServiceError):
            items.extend({"href": "", "text": message} for message in source.messages)
        elif isinstance(source, str | Promise):
            items.append({"href": "", "text": str(source)})
        elif hasattr(source, "forms") and hasattr(source, "non_form_errors"):  # a formset
            if source.is_bound:
                items.extend({"href": "", "text": str(error)} for error in source.non_form_errors())
                items.extend(error_summary(*source.forms))
        elif getattr(source, "is_bound", False) and source.errors:
            items.extend(_form_items(source))
    return items


def _form_items(form) -> list[dict[str, str]]:
    items = [{"href": "", "text": str(error)} for error in form.non_field_errors()]
    for name in form.errors:
        if name not in form.fields:
            continue
        bound = form[name]
        label = form.summary_label(bound) if hasattr(form, "summary_label") else bound.label
        if hasattr(form, "summary_anchor"):
            anchor = form.summary_anchor(bound)
        elif isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            anchor = f"{bound.auto_id}_0"  # a group of choices: its first input
        else:
            anchor = bound.auto_id
        items.extend({"href": f"#{anchor}", "text": f"{label}: {error}"} for error in bound.errors)
    return items
