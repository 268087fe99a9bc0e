"""Page types of the public site and the newsletter (subscribers, issues, deliveries); a module per part."""

from digikomp.site.models.base import SitePage
from digikomp.site.models.events import EventIndexPage, EventPage
from digikomp.site.models.news import NewsIndexPage, NewsPage
from digikomp.site.models.newsletter import NewsletterDelivery, NewsletterIssue, Subscriber
from digikomp.site.models.pages import HomePage, ProviderForumPage, StandardPage
from digikomp.site.models.publications import PublicationIndexPage, PublicationPage
from digikomp.site.models.registrations import EventRegistration

__all__ = ["EventIndexPage", "EventPage", "EventRegistration", "HomePage", "NewsIndexPage", "NewsPage", "NewsletterDelivery",
           "NewsletterIssue", "ProviderForumPage", "PublicationIndexPage", "PublicationPage", "SitePage",
           "StandardPage", "Subscriber"]
