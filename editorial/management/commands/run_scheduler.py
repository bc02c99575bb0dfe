"""Publish and unpublish scheduled pages every minute: `make run`, and `make stack`'s scheduler process.

Production uses cron or a systemd timer calling `manage.py publish_scheduled`, or this loop as a
service (deploy/systemd/); `publish_scheduled` takes a lock (editorial/scheduler_lock.py), so any
number of these on any number of servers publish each scheduled item once.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "每隔一段时间执行一次 publish_scheduled（开发环境的定时发布）。"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="间隔秒数，默认 60。")
        parser.add_argument("--once", action="store_true", help="只执行一次后退出。")

    def handle(self, *args, **options):
        interval = max(5, options["interval"])
        self.stdout.write(f"定时发布已启动：每 {interval} 秒检查一次。")
        while True:
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as error:  # keep the loop alive through a locked database etc.
                self.stderr.write(f"定时发布出错：{error}")
            if options["once"]:
                return
            time.sleep(interval)
