"""REST API v1 (DESIGN.md section 4): DRF views, serializers and the permission gate, mounted at /api/v1/."""
