"""Page types of the public site and the newsletter subscriber, one module per sub-domain."""

from digikomp.site.models.base import SitePage
from digikomp.site.models.events import EventIndexPage, EventPage
from digikomp.site.models.news import NewsIndexPage, NewsPage
from digikomp.site.models.newsletter import Subscriber
from digikomp.site.models.pages import HomePage, ProviderForumPage, StandardPage
from digikomp.site.models.publications import PublicationIndexPage, PublicationPage

__all__ = ["EventIndexPage", "EventPage", "HomePage", "NewsIndexPage", "NewsPage", "ProviderForumPage",
           "PublicationIndexPage", "PublicationPage", "SitePage", "StandardPage", "Subscriber"]
