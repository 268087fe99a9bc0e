"""Competence frameworks: versions, areas, competences, proficiency scales and level descriptors; the publish
rules; and interchange (CASE, Moodle CSV, JSON/CSV open data)."""
