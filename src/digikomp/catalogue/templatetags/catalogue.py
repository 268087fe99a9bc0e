"""`safe_html`: rich text of a case, cleaned again on the way out (lib/html.py), then marked safe."""

from django import template
from django.utils.safestring import mark_safe

from digikomp.lib.html import clean_html

register = template.Library()


@register.filter
def safe_html(value: str) -> str:
    return mark_safe(clean_html(value))  # noqa: S308 - clean_html is the sanitiser
