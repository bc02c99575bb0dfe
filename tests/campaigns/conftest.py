import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from campaigns.status import local_today
from tests.factories import (
    ArticleFactory,
    CampaignFactory,
    CampaignIndexFactory,
    NewsSectionFactory,
    SignupFormFactory,
    StandardPageFactory,
    local_datetime,
)


@pytest.fixture
def today():
    return local_today()


@pytest.fixture
def campaign_index(site_root):
    return CampaignIndexFactory(parent=site_root, intro="全省工会重点工作专题。")


@pytest.fixture
def campaign(campaign_index, today):
    """A running campaign with one upcoming and one past event."""
    soon = timezone.localtime() + datetime.timedelta(days=3)
    return CampaignFactory(
        parent=campaign_index,
        title="农民工入会集中行动",
        slug="nmg-ruhui",
        start_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=60),
        slogan="把农民工吸引到工会中来",
        intro="集中开展农民工入会宣传和服务。",
        news_tag="农民工入会",
        events=[
            {
                "title": "建筑工地入会服务日",
                "starts_at": local_datetime(soon.year, soon.month, soon.day, 9, 30),
                "ends_at": local_datetime(soon.year, soon.month, soon.day, 11, 30),
                "place": "西宁市城北区某建筑工地，生活区",
                "description": "现场办理入会；带好身份证件；咨询请拨 12351",
            },
            {
                "title": "启动仪式",
                "starts_at": timezone.now() - datetime.timedelta(days=20, hours=2),
                "ends_at": timezone.now() - datetime.timedelta(days=20),
                "place": "省总工会礼堂",
            },
        ],
    )


@pytest.fixture
def section(site_root):
    return NewsSectionFactory(parent=site_root, title="工会要闻")


@pytest.fixture
def article_factory(section):
    def make(title, days_ago=1, **fields):
        if fields.get("display_date") is None:
            fields.pop("display_date", None)
            fields["days_ago"] = days_ago
        return ArticleFactory(parent=section, title=title, **fields)

    return make


@pytest.fixture
def privacy_page(site_root):
    return StandardPageFactory(parent=site_root, title="隐私声明", slug="privacy", intro="个人信息保护说明")


@pytest.fixture
def signup_form(campaign, privacy_page):
    return SignupFormFactory(parent=campaign, title="入会意向登记", slug="ruhui-dengji")


@pytest.fixture
def signup_managers():
    group, _ = Group.objects.get_or_create(name="报名信息管理员")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_signups", content_type__app_label="campaigns"),
    )
    return group
