"""Pure helpers with no knowledge of Django models: environment parsing, file reading, statistics."""
