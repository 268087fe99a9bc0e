from django.urls import path

from digikomp.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("app/", views.dashboard, name="dashboard"),
    path("app/organisation/", views.org_units, name="org_units"),
    path("app/organisation/enheder/<str:external_id>/", views.org_unit, name="org_unit"),
]
