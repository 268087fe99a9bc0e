"""Importing a municipality's organisation and people: OS2mo plan2learn exports and our own template."""
