"""Django admin for municipalities, org units, people and unit managers: an operator's tool, superusers only.

Municipal staff work in the application, where every read goes through tenancy.selectors; the admin bypasses
tenancy by nature, so not even staff users may open it, only superusers.
"""

from django.contrib import admin

from digikomp.tenancy.guard import across_municipalities
from digikomp.tenancy.models import Municipality, OrgUnit, Person, UnitManager

ADMIN = "the Django admin: an operator's tool for superusers, across municipalities"


class SuperuserOnly:
    """Mixin for ModelAdmin and inlines: every permission requires an active superuser."""

    def _is_superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._is_superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._is_superuser(request)

    def has_add_permission(self, request, *args):
        return self._is_superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._is_superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_superuser(request)

    # The admin reads every municipality's rows by design, also through Django's own widgets and templates
    # (tenancy/guard.py): each of its pages is built and rendered across municipalities.
    def _across_municipalities(self, view, *args, **kwargs):
        with across_municipalities(ADMIN):
            response = view(*args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    def changelist_view(self, *args, **kwargs):
        return self._across_municipalities(super().changelist_view, *args, **kwargs)

    def changeform_view(self, *args, **kwargs):
        return self._across_municipalities(super().changeform_view, *args, **kwargs)

    def delete_view(self, *args, **kwargs):
        return self._across_municipalities(super().delete_view, *args, **kwargs)

    def history_view(self, *args, **kwargs):
        return self._across_municipalities(super().history_view, *args, **kwargs)


@admin.register(Municipality)
class MunicipalityAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["code", "name", "region", "anonymity_k"]
    list_filter = ["region"]
    search_fields = ["code", "name"]
    ordering = ["code"]


@admin.register(OrgUnit)
class OrgUnitAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "external_id", "municipality", "unit_type", "parent", "depth", "active"]
    list_filter = ["active", "municipality__region", "unit_type"]
    search_fields = ["name", "external_id", "municipality__name", "municipality__code"]
    list_select_related = ["municipality", "parent"]
    # A select of every unit and municipality would be thousands of options; raw ids keep the form usable.
    raw_id_fields = ["municipality", "parent"]
    readonly_fields = ["path", "depth", "updated_at"]


@admin.register(Person)
class PersonAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "external_id", "municipality", "job_title", "primary_unit", "active"]
    list_filter = ["active", "municipality__region"]
    search_fields = ["name", "external_id", "email", "job_code", "job_title", "municipality__name"]
    list_select_related = ["municipality", "primary_unit"]
    raw_id_fields = ["municipality", "primary_unit"]
    readonly_fields = ["updated_at"]


@admin.register(UnitManager)
class UnitManagerAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["person", "unit", "title", "active"]
    list_filter = ["active"]
    search_fields = ["person__name", "person__external_id", "unit__name", "unit__external_id"]
    list_select_related = ["person", "unit"]
    raw_id_fields = ["person", "unit"]
