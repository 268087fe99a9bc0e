"""The site's additions to the Wagtail admin (/cms/): the newsletter's issues and the event sign-ups."""

from wagtail import hooks

from digikomp.site.newsletter.admin import NewsletterIssueViewSet
from digikomp.site.registration_admin import EventRegistrationViewSet


@hooks.register("register_admin_viewset")
def register_newsletter_issues():
    return NewsletterIssueViewSet()


@hooks.register("register_admin_viewset")
def register_event_registrations():
    return EventRegistrationViewSet()

