"""A municipality's profiles (/app/profiler/): adaptation, diff, taking in a new norm, local profiles, job
codes."""

from django.urls import path

from digikomp.profiles.municipal.views import adaptation, jobcodes, library, local, take_in

app_name = "profiles"

urlpatterns = [
    path("", library.library, name="library"),
    path("afvigelser/", library.deviations, name="deviations"),
    path("ny-norm/", take_in.take_in, name="take_in"),
    # National profiles as the municipality uses them.
    path("nationale/<slug:slug>/", adaptation.national, name="national"),
    path("nationale/<slug:slug>/afvigelser/", adaptation.diff, name="diff"),
    path("nationale/<slug:slug>/tilpas/", adaptation.adopt, name="adopt"),
    path("nationale/<slug:slug>/gem/", adaptation.adaptation_save, name="adaptation_save"),
    path("nationale/<slug:slug>/tilfoej/", adaptation.adaptation_add, name="adaptation_add"),
    path("nationale/<slug:slug>/fjern/", adaptation.adaptation_remove, name="adaptation_remove"),
    path("nationale/<slug:slug>/gendan/", adaptation.adaptation_restore, name="adaptation_restore"),
    path("nationale/<slug:slug>/navn/", adaptation.adaptation_describe, name="adaptation_describe"),
    # The municipality's own profiles ("ny" is reserved, see municipal.services.RESERVED_SLUGS).
    path("lokale/ny/", local.local_create, name="local_create"),
    path("lokale/<slug:slug>/", local.local, name="local"),
    path("lokale/<slug:slug>/rediger/", local.local_edit, name="local_edit"),
    path("lokale/<slug:slug>/krav/", local.local_requirements, name="local_requirements"),
    path("lokale/<slug:slug>/krav/tilfoej/", local.local_requirement_add, name="local_requirement_add"),
    path("lokale/<slug:slug>/krav/fjern/", local.local_requirement_remove, name="local_requirement_remove"),
    path("lokale/<slug:slug>/slet/", local.local_delete, name="local_delete"),
    # Job codes -> profiles.
    path("stillingskoder/", jobcodes.job_codes, name="job_codes"),
    path("stillingskoder/gem/", jobcodes.job_codes_save, name="job_codes_save"),
    path("stillingskoder/import/", jobcodes.job_codes_import, name="job_codes_import"),
    path("stillingskoder.csv", jobcodes.job_codes_csv, name="job_codes_csv"),
]
