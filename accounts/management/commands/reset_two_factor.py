"""Administrator's reset of a user's two-factor authentication (lost phone, no recovery codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import twofactor


class Command(BaseCommand):
    help = "删除用户的身份验证器和恢复码；该用户下次登录后台时重新设置两步验证。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="用户名")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"没有用户名为 {username} 的用户。") from error
        removed = twofactor.reset(user)
        self.stdout.write(
            f"已重置 {username} 的两步验证（删除 {removed} 个设备）。该用户下次登录后台时需重新设置身份验证器。"
        )
