"""The catalogue in the application at /app/katalog/: the municipality's cases, and moderation for editors."""

from django.urls import path

from digikomp.catalogue.views import editor, municipal

app_name = "catalogue_app"

urlpatterns = [
    path("", municipal.case_list, name="list"),
    path("ny/", municipal.case_create, name="create"),
    path("<int:pk>/", municipal.case_detail, name="case"),
    path("<int:pk>/rediger/", municipal.case_edit, name="edit"),
    path("<int:pk>/indsend/", municipal.submit, name="submit"),
    path("redaktion/", editor.review_list, name="review_list"),
    path("redaktion/<int:pk>/", editor.review, name="review"),
]
