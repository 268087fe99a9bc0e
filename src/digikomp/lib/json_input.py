"""Reading JSON that someone else wrote (request bodies, uploaded packages) without letting its shape crash us.

Python's json module recurses once per level of nesting, so a body of 3,000 nested brackets raises
RecursionError, which nothing above expects (a 500). No document DigiKomp reads nests more than a handful of
levels, so anything deeper than MAX_DEPTH is refused with TooDeep, a ValueError like any other bad JSON.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

MAX_DEPTH = 64


class TooDeep(ValueError):
    def __init__(self, max_depth: int = MAX_DEPTH):
        self.max_depth = max_depth
        super().__init__(_("The JSON is nested more than %(n)d levels deep.") % {"n": max_depth})


def depth(value: Any) -> int:
    """The nesting depth of parsed JSON: 0 for a scalar, 1 for a flat list or object, and so on."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH, **kwargs) -> Any:
    """json.loads (same keyword arguments) that raises TooDeep for nesting deeper than `max_depth`."""
    try:
        value = json.loads(text, **kwargs)
    except RecursionError:
        raise TooDeep(max_depth) from None
    if depth(value) > max_depth:
        raise TooDeep(max_depth)
    return value
