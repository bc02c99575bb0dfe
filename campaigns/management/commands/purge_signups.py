"""Delete campaign sign-ups older than the retention period (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError

from campaigns.retention import purge_expired_signups, retention_days


class Command(BaseCommand):
    help = "删除超过保存期限（SIGNUP_RETENTION_DAYS，默认 365 天）的活动报名信息。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="本次使用的保存天数，默认取 SIGNUP_RETENTION_DAYS。")
        parser.add_argument("--dry-run", action="store_true", help="只统计将被删除的条数，不删除。")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 1:
            raise CommandError("--days 必须是正整数。")
        effective_days = retention_days() if days is None else days
        result = purge_expired_signups(days=days, dry_run=dry_run)
        total = sum(result.values())
        verb = "将删除" if dry_run else "已删除"
        for page, count in result.items():
            self.stdout.write(f"  {page.title}：{count} 条")
        self.stdout.write(f"{verb} {total} 条超过 {effective_days} 天的报名信息。")
