"""The e-mail of a newsletter issue: plain text with an HTML alternative, Danish first and English below, with the
one-click unsubscribe headers of RFC 8058 and a visible unsubscribe link.

The editor's introduction is Wagtail rich text: its page and document links are expanded, the HTML is cleaned
by the same allow-list as every rich text of ours (lib/html.py), and links to the site are made absolute, since a
mail client has no address to resolve "/nyheder/..." against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from digikomp.lib.html import clean_html, html_to_text
from digikomp.site.models import NewsletterIssue
from digikomp.site.newsletter.issues import IssueContent, absolute, issue_content
from digikomp.site.newsletter.services import unsubscribe_headers, unsubscribe_url

_SITE_LINK = re.compile(r'href="/(?!/)')
_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)


@dataclass(frozen=True)
class Intro:
    html: str
    text: str


def intro(value: str) -> Intro:
    html = _SITE_LINK.sub(f'href="{absolute("/")}', clean_html(expand_db_html(value or "")))
    # In the plain-text part a link keeps its address: "the report (https://...)".
    text = html_to_text(_LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", html))
    return Intro(html, text)


@dataclass(frozen=True)
class RenderedIssue:
    """What every recipient's copy shares; rendered once per run of the task, not once per address."""

    issue: NewsletterIssue
    intro_da: Intro
    intro_en: Intro
    content: IssueContent


def prepare(issue: NewsletterIssue) -> RenderedIssue:
    return RenderedIssue(issue, intro(issue.intro_da), intro(issue.intro_en), issue_content(issue))


def issue_message(rendered: RenderedIssue, email: str, connection=None) -> EmailMultiAlternatives:
    context = {"issue": rendered.issue, "intro_da": rendered.intro_da, "intro_en": rendered.intro_en,
               "content": rendered.content, "unsubscribe_url": unsubscribe_url(email),
               "site_url": absolute("/"), "signup_url": absolute(reverse("site:newsletter"))}
    with translation.override("da"):  # Danish first; the templates switch to English for the part below
        text = render_to_string("site/newsletter/email/issue.txt", context)
        html = render_to_string("site/newsletter/email/issue.html", context)
    message = EmailMultiAlternatives(rendered.issue.subject, text, settings.DEFAULT_FROM_EMAIL, [email],
                                     headers=unsubscribe_headers(email), connection=connection)
    message.attach_alternative(html, "text/html")
    return message
