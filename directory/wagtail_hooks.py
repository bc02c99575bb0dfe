"""A way from the Wagtail admin to the directory's editing and bulk import/export (Django admin)."""

from wagtail import hooks

from core.admin_views import RestrictedMenuItem


def edits_directory(user):
    return user.is_staff and user.has_perm("directory.change_unionorganisation")


@hooks.register("register_admin_menu_item")
def register_directory_menu_item():
    return RestrictedMenuItem(
        "工会组织名录",
        "/django-admin/directory/unionorganisation/",
        shown_to=edits_directory,
        name="union-directory",
        icon_name="site",
        order=730,
    )
