"""A model worker's profile page: facts, honours timeline, studio, news links, search, sitemap, meta."""

import datetime
import json
import re

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from demo.images import get_or_create_image
from tests.factories import ArticleFactory, NewsSectionFactory
from workers.models import ArticleWorker

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(make_profile):
    return make_profile(
        "卓玛措",
        [
            ("quanguo-laomo", 2020, "中共中央、国务院"),
            ("qinghai-laomo", 2015, "青海省人民政府"),
            ("qinghai-wuyi-jiangzhang", 2012, "青海省总工会"),
        ],
        gender="女",
        ethnicity="藏族",
        birth_year=1978,
        birth_month=6,
        political_status="中共党员",
        education="本科",
        employer="玉树藏族自治州人民医院",
        position="护士长",
        skill="主任护师",
        industry="yiliao-weisheng",
        region="yushu",
        portrait=get_or_create_image("测试肖像：卓玛措", size=(300, 375)),
        portrait_alt="卓玛措在病房查看高原病患者的情况",
        motto="病人的需要就是我的岗位。",
        story=[("扎根高原", "她在海拔四千米的病房里坚守了二十多年。")],
        achievements="牵头制定高原病护理规范\n培养护理骨干四十余名",
        studio_name="卓玛措高原护理创新工作室",
        studio_focus="高原病护理与急救",
        studio_achievements="推广护理新方法五项",
    )


def test_profile_shows_the_notice_facts(client, profile):
    html = client.get(profile.url).content.decode()
    facts = html.split('class="worker-facts"')[1].split("</dl>")[0]
    for label, value in [
        ("性别", "女"),
        ("民族", "藏族"),
        ("出生年月", "1978年6月"),
        ("政治面貌", "中共党员"),
        ("学历", "本科"),
        ("工作单位", "玉树藏族自治州人民医院"),
        ("岗位或职务", "护士长"),
        ("工种及技能等级", "主任护师"),
        ("所属行业", "医疗卫生"),
        ("地区", "玉树藏族自治州"),
    ]:
        assert re.search(rf"<dt>{label}</dt><dd>(<a [^>]+>)?{value}", facts), label
    assert "病人的需要就是我的岗位。" in html
    assert 'alt="卓玛措在病房查看高原病患者的情况"' in html
    assert "她在海拔四千米的病房里坚守了二十多年。" in html
    assert "培养护理骨干四十余名" in html


def test_region_links_to_the_filtered_gallery(client, profile, worker_index):
    html = client.get(profile.url).content.decode()
    assert f'href="{worker_index.url}?region=yushu"' in html


def test_honours_form_a_timeline_oldest_first(client, profile):
    html = client.get(profile.url).content.decode()
    timeline = html.split('class="honour-timeline"')[1].split("</ol>")[0]
    years = re.findall(r'honour-timeline__year">(\d{4})年', timeline)
    assert years == ["2012", "2015", "2020"]
    assert "全国劳动模范" in timeline and "国家级" in timeline and "中共中央、国务院" in timeline


def test_studio_appears_only_when_there_is_one(client, profile, make_profile):
    assert "卓玛措高原护理创新工作室" in client.get(profile.url).content.decode()
    other = make_profile("马成林")
    assert "劳模创新工作室" not in client.get(other.url).content.decode()


@pytest.fixture
def section(site_root):
    return NewsSectionFactory(parent=site_root, title="劳模风采报道")


def link(article, worker):
    ArticleWorker.objects.create(article=article, worker=worker)


def test_profile_lists_articles_about_the_worker_newest_first(client, profile, section, make_profile):
    now = timezone.now()
    older = ArticleFactory(
        parent=section,
        title="卓玛措获评全国劳模",
        slug="older",
        display_date=now - datetime.timedelta(days=30),
    )
    newer = ArticleFactory(
        parent=section,
        title="卓玛措工作室送医下乡",
        slug="newer",
        display_date=now - datetime.timedelta(days=2),
    )
    future = ArticleFactory(
        parent=section,
        title="卓玛措事迹报告会预告",
        slug="future",
        display_date=now + datetime.timedelta(days=3),
    )
    draft = ArticleFactory(
        parent=section,
        title="未发布的卓玛措稿件",
        slug="draft",
        display_date=now - datetime.timedelta(days=1),
        live=False,
    )
    private = ArticleFactory(
        parent=section, title="内部通报稿件", slug="private", display_date=now - datetime.timedelta(days=1)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    unrelated = ArticleFactory(
        parent=section,
        title="其他劳模的报道",
        slug="unrelated",
        display_date=now - datetime.timedelta(days=1),
    )
    for article in (older, newer, future, draft, private):
        link(article, profile)
    link(unrelated, make_profile("马成林"))

    html = client.get(profile.url).content.decode()
    news = html.split('id="worker-news-title"')[1].split("</section>")[0]
    titles = re.findall(r'<a href="[^"]+">([^<]+)</a>', news)
    assert titles == ["卓玛措工作室送医下乡", "卓玛措获评全国劳模"]


def test_article_editor_has_the_related_workers_panel():
    from news.models import ArticlePage

    names = [getattr(panel, "relation_name", None) for panel in ArticlePage.content_panels]
    assert "worker_links" in names


def test_profile_is_found_by_site_search(client, profile):
    hits = Page.objects.live().search("卓玛措")
    assert profile.pk in [hit.pk for hit in hits]
    response = client.get("/search/", {"q": "高原护理"})
    assert response.status_code == 200
    assert profile.url in response.content.decode()


def test_profile_is_in_the_sitemap(client, profile, worker_index):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{profile.url}" in xml
    assert f"http://testserver{worker_index.url}" in xml


def test_government_meta_tags(client, profile, worker_index):
    html = client.get(profile.url).content.decode()
    assert '<meta name="ArticleTitle" content="卓玛措">' in html
    assert (
        '<meta name="Description" content="卓玛措，玉树藏族自治州人民医院，护士长，2020年获“全国劳动模范”称号。">'
        in html
    )
    assert 'property="og:image"' in html
    index_html = client.get(worker_index.url).content.decode()
    assert '<meta name="ColumnName" content="劳模风采">' in index_html
    assert '<meta name="ColumnType" content="劳模风采">' in index_html


def test_home_page_features_model_workers(client, site_root, profile, make_profile):
    make_profile("马成林", featured=True)
    html = client.get("/").content.decode()
    block = html.split('id="home-workers-title"')[1].split("</section>")[0]
    # Marked profiles come first; the most recently honoured fill the rest of the row.
    assert re.findall(r'worker-card__name">([^<]+)<', block) == ["马成林", "卓玛措"]


def test_home_page_falls_back_to_recently_honoured_workers(client, site_root, profile):
    block = client.get("/").content.decode().split('id="home-workers-title"')[1].split("</section>")[0]
    assert "卓玛措" in block


def test_index_feed_lists_new_profiles(client, worker_index, profile):
    response = client.get(worker_index.url + "feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["卓玛措"]
    assert "全国劳动模范" in feed.entries[0].summary


def test_article_component_lists_the_workers_it_names(rf, profile, section, make_profile):
    from django.template.loader import render_to_string

    article = ArticleFactory(
        parent=section, title="高原护理经验交流会召开", slug="jiaoliu", display_date=timezone.now()
    )
    draft = make_profile("未发布的劳模", live=False)
    link(article, profile)
    link(article, draft)
    html = render_to_string(
        "components/workers/article_workers.html", {"page": article, "request": rf.get("/")}
    )
    assert "相关劳模" in html and "卓玛措" in html
    assert "未发布的劳模" not in html
    article_without = ArticleFactory(
        parent=section, title="另一篇稿件", slug="lingyi", display_date=timezone.now()
    )
    assert "相关劳模" not in render_to_string(
        "components/workers/article_workers.html", {"page": article_without}
    )


def test_profile_carries_person_structured_data(client, profile):
    html = client.get(profile.url).content.decode()
    raw = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(raw)
    assert data["@type"] == "Person" and data["name"] == "卓玛措"
    assert data["award"] == ["2012年 青海省五一劳动奖章", "2015年 青海省劳动模范", "2020年 全国劳动模范"]
    assert data["worksFor"]["name"] == "玉树藏族自治州人民医院"


def test_an_edited_profile_shows_at_once(client, profile, section):
    # The profile's text is kept in the site cache; publishing a change, or an article about the
    # worker, replaces it.
    assert "病人的需要就是我的岗位。" in client.get(profile.url).content.decode()
    profile.motto = "高原上的白衣天使。"
    profile.save_revision().publish()
    article = ArticleFactory(
        parent=section,
        title="卓玛措当选省劳模协会理事",
        display_date=timezone.now() - datetime.timedelta(hours=1),
    )
    assert "卓玛措当选省劳模协会理事" not in client.get(profile.url).content.decode()
    article.worker_links = [ArticleWorker(worker=profile)]  # as the article editor's 相关劳模 panel does
    article.save_revision().publish()

    html = client.get(profile.url).content.decode()
    assert "高原上的白衣天使。" in html and "病人的需要就是我的岗位。" not in html
    assert "卓玛措当选省劳模协会理事" in html
