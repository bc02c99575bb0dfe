"""The two case-handling groups and their permissions, set up idempotently (`setup_interaction`)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .access import HANDLER_GROUP, SUPERVISOR_GROUP

# The editorial site administrators (editorial.roles) answer 我为网站找错 reports.
SITE_ADMIN_GROUP = "站点管理员"

GROUP_PERMISSIONS = {
    HANDLER_GROUP: [("wagtailadmin", "access_admin"), ("interaction", "handle_message")],
    SUPERVISOR_GROUP: [
        ("wagtailadmin", "access_admin"),
        ("interaction", "handle_message"),
        ("interaction", "supervise_message"),
        # Supervisors decide which handler covers which region.
        ("interaction", "add_handlerregion"),
        ("interaction", "change_handlerregion"),
        ("interaction", "delete_handlerregion"),
        ("interaction", "view_handlerregion"),
    ],
    SITE_ADMIN_GROUP: [("wagtailadmin", "access_admin"), ("interaction", "handle_errorreport")],
}


@transaction.atomic
def ensure_groups():
    """Create or complete the groups; adds missing permissions, never removes any."""
    groups = {}
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        groups[name] = group
    return groups
