"""URLs of the site beside Wagtail's pages: the news feed and the newsletter. Wagtail's own page serving is
wired in the project's urls.py, last, as it catches every remaining path."""

from django.urls import path

from digikomp.site import registration_views as events
from digikomp.site import views
from digikomp.site.feeds import NewsFeed
from digikomp.site.newsletter import views as newsletter

app_name = "site"

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("feeds/nyheder/", NewsFeed(), name="news_feed"),
    path("tilmelding/<int:event_id>/", events.signup, name="event_signup"),
    path("tilmelding/<int:event_id>/kalender.ics", events.calendar, name="event_ics"),
    path("tilmelding/afmeld/<str:token>/", events.cancel, name="event_cancel"),
    path("nyhedsbrev/", newsletter.subscribe, name="newsletter"),
    path("nyhedsbrev/bekraeft/<str:token>/", newsletter.confirm, name="newsletter_confirm"),
    path("nyhedsbrev/afmeld/<str:token>/", newsletter.unsubscribe, name="newsletter_unsubscribe"),
]
