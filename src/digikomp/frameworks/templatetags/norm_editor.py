"""`{% load norm_editor %}`: `{{ obj|tr:"description" }}` gives a bilingual content field in the active
language, falling back to Danish (lib/i18n.localized), for templates that cannot call obj.tr("...")."""

from django import template

from digikomp.lib.i18n import localized

register = template.Library()


@register.filter
def tr(obj, name: str) -> str:
    return localized(obj, name) if obj is not None else ""
