"""lib/json_input: JSON from outside is parsed with its nesting bounded, so a deep document is a ValueError
(TooDeep) and never a RecursionError."""

import json

import pytest

from digikomp.lib import json_input


def nested(levels: int, open_: str = "[", close: str = "]") -> str:
    return open_ * levels + close * levels


@pytest.mark.parametrize("text, expected", [
    ("1", 0), ('"x"', 0), ("[]", 1), ("{}", 1), ('{"a": [1, {"b": []}]}', 4), (nested(10), 10),
    ('[[1], [[2]], 3]', 3),
])
def test_depth_counts_the_containers_on_the_deepest_path(text, expected):
    assert json_input.depth(json.loads(text)) == expected


def test_the_bound_itself_is_allowed_and_one_more_is_refused():
    assert json_input.depth(json_input.loads(nested(json_input.MAX_DEPTH))) == json_input.MAX_DEPTH
    with pytest.raises(json_input.TooDeep):
        json_input.loads(nested(json_input.MAX_DEPTH + 1))


@pytest.mark.parametrize("text", [nested(3000), '{"a":' * 3000 + "1" + "}" * 3000, nested(100_000)])
def test_a_document_deeper_than_python_can_parse_is_too_deep_not_a_recursion_error(text):
    with pytest.raises(json_input.TooDeep) as refused:
        json_input.loads(text)
    assert isinstance(refused.value, ValueError)
    assert "64" in str(refused.value)


def test_malformed_json_is_still_the_json_modules_error():
    with pytest.raises(json.JSONDecodeError):
        json_input.loads("{")


def test_keyword_arguments_reach_json_loads():
    with pytest.raises(ValueError):
        json_input.loads("[NaN]", parse_constant=lambda constant: (_ for _ in ()).throw(ValueError(constant)))
