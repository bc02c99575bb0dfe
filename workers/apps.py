from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "workers"
    verbose_name = "劳模风采"

    def ready(self):
        from .signals import connect

        connect()
