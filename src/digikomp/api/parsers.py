"""The JSON parser of API v1: DRF's, with the nesting of a body bounded (lib/json_input) and its message in
the language of the request. A refused body is a ParseError, which errors.py answers as
`{"errors": {"body": ...}}`."""

from __future__ import annotations

import json

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils.json import strict_constant

from digikomp.lib import json_input


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            return json_input.loads(stream.read().decode(encoding),
                                    parse_constant=strict_constant if self.strict else None)
        except json_input.TooDeep as error:
            raise ParseError(str(error)) from None
        except json.JSONDecodeError as error:
            raise ParseError(_("The body is not valid JSON (line %(line)s, column %(column)s: %(reason)s).")
                             % {"line": error.lineno, "column": error.colno, "reason": error.msg}) from None
        except ValueError as error:  # not in the declared encoding, or NaN/Infinity
            raise ParseError(_("The body is not valid JSON (%(reason)s).") % {"reason": error}) from None
