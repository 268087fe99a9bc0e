"""Rich text that municipalities write is cleaned when stored and again when shown: a <script> in a body never
reaches a page."""

import pytest

from digikomp.catalogue.models import Case
from tests.catalogue.helpers import make_case

pytestmark = pytest.mark.django_db

EVIL = ('<p onclick="steal()">Hej <script>alert("x")</script><a href="javascript:alert(1)">link</a>'
        '<img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe><strong>fed</strong></p>')


def test_a_script_in_the_body_never_reaches_the_page(client):
    case = make_case(body=EVIL, slug="farlig")
    stored = Case.objects.get(pk=case.pk).body
    assert "<script" not in stored and "onclick" not in stored and "javascript:" not in stored
    assert "<strong>fed</strong>" in stored
    html = client.get("/katalog/farlig/").content.decode()
    for bad in ("<script>alert", "onclick=", "onerror=", "javascript:", "<iframe", "evil.example"):
        assert bad not in html, bad


def test_a_row_written_around_the_model_is_cleaned_on_the_way_out(client):
    case = make_case(slug="omvej")
    Case.objects.filter(pk=case.pk).update(body=EVIL, results='<p><script>alert("y")</script>OK</p>')
    html = client.get("/katalog/omvej/").content.decode()
    assert "alert(" not in html and "onclick=" not in html


def test_text_fields_are_escaped(client):
    make_case(title='<script>alert("t")</script>', summary="<b>fed?</b>", slug="titel")
    html = client.get("/katalog/titel/").content.decode()
    assert '<script>alert("t")' not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;fed?&lt;/b&gt;" in html
