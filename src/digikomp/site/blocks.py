"""The blocks editors build page bodies from. No embeds and no raw HTML: every block renders markup that passes
the site's strict content security policy, and every image carries alt text (or is marked decorative)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Rich-text features editors may use: structure and links, nothing that brings scripts, styles or frames.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.CharBlock(required=False, label=_("Or an address"), help_text=_("E.g. /normen/ or https://…"))
    label = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "link"
        template = "site/blocks/link.html"


class CardBlock(blocks.StructBlock):
    kicker = blocks.CharBlock(required=False, label=_("Small text above the heading"))
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    link = LinkBlock(required=False, label=_("Link"))


class CardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    numbered = blocks.BooleanBlock(required=False, label=_("Numbered list"))
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"))

    class Meta:
        icon = "table"
        template = "site/blocks/cards.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        template = "site/blocks/call_to_action.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), icon="title", template="site/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Image"), template="site/blocks/image.html")
    cards = CardsBlock(label=_("Cards"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
