from django.apps import AppConfig


class WorkersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workers"
    verbose_name = "劳模风采"

    def ready(self):
        from .signals import connect

        connect()
