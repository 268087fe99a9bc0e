"""User (logs in with e-mail), RoleAssignment (what the user may do, and for managers over which units) and
PasswordResetRequest (what the throttle of "Forgot your password?" counts)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digikomp.tenancy.guard import TenantManager
from digikomp.tenancy.models import Municipality, OrgUnit, Person
from digikomp.tenancy.roles import MUNICIPAL_ROLES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("municipality"),
        help_text=_("Empty for national editors and providers."),
    )
    person = models.OneToOneField(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="user", verbose_name=_("person")
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # When the last invitation e-mail was asked for (accounts/users); empty for users made another way.
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        if self.person_id and self.person.municipality_id != self.municipality_id:
            raise ValidationError({"person": _("The person belongs to another municipality.")})


class RoleAssignment(models.Model):
    objects = TenantManager("user__municipality")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    units = models.ManyToManyField(
        OrgUnit, blank=True, related_name="+", verbose_name=_("units"),
        help_text=_("For managers: the units they lead; everything below them is included."),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"

    def clean(self) -> None:
        if self.role in MUNICIPAL_ROLES and not self.user.municipality_id:
            raise ValidationError({"role": _("This role needs a municipality.")})

    # A role may bring a Django group with it (national editors: the Wagtail editors' group); see groups.py.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from digikomp.accounts.groups import sync_role_groups

        sync_role_groups(self.user)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        from digikomp.accounts.groups import sync_role_groups

        sync_role_groups(self.user)
        return result


class PasswordResetRequest(models.Model):
    """One request for a password-reset e-mail: the throttle (accounts/passwords.py) counts these per address
    and per account. The typed e-mail address is not kept: for an unknown address, nothing names it."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
