from django.core.management.base import BaseCommand, CommandError

from inspection import lock
from inspection.run import inspect_site


class Command(BaseCommand):
    help = "站点巡查：检查所有已发布页面的链接、附件、用语和打开情况，计算各项指标（可中断后续跑）。"

    def add_arguments(self, parser):
        parser.add_argument("--no-render", action="store_true", help="不逐页打开页面检查 5xx。")
        parser.add_argument("--no-external", action="store_true", help="不检查外部链接。")

    def handle(self, *args, **options):
        try:
            run = inspect_site(render=not options["no_render"], external=not options["no_external"])
        except lock.Locked:
            raise CommandError("另一个巡查正在进行（锁已被占用），本次不运行。") from None
        rows = run.summary.get("scorecard", [])
        red = [r for r in rows if r["colour"] == "red"]
        self.stdout.write(
            f"巡查完成：页面 {run.summary.get('pages', 0)} 个，红色指标 {len(red)} 项"
            + ("（" + "、".join(r["label"] for r in red) + "）" if red else "")
        )
