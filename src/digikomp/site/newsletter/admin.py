"""Newsletter issues in the Wagtail admin (/cms/nyhedsbrev/): editors write an issue, check it, and send it.

Wagtail's generic model views, with three changes: an issue that has been sent is read-only (no edit, no delete:
the views send the editor to its summary instead); "Send" is an action of its own with a confirmation page that
says whom it goes to and what it reports; and sending takes the permission site.send_newsletterissue, which the
editors' group "Redaktører" has (site migration 0003).
"""

from __future__ import annotations

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from digikomp.site.models import NewsletterIssue, Subscriber
from digikomp.site.newsletter.issues import issue_content, issue_send, updates_window
from digikomp.site.newsletter.mail import intro


class _SendLink:
    """The address of the send view for an issue that has not been sent, if the user may send."""

    send_url_name = None

    def get_send_url(self, issue: NewsletterIssue) -> str | None:
        if self.send_url_name and not issue.is_sent and self.user_has_permission("send"):
            return reverse(self.send_url_name, args=(quote(issue.pk),))
        return None


class _ReadOnlyOnceSent:
    """Edit and delete views: a sent issue is the record of what went out, so they show its summary instead."""

    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        issue = get_object_or_404(NewsletterIssue, pk=unquote(str(kwargs["pk"])))
        if issue.is_sent:
            messages.warning(request, _("“%(subject)s” has been sent and can no longer be changed.")
                             % {"subject": issue.subject})
            return redirect(self.inspect_url_name, quote(issue.pk))
        return super().dispatch(request, *args, **kwargs)


class IssueIndexView(_SendLink, generic.IndexView):
    def get_edit_url(self, instance):
        return None if instance.is_sent else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if instance.is_sent else super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if send_url := self.get_send_url(instance):
            buttons.append(MenuItem(_("Send"), url=send_url, icon_name="mail", priority=5))
        return buttons


class IssueEditView(_SendLink, _ReadOnlyOnceSent, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if send_url := self.get_send_url(self.object):
            buttons.append(Button(_("Send"), url=send_url, icon_name="mail", priority=5))
        return buttons


class IssueDeleteView(_ReadOnlyOnceSent, generic.DeleteView):
    pass


class IssueInspectView(_SendLink, generic.InspectView):
    # The generic view would show the stored rich text as markup, a boolean as "True" and times in UTC.
    def get_intro_da_display_value(self):
        return mark_safe(intro(self.object.intro_da).html)  # noqa: S308 - cleaned by lib.html.clean_html

    def get_intro_en_display_value(self):
        return mark_safe(intro(self.object.intro_en).html)  # noqa: S308 - cleaned by lib.html.clean_html

    def get_include_updates_display_value(self):
        return _("Yes") if self.object.include_updates else _("No")

    def _time(self, value):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "-"

    def get_send_requested_at_display_value(self):
        return self._time(self.object.send_requested_at)

    def get_delivered_at_display_value(self):
        return self._time(self.object.delivered_at)

    def get_edit_url(self):
        return None if self.object.is_sent else super().get_edit_url()

    def get_delete_url(self):
        return None if self.object.is_sent else super().get_delete_url()

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if send_url := self.get_send_url(self.object):
            buttons.append(Button(_("Send"), url=send_url, icon_name="mail", priority=5))
        return buttons


class IssueSendView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: what will happen (to how many, with which news); POST: send. A sent issue is never sent again."""

    permission_required = "send"
    model = NewsletterIssue
    index_url_name = None
    inspect_url_name = None
    header_icon = "mail"
    page_title = gettext_lazy("Send newsletter")
    template_name = "site/newsletter/admin/send.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(NewsletterIssue, pk=unquote(str(kwargs["pk"])))

    def get_page_subtitle(self):
        return self.object.subject

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items,
                {"url": reverse(self.index_url_name), "label": capfirst(NewsletterIssue._meta.verbose_name_plural)},
                {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]

    def _already_sent(self):
        messages.warning(self.request, _("“%(subject)s” has been sent already; it is not sent again.")
                         % {"subject": self.object.subject})
        return redirect(self.inspect_url_name, quote(self.object.pk))

    def get(self, request, *args, **kwargs):
        if self.object.is_sent:
            return self._already_sent()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not issue_send(issue=self.object, actor=request.user):
            return self._already_sent()
        messages.success(request, _("“%(subject)s” is being sent to the subscribers.")
                         % {"subject": self.object.subject})
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        after, _until = updates_window(self.object)
        # What the issue would report and whom it would reach if sent now; pressing the button fixes both.
        context.update(issue=self.object, content=issue_content(self.object), updates_after=after,
                       subscriber_count=Subscriber.objects.filter(confirmed_at__isnull=False).count(),
                       cancel_url=reverse(self.index_url_name))
        return context


class NewsletterIssueViewSet(ModelViewSet):
    model = NewsletterIssue
    name = "nyhedsbrev"  # /cms/nyhedsbrev/
    icon = "mail"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Newsletter")
    menu_order = 250
    list_display = ["subject", "status", "send_requested_at", "recipient_count"]
    inspect_view_enabled = True
    inspect_view_fields = ["subject", "intro_da", "intro_en", "include_updates", "status", "send_requested_at",
                           "send_requested_by", "delivered_at", "recipient_count"]
    panels = [FieldPanel("subject"), FieldPanel("intro_da"), FieldPanel("intro_en"), FieldPanel("include_updates")]
    index_view_class = IssueIndexView
    edit_view_class = IssueEditView
    delete_view_class = IssueDeleteView
    inspect_view_class = IssueInspectView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(send_url_name=self.get_url_name("send"), **kwargs)

    @property
    def send_view(self):
        return self.construct_view(IssueSendView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send/<int:pk>/", self.send_view, name="send")]
