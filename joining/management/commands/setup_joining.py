"""Create the group 入会受理员 and give site administrators the right to see every application (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

OFFICER_GROUP = "入会受理员"
SITE_ADMIN_GROUP = "站点管理员"


def setup_groups():
    officers, _ = Group.objects.get_or_create(name=OFFICER_GROUP)
    officers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="joining", codename="handle_application"),
    )
    site_admins = Group.objects.filter(name=SITE_ADMIN_GROUP).first()
    if site_admins is not None:
        site_admins.permissions.add(
            Permission.objects.get(content_type__app_label="joining", codename="handle_all_applications"),
            Permission.objects.get(content_type__app_label="joining", codename="delete_application"),
            *Permission.objects.filter(
                content_type__app_label="joining",
                codename__in=[
                    "add_officerassignment",
                    "change_officerassignment",
                    "delete_officerassignment",
                    "view_officerassignment",
                ],
            ),
        )
    return officers, site_admins


class Command(BaseCommand):
    help = "创建“入会受理员”用户组，并让站点管理员可以查看和办理全部入会申请（可重复运行）。"

    def handle(self, *args, **options):
        officers, site_admins = setup_groups()
        self.stdout.write(f"用户组“{officers.name}”已就绪。")
        if site_admins is None:
            self.stdout.write("没有“站点管理员”用户组（先运行 setup_editorial），已跳过。")
        self.stdout.write("在管理后台菜单“入会受理员负责范围”中为每位受理员指定所负责的工会组织。")
