from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared page base: what every page type and public form has in common."""

    name = "core"
    verbose_name = "公共基础"

    def ready(self):
        from . import checks, dates, signals  # noqa: F401  (checks registers the deploy checks)
        from .uploads import configure_pillow

        signals.connect()
        # Every Pillow open in this process refuses decompression bombs (core/uploads.py).
        configure_pillow()
        # Wagtail's admin date widgets read the dates Chinese editors type (core/dates.py).
        dates.install()
