"""Create large amounts of synthetic content for benchmarks (see demo/bulk.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import bulk


class Command(BaseCommand):
    help = "生成大量合成内容，用于性能测试。"

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0, help="生成的合成文章数量（新闻）。")
        parser.add_argument("--workers", type=int, default=0, help="生成的合成劳模数量（劳模风采）。")

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("生产环境配置下不允许生成合成内容。")
        bulk.generate_articles(self, options["articles"] or 0)
        bulk.generate_workers(self, options["workers"] or 0)
