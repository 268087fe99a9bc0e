"""URLs of the web front: the front page at / (a Wagtail page, served by Wagtail; named here so the rest of
DigiKomp links to it as web:home), the application's overview under /app/."""

from django.urls import path
from wagtail import views as wagtail_views

from digikomp.web import org_views, views

app_name = "web"

urlpatterns = [
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("app/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("app/organisation/", org_views.org_units, name="org_units"),
    path("app/organisation/enheder/<str:external_id>/", org_views.org_unit, name="org_unit"),
]
