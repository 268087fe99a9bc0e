from django.urls import path

from digikomp.orgimport import views

app_name = "orgimport"

urlpatterns = [
    path("", views.upload, name="upload"),
]
