"""URL map. The public front is at /, the application under /app/, accounts under /konto/, the API under
/api/v1/. The public Wagtail site will take over / when it lands; the application keeps its prefix."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("digikomp.web.urls")),
    path("app/organisation/import/", include("digikomp.orgimport.urls")),
    path("app/redaktion/", include("digikomp.frameworks.urls_editor")),
    path("app/profiler/", include("digikomp.profiles.urls_municipal")),
    path("app/kortlaegning/", include("digikomp.assessments.campaigns.urls")),
    path("app/indsigt/", include("digikomp.insights.urls")),
    path("normen/", include("digikomp.frameworks.urls_public")),
    path("svar/", include("digikomp.assessments.survey.urls")),
    path("app/", include("digikomp.assessments.mine")),
    path("konto/", include("digikomp.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include("digikomp.api.urls")),
    path("django-admin/", admin.site.urls),
]
