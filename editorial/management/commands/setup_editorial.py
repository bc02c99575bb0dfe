from django.core.management.base import BaseCommand

from editorial.glossary_data import load_starter_glossary
from editorial.roles import setup_editorial


class Command(BaseCommand):
    help = "创建编辑审核用户组及权限、三审工作流和初始规范用语词表（可重复运行）。"

    def handle(self, *args, **options):
        groups, workflow, assigned = setup_editorial()
        created = load_starter_glossary()
        self.stdout.write(f"用户组：{'、'.join(groups)}")
        self.stdout.write(f"工作流：{workflow.name}（{' → '.join(t.name for t in workflow.tasks)}）")
        if assigned:
            self.stdout.write("新指派三审工作流的栏目：" + "、".join(page.title for page in assigned))
        self.stdout.write(f"规范用语词表新增 {created} 条。")
        self.stdout.write(self.style.SUCCESS("编辑审核设置完成。"))
