"""Delete the personal data of join applications closed longer ago than the retention period (run daily)."""

from django.core.management.base import CommandError

from core.retention import RetentionCommand
from joining.retention import anonymise_expired, retention_days


def positive_days(value):
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise CommandError(f"--days 必须是正整数，而不是“{value}”。") from None
    if days < 1:
        raise CommandError("--days 必须是正整数（至少 1 天）。")
    return days


class Command(RetentionCommand):
    help = "删除办结超过保存期限（JOINING_RETENTION_DAYS，默认 365 天）的入会申请中的个人信息，保留不含个人信息的统计数据。"
    days_setting = "JOINING_RETENTION_DAYS"
    dry_run_help = "只统计将被处理的份数，不删除。"
    default_days = staticmethod(retention_days)
    parse_days = staticmethod(positive_days)
    purge = staticmethod(anonymise_expired)
    summary = "{verb} {count} 份办结超过 {days} 天的入会申请中的个人信息。"
    verbs = ("将删除", "已删除")
