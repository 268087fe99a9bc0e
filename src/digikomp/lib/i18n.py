"""Bilingual content fields: editors write `<name>_da` and `<name>_en`; readers get the active language's text,
falling back to Danish (the language every published text must have)."""

from __future__ import annotations

from django.utils.translation import get_language

CONTENT_LANGUAGES = ("da", "en")


def localized(obj, name: str, language: str | None = None) -> str:
    language = (language or get_language() or "da")[:2]
    if language not in CONTENT_LANGUAGES:
        language = "da"
    value = getattr(obj, f"{name}_{language}", "")
    return value or getattr(obj, f"{name}_da", "")


def from_dict(prefix: str, value: dict | None) -> dict:
    """{"da": "x", "en": "y"} -> {"<prefix>_da": "x", "<prefix>_en": "y"} (missing languages become "")."""
    value = value or {}
    return {f"{prefix}_{language}": value.get(language, "") or "" for language in CONTENT_LANGUAGES}


def to_dict(obj, prefix: str) -> dict:
    return {language: getattr(obj, f"{prefix}_{language}", "") for language in CONTENT_LANGUAGES}
