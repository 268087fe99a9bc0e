"""Views of the municipality's profile pages (/app/profiler/), one module per sub-domain.

Viewing needs "profiles.view" (admin, HR, manager); every change needs "profiles.adapt" (admin, HR) and is a
POST to its own URL, so each URL declares exactly one permission. Everything reads the requester's
municipality through profiles.municipal.selectors.
"""
