from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """找工会: the public directory of union organisations (issue 14)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "directory"
    verbose_name = "找工会"
