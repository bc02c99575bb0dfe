"""Load the directory's demo organisations (idempotent: run again, nothing changes)."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo.directory import DEMO_FILE, load_union_directory


class Command(BaseCommand):
    help = "载入找工会演示数据（名称标有“演示”）；按编码更新，重复运行不会产生重复数据。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            default=str(DEMO_FILE),
            help="JSON 数据文件，默认 demo/data/union_directory.json。",
        )

    def handle(self, *args, file, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("当前配置不允许载入演示数据（DEMO_CONTENT_ALLOWED 未开启）。")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"找不到数据文件：{path}")
        try:
            created, updated, unchanged = load_union_directory(path)
        except (ValueError, KeyError, ValidationError) as exc:
            raise CommandError(f"数据文件有误：{exc}") from exc
        self.stdout.write(f"找工会演示数据：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个。")
