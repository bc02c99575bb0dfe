"""Hostile titles, tags and query strings are escaped, never executed, and never a 500."""

import json
import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>&</title><img src=x onerror=alert(1)>'


def test_hostile_title_and_tag_are_escaped_everywhere(client, news_index, section, article_factory):
    article = article_factory(
        HOSTILE, tags=["<b>坏标签</b>"], summary=HOSTILE, authors=HOSTILE, source_name=HOSTILE
    )
    for url in (article.url, section.url, news_index.url, "/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html
    html = client.get(article.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(raw)["headline"] == HOSTILE[:110]
    assert "&lt;b&gt;坏标签&lt;/b&gt;" in html
    assert article.slug.isascii() and "%" not in article.slug and article.slug.strip("-")


@pytest.mark.parametrize(
    "query",
    [
        "?page=1%27%20OR%201=1--",
        "?page=<script>",
        "?page=1&page=2",
        "?utm_source=baidu&from=timeline&isappinstalled=0",
        "?q=%E5%8A%B3%E6%A8%A1&page=%FF",
    ],
)
def test_search_engine_style_query_strings(client, section, article_factory, query):
    article_factory("正常文章")
    response = client.get(section.url + query)
    assert response.status_code in (200, 404)
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_hostile_tag_url_is_404_not_500(client, news_index, article_factory):
    article_factory(tags=["劳模"])
    for tag in ("<script>", "../../etc", "劳模'--", "%00"):
        assert client.get(news_index.url + "tags/" + quote(tag, safe="") + "/").status_code == 404
