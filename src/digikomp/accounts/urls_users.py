"""The pages "Users and roles" (users.py): /app/brugere/ for a municipality's administrators and
/app/brugere/nationale/ for national editors. Deactivating, reactivating and sending the invitation again are
POSTs."""

from django.urls import path

from digikomp.accounts import users

app_name = "users"

urlpatterns = [
    path("", users.user_list, name="list"),
    path("inviter/", users.user_invite, name="invite"),
    path("<int:pk>/", users.user_edit, name="edit"),
    path("<int:pk>/deaktiver/", users.user_action, {"action": "deactivate"}, name="deactivate"),
    path("<int:pk>/genaktiver/", users.user_action, {"action": "reactivate"}, name="reactivate"),
    path("<int:pk>/send-invitation/", users.user_action, {"action": "resend"}, name="resend"),
    path("nationale/", users.national_user_list, name="national_list"),
    path("nationale/inviter/", users.national_user_invite, name="national_invite"),
    path("nationale/<int:pk>/", users.national_user_edit, name="national_edit"),
    path("nationale/<int:pk>/deaktiver/", users.national_user_action, {"action": "deactivate"},
         name="national_deactivate"),
    path("nationale/<int:pk>/genaktiver/", users.national_user_action, {"action": "reactivate"},
         name="national_reactivate"),
    path("nationale/<int:pk>/send-invitation/", users.national_user_action, {"action": "resend"},
         name="national_resend"),
]
