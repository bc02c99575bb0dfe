"""Strip personal data from finished cases older than the retention period (run daily from cron)."""

from django.core.management.base import CommandError

from core.retention import RetentionCommand
from interaction.retention import retention_days, strip_expired


def positive_days(value):
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1 or int(text) > 36500:
        raise CommandError(f"--days 必须是 1 到 36500 之间的整数天数，收到的是“{value}”。")
    return int(text)


class Command(RetentionCommand):
    help = (
        "清除办结（或标记为垃圾/无效）超过保存期限（INTERACTION_RETENTION_DAYS，默认 3 年）的职工留言中的"
        "个人信息（姓名、手机号码、留言和答复内容、附件），保留匿名统计数据。"
    )
    days_setting = "INTERACTION_RETENTION_DAYS"
    dry_run_help = "只统计将被清除的件数，不清除。"
    default_days = staticmethod(retention_days)
    parse_days = staticmethod(positive_days)
    purge = staticmethod(strip_expired)
    summary = "{verb} {count} 件超过 {days} 天的留言中的个人信息，匿名统计数据保留。"
