"""{% accessibility_statement as statement %}: (label, url) of the live accessibility statement, or None
(site/menu.py keeps it)."""

from django import template

from digikomp.site import menu

register = template.Library()
register.simple_tag(menu.accessibility_statement, name="accessibility_statement")
