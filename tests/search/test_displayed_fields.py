"""Everything a reader sees on a page is searchable, and a title match still ranks first.

Each query below is a word that appears only in one displayed field (引题, 原标题, 原作者, 来源,
作者, 责任编辑, 文号, 发文单位, 主图图注, a body caption, a table cell, an attachment's name; a
worker's 行业, 地区, 荣誉称号, 工作室成果; a campaign's 主办单位, 关键数据, 时间节点, events).
Runs on the SQLite and the PostgreSQL backend alike (the suite runs on both).
"""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from directory.models import UnionOrganisation
from tests.factories import (
    ArticleFactory,
    CampaignFactory,
    CampaignIndexFactory,
    NewsIndexFactory,
    NewsSectionFactory,
    WorkerFactory,
    WorkerIndexFactory,
    figure,
    milestone,
    publish,
    qinghai_vocabularies,
)

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html, re.S)
    return [re.sub(r"</?mark>", "", title) for title in titles]


@pytest.fixture
def pages(site_root):
    section = NewsSectionFactory(parent=NewsIndexFactory(parent=site_root), title="工会要闻")
    document = get_document_model().objects.create(
        title="农牧民工技能培训报名表", file=ContentFile(b"%PDF-1.4\n", name="baoming.pdf")
    )
    article = ArticleFactory(
        parent=section,
        title="省总工会部署年度重点工作",
        days_ago=30,
        kicker="凝心聚力谱新篇",
        original_title="雪域高原上的暖心驿站",
        original_author="卓玛才让",
        source_name="柴达木日报",
        authors="尕藏措毛，李海龙",
        responsible_editor="韩玉珍",
        document_number="青工发〔2026〕17号",
        issuing_body="青海省总工会办公室",
        lead_image_caption="牧区流动服务车",
        body=[
            ("paragraph", RichText("<p>会议对全年工作作出安排。</p>")),
            ("image", {"image": None, "caption": "格尔木盐湖采收现场"}),
            (
                "table",
                {
                    "data": [["项目", "人数"], ["枸杞采摘季节工", "1200"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "季节性用工统计",
                },
            ),
            ("document", {"document": document, "title": ""}),
            ("document", {"document": document, "title": "冬季送温暖慰问名单"}),
        ],
    )
    qinghai_vocabularies()
    # Published through a revision, as the admin does (its honours are saved by then).
    worker = WorkerFactory(
        parent=WorkerIndexFactory(parent=site_root),
        title="马文花",
        honours=[("qinghai-gongjiang", 2024)],
        employer="青海某企业",
        region="yushu",
        industry="yiliao-weisheng",
        studio_achievements="研制高海拔制氧设备",
    )
    worker = publish(worker)
    campaign = CampaignFactory(
        parent=CampaignIndexFactory(parent=site_root),
        title="农民工入会集中行动",
        start_date=datetime.date.today() - datetime.timedelta(days=30),
        intro="推动新就业形态劳动者加入工会。",
        organiser="海南藏族自治州总工会",
        key_figures=[figure("新入会货车司机", 860, "人")],
        milestones=[milestone(datetime.date.today(), "启动仪式在共和县举行")],
        events=[
            {
                "title": "集中入会宣传日",
                "starts_at": datetime.datetime(2026, 5, 1, 1, 0, tzinfo=datetime.UTC),
                "ends_at": datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC),
                "place": "贵德县人民广场",
                "description": "现场办理入会手续。",
            }
        ],
    )
    return article, worker, campaign


ARTICLE_QUERIES = [
    "凝心聚力",  # 引题
    "暖心驿站",  # 原标题
    "卓玛才让",  # 原作者
    "柴达木日报",  # 来源
    "尕藏措毛",  # 作者
    "韩玉珍",  # 责任编辑
    "青工发〔2026〕17号",  # 文号
    "青海省总工会办公室",  # 发文单位
    "流动服务车",  # 主图图注
    "盐湖采收",  # body image caption
    "枸杞采摘",  # table cell
    "季节性用工",  # table caption
    "技能培训报名表",  # attachment shown by its file title
    "送温暖慰问名单",  # attachment's display name
]


def test_every_displayed_article_field_is_searchable(client, pages):
    article, worker, campaign = pages
    missing = [query for query in ARTICLE_QUERIES if article.title not in result_titles(client, query)]
    assert missing == []


def test_worker_and_campaign_visible_fields_are_searchable(client, pages):
    article, worker, campaign = pages
    queries = {
        worker.title: ["青海工匠", "玉树藏族自治州", "医疗卫生", "制氧设备"],
        campaign.title: ["海南藏族自治州总工会", "货车司机", "共和县", "贵德县", "集中入会宣传日"],
    }
    missing = [
        (title, query)
        for title, words in queries.items()
        for query in words
        if title not in result_titles(client, query)
    ]
    assert missing == []


def test_title_match_ranks_first(client, pages):
    article, worker, campaign = pages
    section = article.get_parent()
    # A newer article has the word only in its 原标题, an older one in its title.
    ArticleFactory(parent=section, title="昆仑山下的职工之家", days_ago=60)
    ArticleFactory(
        parent=section,
        title="基层工会换届选举",
        days_ago=1,
        original_title="昆仑山下的新气象",
        source_name="西海都市报",
    )
    titles = result_titles(client, "昆仑山")
    assert titles[:2] == ["昆仑山下的职工之家", "基层工会换届选举"]


def test_directory_finds_telephone_and_office_hours(client, site_root):
    organisation = UnionOrganisation(
        code="T-9",
        name="城中区环卫工人工会",
        level="grassroots",
        prefecture="西宁市",
        phone="0971-8123456",
        office_hours="工作日上午九点至下午五点",
    )
    organisation.full_clean()
    organisation.save()
    for query in ("8123456", "下午五点"):
        html = client.get("/zhaogonghui/", {"q": query}).content.decode()
        assert "城中区环卫工人工会" in html, query
