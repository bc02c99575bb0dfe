"""A way from the Wagtail admin to the directory's editing and bulk import/export (Django admin)."""

from core.admin_views import register_menu_item


def edits_directory(user):
    return user.is_staff and user.has_perm("directory.change_unionorganisation")


register_menu_item(
    "工会组织名录",
    "/django-admin/directory/unionorganisation/",
    shown_to=edits_directory,
    name="union-directory",
    icon_name="site",
    order=730,
)
