"""The Atom feed of newly published cases (/katalog/feed/)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from digikomp.catalogue.models import Case
from digikomp.catalogue.selectors import latest_published_cases

ITEMS = 30


class CaseFeed(Feed):
    feed_type = Atom1Feed
    title = _("DigiKomp – new cases in the inspiration catalogue")
    subtitle = _("Municipalities' good practice in digital competence and citizens' digital readiness.")

    def link(self):
        return reverse("catalogue:index")

    def items(self):
        return latest_published_cases(ITEMS)

    def item_title(self, item: Case) -> str:
        return item.title

    def item_description(self, item: Case) -> str:
        return item.summary

    def item_link(self, item: Case) -> str:
        return reverse("catalogue:case", args=[item.slug])

    def item_pubdate(self, item: Case):
        return item.published_at

    def item_updateddate(self, item: Case):
        return item.updated_at

    def item_author_name(self, item: Case) -> str:
        return ", ".join(m.name for m in item.municipality_list)

    def item_categories(self, item: Case):
        return [g.name for g in item.group_list]
