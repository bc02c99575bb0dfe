"""Editors keep the vocabularies (行业, 地区, 荣誉称号) themselves, as snippets."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.qinghai import PREFECTURE_NAMES
from workers.models import HonourTitle, Industry, Region

pytestmark = pytest.mark.django_db


def test_seeded_regions_are_qinghais_prefectures_plus_provincial_and_central_units(db):
    # The seed lists belong to the demo content, not to the test factories: load them as `make run` does.
    call_command("load_demo_content", stdout=io.StringIO())
    assert list(Region.objects.values_list("name", flat=True)) == [*PREFECTURE_NAMES, "省直", "中央驻青"]
    assert HonourTitle.objects.get(name="全国劳动模范").level == "national"
    assert HonourTitle.objects.get(name="青海工匠").level == "provincial"


def test_editor_adds_an_industry_and_it_gets_a_pinyin_slug(client, django_user_model, vocabularies):
    client.force_login(django_user_model.objects.create_superuser("bianji", "b@example.com", "pw"))
    url = reverse("wagtailsnippets_workers_industry:add")
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "新能源", "slug": "", "sort_order": "5"})
    assert response.status_code == 302
    assert Industry.objects.get(name="新能源").slug == "xin-neng-yuan"


def test_new_industry_becomes_a_filter_value(client, worker_index, make_profile):
    Industry.objects.create(name="航空运输")
    make_profile("马成林", industry="hang-kong-yun-shu")
    html = client.get(worker_index.url, {"industry": "hang-kong-yun-shu"}).content.decode()
    assert "已忽略" not in html
    assert "所属行业：航空运输" in html


def test_renamed_vocabulary_shows_at_once_on_the_index_and_the_profile(client, worker_index, make_profile):
    # The index keeps its filter lists and portrait cards, the profile its text, in the site cache:
    # an editor's change to a vocabulary must still show on the next view.
    profile = make_profile("卓玛措", [("quanguo-laomo", 2020)], industry="yiliao-weisheng")
    assert "医疗卫生" in client.get(worker_index.url).content.decode()
    assert "医疗卫生" in client.get(profile.url).content.decode()

    industry = Industry.objects.get(slug="yiliao-weisheng")
    industry.name = "卫生健康"
    industry.save()
    title = HonourTitle.objects.get(slug="quanguo-laomo")
    title.name = "全国劳动模范（新）"
    title.save()

    index_html = client.get(worker_index.url).content.decode()
    assert "卫生健康" in index_html and "医疗卫生" not in index_html
    assert "2020年 全国劳动模范（新）" in index_html
    profile_html = client.get(profile.url).content.decode()
    assert "卫生健康" in profile_html and "医疗卫生" not in profile_html
    assert "全国劳动模范（新）" in profile_html
