"""Template filters shared by DigiKomp's templates: `{% load digikomp %}`."""

from __future__ import annotations

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> int:
    """Whole minutes in a duration, rounded up so "try again in N minutes" is never too early."""
    if not value:
        return 0
    return -(-int(value.total_seconds()) // 60)
