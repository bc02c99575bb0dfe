from django.apps import AppConfig


class SiteCacheConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sitecache"
    verbose_name = "站点缓存"

    def ready(self):
        from . import signals

        signals.connect()
