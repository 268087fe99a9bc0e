"""URLs of API v1, mounted at /api/v1/.

Paths are written without a trailing slash (`/api/v1/municipalities`). Clients differ in what they send and
some drop the Authorization header when following a redirect, so the same path with a trailing slash is served
by the same view rather than redirected; it is left out of the OpenAPI schema so every operation is documented
once, under its canonical path. The schema is served at both /api/v1/schema and /api/v1/schema/ the same way.
"""

from django.urls import URLPattern, path
from drf_spectacular.views import SpectacularAPIView

from digikomp.api import catalogue, norm, respondent, surveys, views

app_name = "api"


def route(route: str, view, name: str) -> list[URLPattern]:
    """`route`, canonical and in the schema, and `route/`: the same view, left out of the schema, named
    `<name>-slash`."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}/", view.as_view(schema=None), name=f"{name}-slash"),
    ]


urlpatterns = [
    *route("schema", SpectacularAPIView, "schema"),
    *route("municipalities", views.MunicipalityList, "municipalities"),
    *route("municipalities/<str:code>/units", views.UnitList, "units"),
    *route("municipalities/<str:code>/people", views.PersonList, "people"),
    # The norm: public, published content only.
    *route("frameworks", norm.FrameworkList, "frameworks"),
    *route("frameworks/<slug:slug>", norm.FrameworkDetail, "framework"),
    *route("frameworks/<slug:slug>/versions/<str:version>/case", norm.FrameworkCase, "framework_case"),
    *route("profiles", norm.ProfileList, "profiles"),
    *route("profiles/<int:pk>", norm.ProfileDetail, "profile"),
    # Campaigns and their heatmap: the municipality's own, by permission.
    *route("municipalities/<str:code>/campaigns", surveys.CampaignList, "campaigns"),
    *route("municipalities/<str:code>/campaigns/<int:pk>", surveys.CampaignDetail, "campaign"),
    *route("municipalities/<str:code>/campaigns/<int:pk>/invitations", surveys.CampaignInvitations,
           "campaign_invitations"),
    *route("municipalities/<str:code>/campaigns/<int:pk>/links", surveys.CampaignLinks, "campaign_links"),
    *route("municipalities/<str:code>/campaigns/<int:pk>/close", surveys.CampaignClose, "campaign_close"),
    *route("municipalities/<str:code>/campaigns/<int:pk>/reminders", surveys.CampaignReminders,
           "campaign_reminders"),
    *route("municipalities/<str:code>/campaigns/<int:pk>/heatmap", surveys.CampaignHeatmap, "campaign_heatmap"),
    # The respondent's side: the token of the personal link is the key (assessments/links.py).
    *route("survey/<str:token>", respondent.Survey, "survey"),
    *route("survey/<str:token>/draft", respondent.SurveyDraft, "survey_draft"),
    *route("survey/<str:token>/submit", respondent.SurveySubmit, "survey_submit"),
    *route("survey/<str:token>/result", respondent.SurveyResult, "survey_result"),
    *route("survey/<str:token>/consent", respondent.SurveyConsent, "survey_consent"),
    *route("survey/<str:token>/code", respondent.SurveyCode, "survey_code"),
    *route("survey/<str:token>/verify", respondent.SurveyVerify, "survey_verify"),
    # The inspiration catalogue: public, published cases only.
    *route("cases", catalogue.CaseList, "cases"),
]
