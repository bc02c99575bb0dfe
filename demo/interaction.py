"""互动交流 demo step (data in demo/data/interaction.yaml): the two case-handling groups with one
login each, a 信件公开 page with its letters, and messages to handle. Idempotent."""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import HomePage
from interaction import cases
from interaction.access import HANDLER_GROUP, SUPERVISOR_GROUP
from interaction.groups import ensure_groups
from interaction.models import HandlerRegion, LetterIndexPage, LetterPage, Message

from . import builders, datafiles

GROUPS = {"handler": HANDLER_GROUP, "supervisor": SUPERVISOR_GROUP}


def ensure_accounts(command, groups, accounts):
    users = {}
    user_model = get_user_model()
    for account in accounts:
        group_name = GROUPS[account["group"]]
        user = user_model.objects.filter(username=account["username"]).first()
        if user is None:
            user = user_model.objects.create_user(
                account["username"],
                f"{account['username']}@example.com",
                account["password"],
                first_name=account["name"],
            )
        user.groups.add(groups[group_name])
        for region in account["regions"]:
            HandlerRegion.objects.get_or_create(user=user, region=region)
        users[account["username"]] = user
        command.add_login(account["username"], account["password"], group_name)
    return users


def ensure_letters(home, data):
    index = builders.get_or_create_index(LetterIndexPage, home, **data["letter_index"])
    today = timezone.localdate()
    for spec in data["letters"]:
        if LetterPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        spec = dict(spec)
        asked, answered = spec.pop("asked_days_ago"), spec.pop("answered_days_ago")
        letter = LetterPage(
            **spec,
            asked_on=today - datetime.timedelta(days=asked),
            answered_on=today - datetime.timedelta(days=answered),
        )
        index.add_child(instance=letter)
        letter.save_revision(log_action=False).publish(log_action=False)
    return index


def ensure_messages(handler, messages):
    for spec in messages:
        spec = dict(spec)
        answer = spec.pop("answer", None)
        if Message.objects.filter(mobile=spec["mobile"], title=spec["title"]).exists():
            continue
        fingerprint = hashlib.sha256(f"{spec['mobile']}{spec['title']}".encode()).hexdigest()
        message = Message.objects.create(fingerprint=fingerprint, **spec)
        if answer:
            cases.reply(handler, message, answer)


def load(command):
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("互动交流演示内容：未找到首页，已跳过。")
        return
    data = datafiles.read("interaction")
    users = ensure_accounts(command, ensure_groups(), data["accounts"])
    ensure_letters(home, data)
    ensure_messages(users["weiquan"], data["messages"])
