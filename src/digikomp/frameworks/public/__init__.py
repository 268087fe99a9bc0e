"""The public pages of the norm (/normen/): the published competence models, their downloads and the overview.

Only published framework versions and norm releases are ever read here; drafts answer 404.
"""
