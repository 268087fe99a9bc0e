"""Permission-matrix rows for the public site, for tests/test_permission_matrix.py.

The site is public: every page, the news feed and the newsletter answer everyone alike. A newsletter link with
a token that does not verify answers 400 with a page that says what to do. Wagtail's document and password URLs
answer 404 for ids that do not exist (test_pages.py covers a real document). The Wagtail admin (/cms/) is
outside the matrix; test_cms.py checks its gate.
"""

from tests.personas import PERSONAS


def everyone(status: int) -> dict:
    return {persona: status for persona in PERSONAS}


def _row(name, kwargs=None, status=200, method="get", data=None):
    return {"name": name, "kwargs": kwargs or {}, "method": method, "expected": everyone(status), "data": data}


CASES = [
    _row("wagtail_serve", {"path": ""}),
    _row("wagtail_serve", {"path": "nyheder/"}),
    _row("wagtail_serve", {"path": "publikationer/"}),
    _row("wagtail_serve", {"path": "arrangementer/"}),
    _row("wagtail_serve", {"path": "uddannelsesudbydere/"}),
    _row("wagtail_serve", {"path": "om-digikomp/"}),
    _row("wagtail_serve", {"path": "findes-ikke/"}, 404),
    _row("site:news_feed"),
    _row("site:favicon"),
    # Event sign-up, the calendar file and the cancel link; the test's data has no event with this id.
    _row("site:event_signup", {"event_id": 999}, 404),
    _row("site:event_signup", {"event_id": 999}, 404, method="post", data={}),
    _row("site:event_ics", {"event_id": 999}, 404),
    _row("site:event_cancel", {"token": "ikke-et-token"}, 400),
    _row("site:event_cancel", {"token": "ikke-et-token"}, 400, method="post"),
    _row("site:newsletter"),
    # A sign-up without an address is refused with the form's error.
    _row("site:newsletter", method="post", data={}, status=400),
    _row("site:newsletter_confirm", {"token": "ikke-et-token"}, 400),
    _row("site:newsletter_unsubscribe", {"token": "ikke-et-token"}, 400),
    _row("site:newsletter_unsubscribe", {"token": "ikke-et-token"}, 400, method="post"),
    _row("wagtaildocs_serve", {"document_id": 999, "document_filename": "findes-ikke.pdf"}, 404),
    _row("wagtaildocs_authenticate_with_password", {"restriction_id": 999}, 404),
    _row("wagtailcore_authenticate_with_password", {"page_view_restriction_id": 999, "page_id": 999}, 404),
]
