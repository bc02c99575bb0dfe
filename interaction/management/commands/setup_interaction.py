"""Create the 维权受理员 and 维权督办 groups (idempotent; run after migrate)."""

from django.core.management.base import BaseCommand

from interaction.groups import ensure_groups


class Command(BaseCommand):
    help = "创建或补全“维权受理员”和“维权督办”用户组及其权限（可重复运行）。"

    def handle(self, *args, **options):
        for name in ensure_groups():
            self.stdout.write(f"用户组“{name}”已就绪。")
        self.stdout.write(
            "请在后台“代码片段 → 受理员负责地区”中为每位维权受理员指定负责的地区；“站点管理员”组处理网站纠错报告。"
        )
