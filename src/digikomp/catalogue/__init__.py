"""The inspiration catalogue: municipalities' best-practice cases on digital competence development and on
citizens' digital readiness. Municipal users submit cases in the application (/app/katalog/), national editors
moderate them, and everyone searches the published ones in Danish with facets (/katalog/, /api/v1/cases).

A case is a plain Django model rather than a Wagtail page or snippet: its life is a moderation between two parties
(the municipality and the editors) with comments, not an editorial page tree, and its search needs its own
full-text index on each database (search.py) with facet counts over several relations (selectors.py).
"""
