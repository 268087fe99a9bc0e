"""Login and logout, passwords (forgotten, changed) and accepting an invitation (passwords.py). Failed logins are
throttled by django-axes (settings: AXES_*), which renders accounts/locked_out.html once an account is locked."""

from django.contrib.auth import views as auth_views
from django.urls import path

from digikomp.accounts import passwords
from digikomp.accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    # Django's LogoutView accepts POST only, so a link or an image elsewhere cannot log anyone out.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("adgangskode/glemt/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("adgangskode/glemt/sendt/", passwords.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("adgangskode/ny/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("adgangskode/ny/faerdig/", passwords.PasswordSetCompleteView.as_view(), name="password_reset_complete"),
    path("adgangskode/skift/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("invitation/<uidb64>/<token>/", passwords.InvitationView.as_view(), name="invitation"),
    path("invitation/faerdig/", passwords.PasswordSetCompleteView.as_view(), name="invitation_complete"),
]
