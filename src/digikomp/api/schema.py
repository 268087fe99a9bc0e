"""drf-spectacular hooks: what the OpenAPI schema of API v1 covers."""

from __future__ import annotations


def only_api_v1(endpoints, **kwargs):
    """Keep the operations under /api/v1/. Other DRF views mounted elsewhere in the project (Wagtail's admin API
    under /cms/) are internal to their apps and not part of the documented, versioned API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
