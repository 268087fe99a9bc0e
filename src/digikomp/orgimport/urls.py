"""Import pages under /app/organisation/import/: upload, preview, confirm, discard, undo, template downloads."""

from django.urls import path

from digikomp.orgimport import views

app_name = "orgimport"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/bekraeft/", views.confirm, name="confirm"),
    path("<int:pk>/kasser/", views.discard, name="discard"),
    path("<int:pk>/fortryd/", views.undo, name="undo"),
    path("skabelon.csv", views.template_csv, name="template_csv"),
    path("skabelon.xlsx", views.template_xlsx, name="template_xlsx"),
]
