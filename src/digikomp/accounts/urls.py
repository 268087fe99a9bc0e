"""Login and logout. Failed logins are throttled by django-axes (settings: AXES_*), which renders
accounts/locked_out.html once an account is locked."""

from django.contrib.auth import views as auth_views
from django.urls import path

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
]
