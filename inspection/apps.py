from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "inspection"
    verbose_name = "站点巡查"

    def ready(self):
        from . import signals  # noqa: F401
