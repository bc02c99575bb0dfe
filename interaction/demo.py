"""Demo content of 互动交流: the two handling groups with one account each, a 信件公开 page with
one published letter, and three messages to handle. Runs last (UNION_APPS order). Idempotent."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import HomePage

from . import cases
from .access import HANDLER_GROUP, SUPERVISOR_GROUP
from .factories import make_message
from .groups import ensure_groups
from .letters import LetterIndexPage, LetterPage
from .models import Category, HandlerRegion, Message, Region

# username, password, name, group, regions
DEMO_ACCOUNTS = [
    ("weiquan", "qhgh-weiquan-2026", "马晓红", HANDLER_GROUP, [Region.XINING, Region.HAIDONG]),
    ("dudban", "qhgh-dudban-2026", "杨建国", SUPERVISOR_GROUP, []),
]

DEMO_MESSAGES = [
    {
        "category": Category.WAGES,
        "region": Region.XINING,
        "title": "建筑工地拖欠三个月工资",
        "description": "我在城北区一处建筑工地做钢筋工，包工头拖欠了三个月工资共两万一千元，多次讨要没有结果。",
        "name": "演示职工甲",
        "mobile": "13900000001",
    },
    {
        "category": Category.INJURY,
        "region": Region.HAIDONG,
        "title": "工伤认定需要哪些材料",
        "description": "上个月在车间受伤，单位说要我自己申请工伤认定，请问需要准备哪些材料？",
        "name": "演示职工乙",
        "mobile": "13900000002",
        "publish_consent": True,
        "answer": "工伤认定一般需要：工伤认定申请表、劳动关系证明（劳动合同等）、医疗诊断证明。"
        "单位未在30日内申请的，本人可在受伤之日起1年内向当地人力资源社会保障部门申请。"
        "如需帮助，可拨打职工服务热线12351，工会法律援助律师可协助准备材料。",
    },
]


def ensure_accounts(command, groups):
    users = {}
    user_model = get_user_model()
    for username, password, name, group_name, regions in DEMO_ACCOUNTS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username, f"{username}@example.com", password, first_name=name
            )
        user.groups.add(groups[group_name])
        for region in regions:
            HandlerRegion.objects.get_or_create(user=user, region=region)
        users[username] = user
        command.add_login(username, password, group_name)
    return users


def ensure_letter_index(home):
    index = LetterIndexPage.objects.child_of(home).first()
    if index is None:
        index = LetterIndexPage(
            title="信件公开",
            slug="xinjian-gongkai",
            intro="经来信职工同意公开的留言和工会答复，已隐去个人信息。",
        )
        home.add_child(instance=index)
        index.save_revision(log_action=False).publish(log_action=False)
    if not LetterPage.objects.child_of(index).exists():
        today = timezone.localdate()
        letter = LetterPage(
            title="农民工被拖欠工资，工会能帮忙吗？",
            slug="nong-min-gong-tuo-qian-gong-zi",
            category=Category.WAGES,
            question="我在工地打工，老板拖欠工资，工会能帮我讨回来吗？",
            answer="可以。请向工作所在地的工会留言或拨打12351，工会将协调用人单位和劳动保障监察部门依法处理。",
            asked_on=today - datetime.timedelta(days=20),
            answered_on=today - datetime.timedelta(days=12),
        )
        index.add_child(instance=letter)
        letter.save_revision(log_action=False).publish(log_action=False)
    return index


def ensure_messages(users):
    handler = users["weiquan"]
    for spec in DEMO_MESSAGES:
        spec = dict(spec)
        answer = spec.pop("answer", None)
        if Message.objects.filter(mobile=spec["mobile"], title=spec["title"]).exists():
            continue
        message = make_message(**spec)
        if answer:
            cases.reply(handler, message, answer)


def load(command):
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("互动交流演示内容：未找到首页，已跳过。")
        return
    users = ensure_accounts(command, ensure_groups())
    ensure_letter_index(home)
    ensure_messages(users)
