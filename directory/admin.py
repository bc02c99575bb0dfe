"""The directory in the Django admin (/django-admin/): editing, and bulk import/export.

The import shows a preview first: every row with what would change, or with its errors and
row number; the button to write appears only when the whole file is valid, and the write runs
in one transaction.
"""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from .models import UnionOrganisation
from .resources import UnionOrganisationResource


@admin.register(UnionOrganisation)
class UnionOrganisationAdmin(ImportExportModelAdmin):
    resource_classes = [UnionOrganisationResource]
    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_template_name = "admin/directory/import.html"
    list_display = (
        "name",
        "code",
        "level",
        "prefecture",
        "county",
        "industry",
        "accepts_online",
        "is_active",
    )
    list_filter = ("level", "prefecture", "industry", "accepts_online", "is_active")
    search_fields = ("name", "code", "address", "county")
    autocomplete_fields = ("parent",)
    ordering = ("tree_path",)
