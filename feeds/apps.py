from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "订阅源"

    def ready(self):
        from . import signals

        signals.connect()
