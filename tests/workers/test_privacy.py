"""Profiles never hold ID-card numbers, phone numbers or home addresses."""

import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from workers.models import WorkerHonour, WorkerPage
from workers.privacy import personal_data_problems

pytestmark = pytest.mark.django_db

FORBIDDEN = re.compile(
    r"id_?card|id_?number|identity|shenfen|phone|mobile|tel(ephone)?\b|address|addr\b|zhuzhi"
    r"|身份证|证件|电话|手机|住址|地址|家庭",
    re.IGNORECASE,
)


def test_no_model_of_the_app_has_a_personal_data_field():
    models = list(apps.get_app_config("workers").get_models())
    assert WorkerPage in models and WorkerHonour in models
    for model in models:
        for field in model._meta.get_fields():
            # Help texts may warn editors not to type such data; names and labels may not ask for it.
            label = f"{field.name} {getattr(field, 'verbose_name', '')}"
            assert not FORBIDDEN.search(label), f"{model.__name__}.{field.name}"


@pytest.mark.parametrize(
    "text",
    [
        "身份证 630105198003151234",
        "证号63010519800315123X。",
        "联系她：13812345678",
        "电话 138-1234-5678",
        "+86 139 0971 0000",
        "家庭住址：西宁市城东区某小区",
    ],
)
def test_personal_data_is_recognised(text):
    assert personal_data_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "2020年荣获全国劳动模范称号",
        "累计创造经济效益1200万元，节约成本135000元",
        "职工服务热线12351",
        "完成技术革新项目23项，获国家专利8项",
        "工号 20231234567890",  # 14 digits: neither an ID card nor a mobile number
    ],
)
def test_ordinary_numbers_pass(text):
    assert personal_data_problems(text) == []


def test_clean_refuses_an_id_number_in_the_story(make_profile):
    worker = make_profile("马成林")
    worker.story = [("paragraph", RichText("<p>他的身份证号是630105198003151234。</p>"))]
    with pytest.raises(ValidationError) as error:
        worker.full_clean()
    assert "story" in error.value.message_dict


def test_clean_refuses_a_mobile_number_in_achievements(make_profile):
    worker = make_profile("马成林")
    worker.achievements = "欢迎来电交流：13912345678"
    with pytest.raises(ValidationError) as error:
        worker.full_clean()
    assert "achievements" in error.value.message_dict


def test_clean_accepts_an_ordinary_profile(make_profile):
    worker = make_profile("马成林", achievements="完成技术革新23项\n节约成本1200万元")
    worker.full_clean()
