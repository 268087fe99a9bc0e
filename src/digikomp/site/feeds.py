"""The Atom feed of the news (/feeds/nyheder/): a fixed address, whatever editors call the news section."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from digikomp.site.models import NewsIndexPage, NewsPage

ITEMS = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("DigiKomp – news")
    subtitle = _("News about digital competence in Danish municipalities.")

    def link(self):
        index = NewsIndexPage.objects.live().public().first()
        return index.url if index else "/"

    def items(self):
        return NewsPage.objects.live().public().order_by("-date", "-pk")[:ITEMS]

    def item_title(self, item: NewsPage) -> str:
        return item.heading

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.url

    def item_pubdate(self, item: NewsPage):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item: NewsPage):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item: NewsPage) -> str:
        return settings.DIGIKOMP_NATIONAL_ORGANISATION
