"""Profiles never hold ID-card numbers, phone numbers or home addresses."""

import json
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.privacy import personal_data_problems
from workers.models import HonourTitle, WorkerHonour, WorkerPage

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


def admin_form(worker_index, **changes):
    title = HonourTitle.objects.get(slug="qinghai-laomo")
    data = {
        "title": "马成林",
        "slug": "",
        "gender": "男",
        "ethnicity": "回族",
        "birth_year": "1980",
        "birth_month": "5",
        "political_status": "群众",
        "education": "大专",
        "employer": "西宁某机械厂",
        "position": "班组长",
        "skill": "焊工 高级技师",
        "motto": "把每一道焊缝焊好。",
        "story": streamfield([("paragraph", rich_text("<p>他在车间工作了二十年。</p>"))]),
        "achievements": "完成技术革新12项",
        "honours": inline_formset(
            [{"title": title.pk, "level": "", "year": "2020", "awarding_body": "青海省委、省政府"}]
        ),
        "worker_links": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bianji", "b@example.com", "pw"))
    return client


def test_editor_adds_a_profile_in_the_admin(editor, worker_index):
    url = reverse("wagtailadmin_pages:add", args=("workers", "workerpage", worker_index.pk))
    assert editor.get(url).status_code == 200
    response = editor.post(url, admin_form(worker_index))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    worker = WorkerPage.objects.get(title="马成林")
    # The slug is spelt from the name; the honour takes the title's level when left empty.
    assert worker.slug == "ma-cheng-lin"
    assert worker.honours.get().level == "provincial"


def test_admin_refuses_a_phone_number_in_achievements(editor, worker_index):
    url = reverse("wagtailadmin_pages:add", args=("workers", "workerpage", worker_index.pk))
    response = editor.post(url, admin_form(worker_index, achievements="联系电话：13912345678"))
    assert response.status_code == 200
    assert "请勿填写手机号码" in response.content.decode()
    assert not WorkerPage.objects.filter(title="马成林").exists()


def test_admin_refuses_an_id_number_in_the_story(editor, worker_index):
    url = reverse("wagtailadmin_pages:add", args=("workers", "workerpage", worker_index.pk))
    story = streamfield([("paragraph", rich_text("<p>身份证号：630105198003151234</p>"))])
    response = editor.post(url, admin_form(worker_index, story=story))
    assert response.status_code == 200
    assert "请勿填写身份证号码" in str(response.context["form"].errors["story"])
    # The StreamField widget receives the message as JSON (non-ASCII escaped).
    assert json.dumps("请勿填写身份证号码")[1:-1] in response.content.decode()
    assert not WorkerPage.objects.filter(title="马成林").exists()
