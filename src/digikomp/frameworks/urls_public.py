"""Public pages of the norm: the model, the profiles, downloads and PDFs (/normen/)."""

app_name = "norm"

urlpatterns: list = []
