"""National editors' pages for frameworks, norm releases and national profiles (/app/redaktion/)."""

app_name = "editor"

urlpatterns: list = []
