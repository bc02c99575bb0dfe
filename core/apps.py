from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared page base: what every page type and public form has in common."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "公共基础"

    def ready(self):
        from . import dates, signals

        signals.connect()
        dates.install()
