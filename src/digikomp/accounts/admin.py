"""Django admin for users and their roles: superusers only (see tenancy/admin.py for why).

Users log in with their e-mail address, so Django's UserAdmin gets forms and fieldsets without a username.
Roles are edited inline on the user; API tokens are issued with `digikomp api-token`, not here.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from digikomp.accounts.models import RoleAssignment, User
from digikomp.tenancy.admin import SuperuserOnly


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        # The municipality belongs on the first page: the municipal roles added inline are checked against it.
        fields = ["email", "full_name", "municipality"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class RoleAssignmentInline(SuperuserOnly, admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["units"]


@admin.register(User)
class UserAdmin(SuperuserOnly, DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    inlines = [RoleAssignmentInline]
    list_display = ["email", "full_name", "municipality", "is_active", "is_superuser", "last_login"]
    list_filter = ["is_active", "is_superuser", "role_assignments__role", "municipality__region"]
    search_fields = ["email", "full_name", "municipality__name", "municipality__code"]
    list_select_related = ["municipality"]
    ordering = ["email"]
    raw_id_fields = ["municipality", "person"]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "municipality", "person"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "municipality"]}),
        (_("Password"), {"classes": ["wide"], "fields": ["usable_password", "password1", "password2"]}),
    ]
