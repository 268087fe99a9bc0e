"""The site's additions to the Wagtail admin (/cms/): the newsletter's issues."""

from wagtail import hooks

from digikomp.site.newsletter.admin import NewsletterIssueViewSet


@hooks.register("register_admin_viewset")
def register_newsletter_issues():
    return NewsletterIssueViewSet()
