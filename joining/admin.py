"""Officer assignments (which organisations a 入会受理员 handles) in the Django admin."""

from django.contrib import admin

from .models import OfficerAssignment


@admin.register(OfficerAssignment)
class OfficerAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation")
    list_select_related = ("user", "organisation")
    search_fields = ("user__username", "organisation__name", "organisation__code")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("user",)
