"""URL map. The application lives under /app/, the norm under /normen/, the catalogue under /katalog/, respondents
under /svar/, accounts under /konto/, the API under /api/v1/ and the Wagtail admin under /cms/. Every other path
is a page of the public site, served by Wagtail: its catch-all comes last, so it never shadows the application
(site/models/base.py keeps editors from giving a top-level page one of these first segments)."""

import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from django.views.static import serve
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from digikomp.api import errors as api_errors

urlpatterns = [
    path("", include("digikomp.web.urls")),
    path("app/organisation/import/", include("digikomp.orgimport.urls")),
    path("app/redaktion/", include("digikomp.frameworks.urls_editor")),
    path("app/profiler/", include("digikomp.profiles.urls_municipal")),
    path("app/kortlaegning/", include("digikomp.assessments.campaigns.urls")),
    path("app/indsigt/", include("digikomp.insights.urls")),
    path("app/katalog/", include("digikomp.catalogue.urls_app")),
    path("app/brugere/", include("digikomp.accounts.urls_users")),
    path("normen/", include("digikomp.frameworks.urls_public")),
    path("katalog/", include("digikomp.catalogue.urls_public")),
    path("svar/", include("digikomp.assessments.survey.urls")),
    path("app/", include("digikomp.assessments.mine")),
    path("konto/", include("digikomp.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include("digikomp.api.urls")),
    # Every other path under /api/ answers the API's JSON 404, never the site's HTML page.
    re_path(r"^api/", api_errors.not_found, name="api_not_found"),
    path("django-admin/", admin.site.urls),
    path("", include("digikomp.site.urls")),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's documents (publications' PDFs) and password-protected pages, with named groups so every
    # address can be reversed by name.
    re_path(r"^dokumenter/(?P<document_id>\d+)/(?P<document_filename>.*)$", wagtaildocs_serve.serve,
            name="wagtaildocs_serve"),
    path("dokumenter/adgangskode/<int:restriction_id>/", wagtaildocs_serve.authenticate_with_password,
         name="wagtaildocs_authenticate_with_password"),
    path("sider/adgangskode/<int:page_view_restriction_id>/<int:page_id>/",
         wagtail_views.authenticate_with_password, name="wagtailcore_authenticate_with_password"),
]

# A 500 under /api/ in the API's JSON shape, elsewhere the site's own page (500.html): never a traceback.
handler500 = api_errors.server_error
# A refused request on a page: the 400 page says which parameter was wrong and why.
handler400 = "digikomp.web.views.bad_request"

if settings.DIGIKOMP_SERVE_MEDIA:  # in production the web server serves uploaded images from MEDIA_ROOT
    urlpatterns.append(re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve,
                               {"document_root": settings.MEDIA_ROOT}))

# Last: every remaining path of slash-terminated segments is a page of the site (wagtail.urls' pattern).
urlpatterns.append(re_path(r"^(?P<path>(?:[\w\-]+/)*)$", wagtail_views.serve, name="wagtail_serve"))
