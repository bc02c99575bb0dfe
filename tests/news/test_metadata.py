"""Meta tags on sections and articles: title, description, canonical, OpenGraph, government tags, sitemap."""

import re
import xml.etree.ElementTree as ET

import pytest

from demo.images import get_or_create_image

pytestmark = pytest.mark.django_db


def meta(html, name):
    match = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_section_metadata(client, section):
    html = client.get(section.url).content.decode()
    assert "<title>工会要闻 - 青海工会网</title>" in html
    assert meta(html, "description") == "全省工会工作的重要新闻。"
    assert f'<link rel="canonical" href="http://testserver{section.url}">' in html
    assert meta(html, "og:title") == "工会要闻"
    assert meta(html, "SiteName") == "青海工会网"
    assert meta(html, "ColumnName") == "工会要闻"
    assert meta(html, "ColumnDescription") == "全省工会工作的重要新闻。"
    assert meta(html, "ColumnKeywords") == "工会,要闻"
    assert meta(html, "ColumnType") == "信息发布"


def test_article_metadata(client, article_factory):
    image = get_or_create_image("测试主图")
    article = article_factory(
        "职工服务热线全天候接听",
        summary="12351 热线为职工提供法律咨询。",
        authors="王建新,赵海燕",
        source_name="工人日报",
        tags=["12351", "职工维权"],
        lead_image=image,
        lead_image_alt="热线接线员正在接听电话",
    )
    html = client.get(article.url).content.decode()
    assert "<title>职工服务热线全天候接听 - 青海工会网</title>" in html
    assert meta(html, "description") == "12351 热线为职工提供法律咨询。"
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:image").startswith("http://testserver/")
    assert meta(html, "ArticleTitle") == "职工服务热线全天候接听"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", meta(html, "PubDate"))
    assert meta(html, "ContentSource") == "工人日报"
    assert meta(html, "Keywords") == "12351,职工维权"
    assert meta(html, "Author") == "王建新,赵海燕"
    assert meta(html, "Description") == "12351 热线为职工提供法律咨询。"
    assert meta(html, "Image") == meta(html, "og:image")
    assert meta(html, "Url") == "http://testserver" + article.url
    assert meta(html, "ColumnName") == "工会要闻"
    assert 'alt="热线接线员正在接听电话"' in html


def test_lead_image_uses_modern_formats_and_sizes(client, article_factory):
    article = article_factory(lead_image=get_or_create_image("测试主图"))
    html = client.get(article.url).content.decode()
    picture = html[html.index("<picture") : html.index("</picture>")]
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert "sizes=" in picture and "srcset=" in picture


def test_sitemap_lists_published_articles_and_sections(client, section, article_factory):
    article = article_factory()
    response = client.get("/sitemap.xml")
    locs = [
        el.text
        for el in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert "http://testserver" + article.url in locs
    assert "http://testserver" + section.url in locs


def test_robots_txt_points_to_sitemap(client, site_root):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
