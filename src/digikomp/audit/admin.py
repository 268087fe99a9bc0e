from django.contrib import admin

from digikomp.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "municipality", "action", "object_type", "object_id"]
    list_filter = ["action", "municipality"]
    search_fields = ["actor_label", "action", "object_id"]

    # The log is append-only, also for superusers.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
