"""Admin accounts for the login tests (lockout, two-factor, the 站点管理员 screens)."""

from django.contrib.auth.models import Group, Permission

PASSWORD = "Hongqi-xuefeng-37"


def make_user(django_user_model, username, group_name=None, superuser=False):
    """An account that may open the admin: a superuser, or a user in `group_name`."""
    if superuser:
        return django_user_model.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group_name:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user
