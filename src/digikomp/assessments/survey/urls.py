"""The personal survey link, mounted at /svar/. Every URL starts with the signed token."""

from django.urls import path

from digikomp.assessments.survey import views

app_name = "survey"

urlpatterns = [
    path("<str:token>/", views.start, name="start"),
    path("<str:token>/trin/<int:number>/", views.step, name="step"),
    path("<str:token>/gennemse/", views.review, name="review"),
    path("<str:token>/resultat/", views.result, name="result"),
    path("<str:token>/resultat/deling/", views.consent, name="consent"),
    path("<str:token>/resultat/pdf/<str:language>/", views.result_pdf, name="result_pdf"),
    path("<str:token>/bekraeft/", views.verify, name="verify"),
    path("<str:token>/bekraeft/kode/", views.send_code, name="send_code"),
]
