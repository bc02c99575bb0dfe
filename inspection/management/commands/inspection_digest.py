from django.core.management.base import BaseCommand

from inspection.digest import send_digest


class Command(BaseCommand):
    help = "把站点巡查周报发给站点管理员（另：单项否决指标变红时在巡查中立即提醒）。"

    def handle(self, *args, **options):
        sent = send_digest()
        self.stdout.write(f"已发送 {sent} 封周报。")
