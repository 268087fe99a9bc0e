"""CompressedJSONField: JSON kept zlib-compressed in a binary column, for the import's big records.

An import's parsed organisation is 7 MB of JSON at 45,000 people (16 MB at twice that). Stored as JSON text, the
one request that saves it held the whole text several times over (Python's string, the driver's copy, the
database's), which was most of the memory an upload took. Here the JSON is written in pieces straight into
the compressor, so no whole text exists when it is saved, and the column holds a fifth of the bytes. In Python
the value is the same dict or list a JSONField gives, so lookups such as `snapshot={}` work as before (the
compressed bytes of the same value are the same).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator

from django.db import models

# Text handed to the compressor at a time.
PIECE_CHARS = 256 * 1024
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _pieces(value) -> Iterator[str]:
    """The JSON of `value` in pieces: a dict of lists (as the import's records are) row by row, since the fast
    one-shot encoder cannot stream and the streaming one is slow; anything else whole."""
    if not isinstance(value, dict):
        yield _dumps(value)
        return
    yield "{"
    for index, (key, item) in enumerate(value.items()):
        yield ("," if index else "") + _dumps(str(key)) + ":"
        if isinstance(item, list):
            yield "["
            for position, element in enumerate(item):
                yield ("," if position else "") + _dumps(element)
            yield "]"
        else:
            yield _dumps(item)
    yield "}"


def compress(value) -> bytes:
    compressor = zlib.compressobj(6)
    out: list[bytes] = []
    batch: list[str] = []
    size = 0
    for piece in _pieces(value):
        batch.append(piece)
        size += len(piece)
        if size >= PIECE_CHARS:
            out.append(compressor.compress("".join(batch).encode()))
            batch, size = [], 0
    out.append(compressor.compress("".join(batch).encode()))
    out.append(compressor.flush())
    return b"".join(out)


def decompress(data: bytes | memoryview):
    return json.loads(zlib.decompress(data))


class CompressedJSONField(models.BinaryField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        return name, "digikomp.orgimport.fields.CompressedJSONField", args, kwargs

    def from_db_value(self, value, expression, connection):
        return None if value is None else decompress(value)

    def to_python(self, value):
        if isinstance(value, (bytes, bytearray, memoryview)):
            return decompress(value)
        return json.loads(value) if isinstance(value, str) else value  # value_to_string's form

    def get_prep_value(self, value):
        return None if value is None else compress(value)

    def value_to_string(self, obj) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)
