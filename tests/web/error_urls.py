"""The project's URLs plus views that fail, for tests/web/test_production_errors.py (pytest.mark.urls)."""

from django.urls import path

from digikomp.urls import handler500
from digikomp.urls import urlpatterns as project_urlpatterns

SECRET = "the-detail-only-the-log-may-see"


def fail(request):
    raise RuntimeError(f"{SECRET} in {__file__}")


urlpatterns = [path("fejl/", fail), path("api/v1/fejl", fail), *project_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
