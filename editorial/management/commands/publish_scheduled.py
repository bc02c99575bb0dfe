"""Wagtail's `publish_scheduled` under a lock (editorial/scheduler_lock.py), so that schedulers on
several servers publish each due revision exactly once. The same command name: cron lines and
systemd timers written for Wagtail keep working."""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from editorial.scheduler_lock import scheduler_lock


class Command(WagtailPublishScheduled):
    help = "发布到期的定时内容、下线到期的页面（多台服务器同时运行时只有一台执行）。"

    def handle(self, *args, **options):
        if options.get("dryrun"):
            return super().handle(*args, **options)
        with scheduler_lock() as acquired:
            if not acquired:
                if options.get("verbosity", 1) > 1:
                    self.stdout.write("另一个定时发布进程正在执行，本次跳过。")
                return
            return super().handle(*args, **options)
