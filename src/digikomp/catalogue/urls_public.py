"""The public catalogue at /katalog/."""

from django.urls import path

from digikomp.catalogue.feeds import CaseFeed
from digikomp.catalogue.views import public

app_name = "catalogue"

urlpatterns = [
    path("", public.index, name="index"),
    path("feed/", CaseFeed(), name="feed"),
    path("<slug:slug>/", public.case_detail, name="case"),
    path("<slug:slug>/billeder/<int:pk>/", public.image, name="image"),
    path("<slug:slug>/bilag/<int:pk>/", public.attachment, name="attachment"),
]
