"""The campaign pages (/app/kortlaegning/), for municipal admins and HR."""

from django.urls import path

from digikomp.assessments.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("ny/", views.campaign_create_view, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/inviter/", views.campaign_invite, name="invite"),
    path("<int:pk>/send/", views.campaign_send, name="send"),
    path("<int:pk>/links/", views.campaign_links, name="links"),
]
