"""Demo content of the editorial app: one account per role, the starter glossary,
the 三审 workflow on the sections, and two submissions to look at.

Runs after news, workers and campaigns (UNION_APPS order). Idempotent.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from .glossary_data import load_starter_glossary
from .roles import FINAL_REVIEW, FIRST_REVIEW, SECOND_REVIEW, SITE_ADMIN, WRITER, setup_editorial

# username, password, name, group
DEMO_ACCOUNTS = [
    ("zhuangao", "qhgh-zhuangao-2026", "李文清", WRITER),
    ("chushen", "qhgh-chushen-2026", "赵海燕", FIRST_REVIEW),
    ("fushen", "qhgh-fushen-2026", "马志成", SECOND_REVIEW),
    ("zhongshen", "qhgh-zhongshen-2026", "韩玉珍", FINAL_REVIEW),
    ("zhandian", "qhgh-zhandian-2026", "祁永强", SITE_ADMIN),
]

DEMO_SUBMISSIONS = [
    {
        "slug": "demo-review-waiting",
        "title": "海东市职工技能大赛决赛在平安区举行",
        "summary": "来自全市十二个行业的选手同台竞技，比赛结果将作为推荐青海工匠的重要参考。",
        "source_name": "海东市总工会",
        "body": "<p>本次决赛设电工、焊工、中式烹调师等六个项目，是百万职工高原建功立业工程的一项重要内容。"
        "获奖选手将按程序推荐参加全省职工技能大赛。</p>",
    },
    {
        "slug": "demo-review-sent-back",
        "title": "省总工会开展送法进企业活动",
        "summary": "截止目前，全省已有一百余家企业参加了劳动法律知识讲座。",
        "source_name": "",
        "body": "<p>活动中，工会干部向职工讲解了一函二书制度和12315职工服务热线的使用方法,现场解答职工提问。</p>",
    },
]


def ensure_accounts(command, groups):
    users = {}
    user_model = get_user_model()
    for username, password, name, group_name in DEMO_ACCOUNTS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username, f"{username}@example.com", password, first_name=name, is_staff=False
            )
        user.groups.add(groups[group_name])
        users[username] = user
        command.add_login(username, password, group_name)
    return users


def ensure_submissions(command, users, workflow):
    """A submission waiting at 初审 and one the automatic check sent back (if news exists)."""
    if not apps.is_installed("news"):
        return
    try:
        from news.models import ArticlePage, NewsSectionPage
    except ImportError:
        return
    section = NewsSectionPage.objects.live().order_by("path").first()
    if section is None or section.get_workflow() is None:
        return
    created = 0
    for spec in DEMO_SUBMISSIONS:
        if Page.objects.filter(slug=spec["slug"]).exists():
            continue
        created += 1
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            source_name=spec["source_name"],
            body=[("paragraph", RichText(spec["body"]))],
            live=False,
            owner=users["zhuangao"],
        )
        section.add_child(instance=article)
        article.save_revision(user=users["zhuangao"])
        section.get_workflow().start(article, users["zhuangao"])
    if created:
        command.stdout.write("· 审核演示稿件：一篇等待初审，一篇被规范用语检查退回")


def load(command):
    groups, workflow, assigned = setup_editorial()
    load_starter_glossary()
    users = ensure_accounts(command, groups)
    ensure_submissions(command, users, workflow)
    command.stdout.write(
        "· 编辑审核：用户组、三审工作流、规范用语词表"
        + (f"（新指派 {len(assigned)} 个栏目）" if assigned else "")
    )
