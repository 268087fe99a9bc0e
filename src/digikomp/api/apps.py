from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "digikomp.api"
    verbose_name = "API"
