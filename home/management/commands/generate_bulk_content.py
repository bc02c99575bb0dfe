"""Create large amounts of synthetic content for benchmarks.

Each app contributes through an optional `<app>/bulk.py` with
`add_arguments(parser)` and `generate(command, options)`.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def bulk_modules():
    for app in settings.UNION_APPS:
        if find_spec(f"{app}.bulk") is not None:
            yield import_module(f"{app}.bulk")


class Command(BaseCommand):
    help = "生成大量合成内容，用于性能测试。"

    def add_arguments(self, parser):
        for module in bulk_modules():
            module.add_arguments(parser)

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("生产环境配置下不允许生成合成内容。")
        for module in bulk_modules():
            module.generate(self, options)
