"""URL builders for the editor tests, so a test reads as the editor's path through the pages."""

from django.urls import reverse


def v(name: str, version, **kwargs) -> str:
    """The URL of an editor page of a framework version."""
    return reverse(
        f"editor:{name}", kwargs={"slug": version.framework.slug, "version": version.version, **kwargs}
    )
