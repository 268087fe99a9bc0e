"""National editors' pages for frameworks, norm releases and national profiles (/app/redaktion/)."""

from django.urls import path

from digikomp.frameworks.editor.views import case, items, versions
from digikomp.profiles.editor import views as releases

app_name = "editor"

VERSION = "modeller/<slug:slug>/<str:version>/"

urlpatterns = [
    path("", versions.index, name="index"),
    path("case-import/", case.case_import, name="case_import"),
    # Frameworks and their versions
    path("modeller/<slug:slug>/ny-version/", versions.version_create, name="version_create"),
    path(VERSION, versions.version_detail, name="version"),
    path(VERSION + "rediger/", versions.version_edit, name="version_edit"),
    path(VERSION + "forhaandsvisning/", versions.preview, name="preview"),
    path(VERSION + "udgiv/", versions.publish, name="publish"),
    # Items are addressed by their code (areas, competences) or value (levels), unique within a version. Codes
    # may hold any character, so the routes with a suffix come before the bare one.
    path(VERSION + "nyt-omraade/", items.area_create, name="area_create"),
    path(VERSION + "omraader/<path:code>/slet/", items.area_remove, name="area_delete"),
    path(VERSION + "omraader/<path:code>/", items.area_edit, name="area_edit"),
    path(VERSION + "ny-kompetence/", items.competence_create, name="competence_create"),
    path(VERSION + "kompetencer/<path:code>/fjern/", items.competence_delete, name="competence_remove"),
    path(VERSION + "kompetencer/<path:code>/niveaubeskrivelser/", items.descriptors, name="descriptors"),
    path(VERSION + "kompetencer/<path:code>/", items.competence_edit, name="competence_edit"),
    path(VERSION + "skala/", items.levels, name="levels"),
    path(VERSION + "skala/nyt-niveau/", items.level_create, name="level_create"),
    path(VERSION + "skala/<int:value>/", items.level_edit, name="level_edit"),
    path(VERSION + "skala/<int:value>/slet/", items.level_remove, name="level_delete"),
    # Norm releases and national profiles
    path("udgivelser/", releases.releases, name="releases"),
    path("udgivelser/ny/", releases.release_create, name="release_create"),
    path("udgivelser/<str:version>/", releases.release_detail, name="release"),
    path("udgivelser/<str:version>/udgiv/", releases.release_publish_view, name="release_publish"),
    path("udgivelser/<str:version>/profiler/ny/", releases.profile_create, name="profile_create"),
    path("udgivelser/<str:version>/profiler/<slug:slug>/", releases.revision_edit, name="revision"),
    path("udgivelser/<str:version>/profiler/<slug:slug>/krav/", releases.requirements, name="requirements"),
]
