"""The campaign pages (/app/kortlaegning/), for municipal admins and HR."""

from django.urls import path

from digikomp.assessments.campaigns import lifecycle_views, views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("ny/", views.campaign_create_view, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/inviter/", views.campaign_invite, name="invite"),
    path("<int:pk>/send/", views.campaign_send, name="send"),
    path("<int:pk>/links/", views.campaign_links, name="links"),
    path("<int:pk>/rediger/", lifecycle_views.campaign_edit, name="edit"),
    path("<int:pk>/luk/", lifecycle_views.campaign_close, name="close"),
    path("<int:pk>/slet/", lifecycle_views.campaign_delete, name="delete"),
    path("<int:pk>/e-mail/", lifecycle_views.campaign_preview, name="preview"),
    path("<int:pk>/paamind/", lifecycle_views.campaign_remind, name="remind"),
]
