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
    # Confirming, for a link the municipality handed out, that its holder is the person (tests/survey/test_privacy.py
    # plays it with a real link).
    {"name": "survey:verify", "kwargs": {"token": GUESSED}, "method": "get", "expected": EVERYONE_404,
     "needs": []},
    {"name": "survey:verify", "kwargs": {"token": GUESSED}, "method": "post", "data": {"code": "123456"},
     "expected": EVERYONE_404, "needs": []},
    {"name": "survey:send_code", "kwargs": {"token": GUESSED}, "method": "post", "expected": EVERYONE_404,
     "needs": []},
    # In-app pages around the survey (assessments/mine.py).
    {"name": "mine:surveys", "kwargs": {}, "method": "get", "needs": [],
     "expected": {"anonymous": 302, "national_editor": 403, "municipal_admin": 200, "hr": 200, "manager": 200,
                  "employee": 200, "provider": 403, "other_admin": 200}},
    {"name": "mine:shared_results", "kwargs": {}, "method": "get", "needs": [],
     "expected": {"anonymous": 302, "national_editor": 403, "municipal_admin": 403, "hr": 403, "manager": 200,
                  "employee": 403, "provider": 403, "other_admin": 403}},
    {"name": "mine:shared_result", "kwargs": {"pk": 999999}, "method": "get", "needs": [],
     "expected": {"anonymous": 302, "national_editor": 403, "municipal_admin": 403, "hr": 403, "manager": 404,
                  "employee": 403, "provider": 403, "other_admin": 403}},
]
