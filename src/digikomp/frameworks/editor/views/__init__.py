"""Views of the framework editor, by sub-domain: versions (list, draft, metadata, preview, publish), items
(areas, competences, scale, descriptors) and CASE import."""
