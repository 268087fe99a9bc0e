from django.apps import AppConfig


class OrgimportConfig(AppConfig):
    name = "digikomp.orgimport"
