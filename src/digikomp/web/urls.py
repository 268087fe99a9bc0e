"""URLs of the web front: the public front page at /, the application under /app/."""

from django.urls import path

from digikomp.web import org_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("app/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("app/organisation/", org_views.org_units, name="org_units"),
    path("app/organisation/enheder/<str:external_id>/", org_views.org_unit, name="org_unit"),
]
