"""Messages and case handlers for tests and benchmarks.

Plain functions: a message is one row with no tree to place it in."""

import hashlib
import itertools

from django.contrib.auth import get_user_model

from interaction.groups import ensure_groups
from interaction.models import Category, HandlerRegion, Message, Region

_sequence = itertools.count(1)


def make_message(save=True, **fields):
    """A message with plausible defaults; any field can be given."""
    number = next(_sequence)
    fields.setdefault("category", Category.WAGES)
    fields.setdefault("region", Region.XINING)
    fields.setdefault("title", f"工资拖欠求助 {number}")
    fields.setdefault("description", "我在西宁某建筑工地干了三个月，老板一直没有发工资。")
    fields.setdefault("name", "张三")
    fields.setdefault("mobile", f"139{number:08d}")
    fields.setdefault(
        "fingerprint", hashlib.sha256(f"{fields['mobile']}{fields['title']}".encode()).hexdigest()
    )
    message = Message(**fields)
    if save:
        message.save()
    return message


def make_staff(username, group_name, regions=(), **fields):
    """A user in one of the case-handling groups, with region assignments for handlers."""
    groups = ensure_groups()
    fields.setdefault("email", f"{username}@example.cn")
    user = get_user_model().objects.create_user(username, password="pw-interaction-1", **fields)
    user.groups.add(groups[group_name])
    for region in regions:
        HandlerRegion.objects.create(user=user, region=region)
    return user
