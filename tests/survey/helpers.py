"""Reading and filling the questionnaire pages the way a browser would: find the radios, pick one in each
group."""

from __future__ import annotations

import re

from tests.web.markup import find, text

__all__ = ["text", "radio_groups", "answer_page", "hidden", "step_url", "survey_url"]


def survey_url(token: str, tail: str = "") -> str:
    return f"/svar/{token}/{tail}"


def step_url(token: str, number: int) -> str:
    return survey_url(token, f"trin/{number}/")


def radio_groups(response) -> dict[str, list[str]]:
    """{field name: [values in page order]} of every radio group on the page."""
    groups: dict[str, list[str]] = {}
    for attrs in find(response, "input", type="radio"):
        groups.setdefault(attrs["name"], []).append(attrs["value"])
    return groups


def answer_page(response, choose=lambda name, values: values[1]) -> dict[str, str]:
    """Form data answering every radio group on the page with `choose(name, values)`."""
    data = {name: choose(name, values) for name, values in radio_groups(response).items()}
    for attrs in find(response, "textarea"):
        data[attrs["name"]] = "Mere tid til oplæring"
    data["action"] = "continue"
    return data


def hidden(response, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', response.content.decode())
    assert match, f"no hidden {name} on the page"
    return match.group(1)
