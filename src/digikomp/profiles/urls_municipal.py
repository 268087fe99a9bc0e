"""A municipality's profiles: adaptation, diff, taking in a new norm, local profiles, job codes (/app/profiler/)."""

app_name = "profiles"

urlpatterns: list = []
