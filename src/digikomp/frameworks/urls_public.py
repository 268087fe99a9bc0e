"""Public pages of the norm: the model, the profiles, downloads and PDFs (/normen/).

Profile and municipality routes come first: a framework slug is matched last, so no framework can shadow
them. PDF languages and download formats are part of the path, so every file has its own address.
"""

from django.urls import path, re_path

from digikomp.frameworks.public import views as models
from digikomp.profiles.public import views as profiles

app_name = "norm"

SLUG = r"[-a-zA-Z0-9_]+"  # what Django's <slug:> converter matches
LANGUAGE = r"(?P<language>da|en)"
DOWNLOAD_FORMATS = "|".join(models.FORMATS)

urlpatterns = [
    path("", models.index, name="index"),
    # National profile library of the latest published release.
    path("profiler/", profiles.profile_list, name="profiles"),
    re_path(r"^profiler/data\.(?P<fmt>json|csv)$", profiles.profiles_download, name="profiles_download"),
    path("profiler/<slug:slug>/", profiles.profile_detail, name="profile"),
    re_path(rf"^profiler/(?P<slug>{SLUG})/pdf/{LANGUAGE}/$", profiles.profile_pdf, name="profile_pdf"),
    # A municipality's adapted and local profiles, read against the release it has taken in.
    path("kommuner/<str:code>/profiler/", profiles.municipality_profiles, name="municipality_profiles"),
    path("kommuner/<str:code>/profiler/<slug:slug>/", profiles.municipality_profile,
         name="municipality_profile"),
    re_path(rf"^kommuner/(?P<code>[^/]+)/profiler/(?P<slug>{SLUG})/pdf/{LANGUAGE}/$",
            profiles.municipality_profile_pdf, name="municipality_profile_pdf"),
    # The published models: latest version, an older version, a competence, downloads.
    path("<slug:slug>/", models.framework, name="framework"),
    path("<slug:slug>/<str:version>/", models.framework_version, name="framework_version"),
    path("<slug:slug>/<str:version>/kompetencer/<str:code>/", models.competence, name="competence"),
    re_path(rf"^(?P<slug>{SLUG})/(?P<version>[^/]+)/pdf/{LANGUAGE}/$", models.framework_pdf, name="framework_pdf"),
    re_path(rf"^(?P<slug>{SLUG})/(?P<version>[^/]+)/download/(?P<fmt>{DOWNLOAD_FORMATS})/$",
            models.download, name="framework_download"),
]
