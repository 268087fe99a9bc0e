"""One way to write a date per language (settings.FORMAT_MODULE_PATH).

Django looks here before its own locale formats, name by name, so only what DigiKomp decides is set: Danish
"18. december 2026", English "18 December 2026", 24-hour clocks in both. Templates write `{{ value|date }}` or
name one of these formats (`|date:"SHORT_DATE_FORMAT"`), never a pattern of their own; aware datetimes are shown
in settings.TIME_ZONE (Europe/Copenhagen). tests/web/test_dates.py holds every template to that.
"""
