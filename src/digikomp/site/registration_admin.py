"""Event sign-ups in the Wagtail admin (/cms/tilmeldinger/): editors see who has a place and who waits, per event,
and export the list as CSV or Excel. Read-only apart from deleting a sign-up (on the person's request), which
moves the first on the waiting list up, as the person's own cancel link does. Needs site.view_eventregistration
(the editors' group has it: site migration 0004)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from digikomp.site.models import EventRegistration


class RegistrationDeleteView(generic.DeleteView):
    def delete_action(self):
        from digikomp.site.registrations import cancel

        cancel(self.object)


class EventRegistrationViewSet(ModelViewSet):
    model = EventRegistration
    name = "tilmeldinger"  # /cms/tilmeldinger/
    icon = "calendar"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Event sign-ups")
    menu_order = 260
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["event", "status"]
    list_export = ["event", "name", "email", "organisation", "status", "created_at", "moved_up_at"]
    export_filename = "tilmeldinger"
    search_fields = ["name", "email", "organisation"]
    inspect_view_enabled = True
    inspect_view_fields = ["event", "name", "email", "organisation", "status", "created_at", "moved_up_at"]
    copy_view_enabled = False
    form_fields = ["name", "email", "organisation"]
    delete_view_class = RegistrationDeleteView
