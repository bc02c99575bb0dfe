"""Delete campaign sign-ups older than the retention period (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError

from campaigns.retention import purge_expired_signups, retention_days

# About a century: a later cutoff lies before the first year a date can hold, and no retention
# period for personal data is longer.
MAX_DAYS = 36500


class Command(BaseCommand):
    help = "删除超过保存期限（SIGNUP_RETENTION_DAYS，默认 365 天）的活动报名信息。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="本次使用的保存天数，默认取 SIGNUP_RETENTION_DAYS。")
        parser.add_argument("--dry-run", action="store_true", help="只统计将被删除的条数，不删除。")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and not 1 <= days <= MAX_DAYS:
            raise CommandError(
                f"--days 必须是 1 到 {MAX_DAYS} 之间的整数（{MAX_DAYS} 天约为 100 年），收到的是 {days}。"
            )
        effective_days = retention_days() if days is None else days
        if not 1 <= effective_days <= MAX_DAYS:
            raise CommandError(
                f"SIGNUP_RETENTION_DAYS 必须是 1 到 {MAX_DAYS} 之间的整数，现在是 {effective_days}。"
            )
        result = purge_expired_signups(days=days, dry_run=dry_run)
        total = sum(result.values())
        verb = "将删除" if dry_run else "已删除"
        for page, count in result.items():
            self.stdout.write(f"  {page.title}：{count} 条")
        self.stdout.write(f"{verb} {total} 条超过 {effective_days} 天的报名信息。")
