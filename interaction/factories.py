"""Create messages and handlers in code: shared by tests and benchmarks (factory_boy)."""

import hashlib

import factory
from django.contrib.auth import get_user_model

from .groups import ensure_groups
from .models import Category, HandlerRegion, Message, Region


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    category = Category.WAGES
    region = Region.XINING
    title = factory.Sequence(lambda n: f"工资拖欠求助 {n}")
    description = "我在西宁某建筑工地干了三个月，老板一直没有发工资。"
    name = "张三"
    mobile = factory.Sequence(lambda n: f"139{n:08d}")
    fingerprint = factory.LazyAttribute(lambda o: hashlib.sha256(f"{o.mobile}{o.title}".encode()).hexdigest())


def make_staff(username, group_name, regions=(), **fields):
    """A user in one of the case-handling groups, with region assignments for handlers."""
    groups = ensure_groups()
    fields.setdefault("email", f"{username}@example.cn")
    user = get_user_model().objects.create_user(username, password="pw-interaction-1", **fields)
    user.groups.add(groups[group_name])
    for region in regions:
        HandlerRegion.objects.create(user=user, region=region)
    return user
