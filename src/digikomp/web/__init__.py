"""The web front: base layout, front page, dashboard, navigation and language choice."""
