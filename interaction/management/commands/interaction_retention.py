"""Strip personal data from finished cases older than the retention period (run daily from cron)."""

from django.core.management.base import BaseCommand, CommandError

from interaction.retention import retention_days, strip_expired


def positive_days(value):
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1 or int(text) > 36500:
        raise CommandError(f"--days 必须是 1 到 36500 之间的整数天数，收到的是“{value}”。")
    return int(text)


class Command(BaseCommand):
    help = (
        "清除办结（或标记为垃圾/无效）超过保存期限（INTERACTION_RETENTION_DAYS，默认 3 年）的职工留言中的"
        "个人信息（姓名、手机号码、留言和答复内容、附件），保留匿名统计数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", help="本次使用的保存天数，默认取 INTERACTION_RETENTION_DAYS。")
        parser.add_argument("--dry-run", action="store_true", help="只统计将被清除的件数，不清除。")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else positive_days(days)
        count = strip_expired(days=days, dry_run=dry_run)
        verb = "将清除" if dry_run else "已清除"
        self.stdout.write(f"{verb} {count} 件超过 {days} 天的留言中的个人信息，匿名统计数据保留。")
