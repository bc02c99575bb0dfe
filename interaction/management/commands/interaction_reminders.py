"""Remind handlers of overdue and soon-due messages (run every working morning from cron)."""

from django.core.management.base import BaseCommand

from interaction.models import Message
from interaction.reminders import fill_missing_deadlines, send_error_report_reminders, send_reminders


class Command(BaseCommand):
    help = "给负责的维权受理员和维权督办发送已超期、即将到期留言的提醒；补算日历新录入年份的期限。"

    def handle(self, *args, **options):
        filled = fill_missing_deadlines()
        if filled:
            self.stdout.write(f"已为 {filled} 件留言补算办理期限。")
        unknown = Message.objects.without_deadline().count()
        if unknown:
            self.stderr.write(
                f"有 {unknown} 件留言所在年份的放假安排尚未录入，无法计算期限：请在后台“工作日历”中录入。"
            )
        reminded = send_reminders()
        self.stdout.write(f"已向 {reminded} 人发送办理提醒。")
        sent = send_error_report_reminders()
        if sent:
            self.stdout.write(f"已向站点管理员发送 {sent} 封网站纠错答复提醒。")
