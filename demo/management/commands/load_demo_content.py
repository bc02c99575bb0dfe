"""Build the demo site: page tree, sample content in Chinese, images and demo logins.

The content is in demo/data/*.yaml; `demo.loader.load` lists the steps in order.
Running the command again creates nothing that already exists.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from demo import loader


class Command(BaseCommand):
    help = "载入演示内容（可重复运行，不会重复创建）。"

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("生产环境配置下不允许载入演示内容和演示账号。")
        self.logins = []
        # Demo submissions would otherwise print every review notification email to the console.
        with (
            transaction.atomic(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        ):
            loader.load(self)
        self.report()

    def add_login(self, username, password, role):
        self.logins.append((username, password, role))

    def report(self):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(self.style.SUCCESS("演示内容已就绪。"))
        self.stdout.write(f"后台地址：{admin_url}")
        if self.logins:
            self.stdout.write("演示账号（仅用于演示环境）：")
            for username, password, role in self.logins:
                self.stdout.write(f"  {role:<8} 用户名 {username:<12} 密码 {password}")
