"""Template tags and filters of the frameworks app."""
