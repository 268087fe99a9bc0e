"""Danish unless the visitor chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, so most visitors on English-language
browsers would land on English pages of a Danish public-sector service. We honour only an explicit choice (the
language cookie set by the language switch) and otherwise serve Danish.
"""

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
