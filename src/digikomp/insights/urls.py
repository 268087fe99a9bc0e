"""The insight pages (/app/indsigt/): a municipality's campaigns, per unit the heatmap and its companions and
downloads, and the national picture. A unit is named by its external id, as on the organisation pages."""

from django.urls import path

from digikomp.insights.views import exports, national, pages

app_name = "insights"

UNIT = "<int:pk>/enheder/<str:unit>/"

urlpatterns = [
    path("", pages.index, name="index"),
    path("national/", national.national, name="national"),
    path("<int:pk>/", pages.campaign, name="campaign"),
    path(UNIT, pages.heatmap, name="heatmap"),
    path(UNIT + "daekning/", pages.coverage, name="coverage"),
    path(UNIT + "viden/", pages.knowledge, name="knowledge"),
    path(UNIT + "udvikling/", pages.waves, name="waves"),
    path(UNIT + "heatmap.xlsx", exports.xlsx, name="xlsx"),
    path(UNIT + "rapport.pdf", exports.report, name="report"),
]
