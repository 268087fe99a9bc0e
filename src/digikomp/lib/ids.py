"""The range of a database id, and the form field that keeps numbers outside it away from the database.

Every primary key is a 64-bit signed integer (DEFAULT_AUTO_FIELD is BigAutoField: bigint on PostgreSQL, INTEGER
on SQLite), so an id is a number from 1 to MAX_ID. A larger number names nothing, and handed to the database it
fails instead of matching nothing: SQLite's driver raises OverflowError (a 500) and PostgreSQL compares it as
numeric, which defeats the index. Django's own integer lookups (`pk=...`, so every `<int:pk>` in a URL) already
return nothing for such values; `__in` lookups and foreign keys do not, so ids from a request are checked here,
at the edge: the API's serializers through api.fields.IdField, the forms through ModelMultipleIdField.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

MAX_ID = 2**63 - 1


def is_id(value: object) -> bool:
    """Whether `value` is an int that can be a database id (1..MAX_ID); bool is not."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


class ModelMultipleIdField(forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField that refuses a number outside the id range as it refuses any unknown choice,
    before Django looks the values up with `pk__in` (where SQLite would raise OverflowError)."""

    def _check_values(self, value):
        if (self.to_field_name or "pk") == "pk":
            for pk in value:
                text = str(pk).strip()
                if text.lstrip("+-").isdigit() and not is_id(int(text)):
                    raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                          params={"value": text})
        return super()._check_values(value)
