from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """找工会: the public directory of union organisations (issue 14)."""

    name = "directory"
    verbose_name = "找工会"

    def ready(self):
        # Before django.contrib.admin (later in INSTALLED_APPS) loads directory/admin.py.
        from .formats import defer_spreadsheet_libraries

        defer_spreadsheet_libraries()
