"""Delete the personal data of join applications closed longer ago than the retention period (run daily)."""

from django.core.management.base import BaseCommand, CommandError

from joining.retention import anonymise_expired, retention_days


def positive_days(value):
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise CommandError(f"--days 必须是正整数，而不是“{value}”。") from None
    if days < 1:
        raise CommandError("--days 必须是正整数（至少 1 天）。")
    return days


class Command(BaseCommand):
    help = "删除办结超过保存期限（JOINING_RETENTION_DAYS，默认 365 天）的入会申请中的个人信息，保留不含个人信息的统计数据。"

    def add_arguments(self, parser):
        parser.add_argument("--days", help="本次使用的保存天数，默认取 JOINING_RETENTION_DAYS。")
        parser.add_argument("--dry-run", action="store_true", help="只统计将被处理的份数，不删除。")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else positive_days(days)
        count = anonymise_expired(days=days, dry_run=dry_run)
        verb = "将删除" if dry_run else "已删除"
        self.stdout.write(f"{verb} {count} 份办结超过 {days} 天的入会申请中的个人信息。")
