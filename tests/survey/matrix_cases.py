"""Permission-matrix rows for the personal survey link (/svar/). The token is the only key: no login, no role.
A URL with a guessed token is 404 for everyone, logged in or not (the flow with a real token, including 410
for a closed survey, is tested in tests/survey/)."""

GUESSED = "abcdef.0123456789"
PERSONAS = ("anonymous", "national_editor", "municipal_admin", "hr", "manager", "employee", "provider",
            "other_admin")
EVERYONE_404 = {persona: 404 for persona in PERSONAS}

CASES = [
    {"name": "survey:start", "kwargs": {"token": GUESSED}, "method": "get", "expected": EVERYONE_404,
     "needs": []},
    {"name": "survey:step", "kwargs": {"token": GUESSED, "number": 1}, "method": "get",
     "expected": EVERYONE_404, "needs": []},
    {"name": "survey:step", "kwargs": {"token": GUESSED, "number": 1}, "method": "post",
     "data": {"action": "continue"}, "expected": EVERYONE_404, "needs": []},
    {"name": "survey:review", "kwargs": {"token": GUESSED}, "method": "get", "expected": EVERYONE_404,
     "needs": []},
    {"name": "survey:review", "kwargs": {"token": GUESSED}, "method": "post",
     "data": {"idempotency_key": "0" * 32}, "expected": EVERYONE_404, "needs": []},
    {"name": "survey:result", "kwargs": {"token": GUESSED}, "method": "get", "expected": EVERYONE_404,
     "needs": []},
    {"name": "survey:consent", "kwargs": {"token": GUESSED}, "method": "post",
     "data": {"share_with_manager": "on"}, "expected": EVERYONE_404, "needs": []},
    {"name": "survey:result_pdf", "kwargs": {"token": GUESSED, "language": "da"}, "method": "get",
     "expected": EVERYONE_404, "needs": []},
]
