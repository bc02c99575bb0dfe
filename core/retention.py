"""The one shape of a daily retention command (run from cron): empty the personal data kept longer
than a retention period, or with --dry-run only count it, and say so in one Chinese line.

A command sets what differs as attributes: the setting its default comes from, its own --days
check, the purge function (`purge(days=…, dry_run=…)` returning how many) and its summary line.
`setting_days` and `cutoff` are the period and its moment, for every app's retention module."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


def setting_days(name, default):
    """The retention period in days from setting `name` (read on each call, so overrides count)."""
    return int(getattr(settings, name, default))


def cutoff(days, now=None):
    """The moment before which what is kept `days` days has expired."""
    return (now or timezone.now()) - datetime.timedelta(days=days)


class RetentionCommand(BaseCommand):
    days_setting = ""  # e.g. "JOINING_RETENTION_DAYS", named in --days's help
    dry_run_help = "只统计将被清除的数量，不清除。"
    # staticmethod(…) each: () -> days; (text) -> days or CommandError; (days=, dry_run=) -> count
    default_days = None
    parse_days = None
    purge = None
    # "{verb} {count} … {days} …", verb the first of `verbs` on a dry run, else the second
    summary = ""
    verbs = ("将清除", "已清除")

    def add_arguments(self, parser):
        parser.add_argument("--days", help=f"本次使用的保存天数，默认取 {self.days_setting}。")
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)

    def handle(self, *args, days=None, dry_run=False, **options):
        days = self.default_days() if days is None else self.parse_days(days)
        count = self.purge(days=days, dry_run=dry_run)
        verb = self.verbs[0] if dry_run else self.verbs[1]
        self.stdout.write(self.summary.format(verb=verb, count=count, days=days))
