"""Danish stems and stop words for SQLite search (lib/danish.py), and the rich-text sanitiser (lib/html.py)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from digikomp.lib.danish import STOP_WORDS, stemmed, stems
from digikomp.lib.html import clean_html, html_to_text


def test_inflected_forms_share_a_stem():
    assert stems("kompetencer") == stems("kompetence") == stems("Kompetencen")
    assert stems("borgere") == stems("borger") == stems("borgerne")
    assert stems("ældre") == stems("Ældre")


def test_stop_words_are_dropped_and_numbers_kept():
    assert stems("og for i på 2024") == ["2024"]
    assert {"og", "i", "jeg", "være", "også", "når"} <= STOP_WORDS


def test_stemmed_text_is_the_stems_joined():
    assert stemmed("Digitale kompetencer for ældre borgere") == "digital kompetenc ældr borg"


@given(st.text())
def test_stems_never_fail_and_are_words(text):
    for stem in stems(text):
        assert stem and not any(c.isspace() for c in stem) and '"' not in stem


def test_clean_html_keeps_structure_and_drops_everything_active():
    html = clean_html('<h2>Titel</h2><p style="color:red" onclick="x()">Tekst <a href="https://kl.dk" '
                      'target="_blank">link</a><script>bad()</script></p><ul><li>en</li></ul>')
    assert html == ('<h2>Titel</h2><p>Tekst <a href="https://kl.dk" rel="noopener noreferrer nofollow">link</a>'
                    '</p><ul><li>en</li></ul>')


def test_plain_text_becomes_paragraphs_and_is_escaped():
    assert clean_html("En linje\nto\n\nAndet <afsnit> & mere") == (
        "<p>En linje<br>to</p><p>Andet &lt;afsnit&gt; &amp; mere</p>")


def test_html_to_text_gives_the_visible_text():
    assert html_to_text("<h2>Titel</h2><p>Et <b>fedt</b> &amp; godt afsnit</p>") == "Titel\nEt fedt & godt afsnit"


@given(st.text(), st.booleans())
def test_nothing_cleaned_contains_a_script(text, as_html):
    cleaned = clean_html(("<p>" if as_html else "") + text + "<script>x</script><img src=x onerror=y>")
    # As text it is escaped, as HTML it is removed: either way no tag that can run anything is left.
    tags = re.findall(r"<[^>]*>", cleaned.lower())
    assert not any(t.startswith(("<script", "<img")) or "onerror" in t for t in tags)
