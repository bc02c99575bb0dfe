"""A small news tree for feed tests: a section, published articles with tags,
a lead image and a body with relative links, plus the items a feed must hide."""

import pytest

from demo.images import get_or_create_image
from tests.factories import ArticleFactory, NewsIndexFactory, NewsSectionFactory


def body_with_relative_urls(image):
    return [
        {
            "type": "paragraph",
            "value": '<p>详见<a href="/about/">本会简介</a>和<a href="../qita/">其他栏目</a>。</p>',
        },
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "会场", "decorative": False},
                "caption": "会场一角",
            },
        },
    ]


@pytest.fixture
def news_index(site_root):
    return NewsIndexFactory(parent=site_root)


@pytest.fixture
def section(news_index):
    return NewsSectionFactory(parent=news_index, title="工会要闻", slug="yaowen", show_in_menus=False)


@pytest.fixture
def make_article(section):
    counter = {"n": 0}

    def make(title=None, parent=None, days_ago=None, **fields):
        """An article (slug article-1, article-2 … in this test); published directly (fast), or through
        a revision and the publish signals when `via_revision=True` (as an editor would)."""
        counter["n"] += 1
        n = counter["n"]
        image = get_or_create_image(f"主图{n % 3}", size=(320, 180))
        fields.setdefault("summary", f"第{n}篇稿件的摘要：职工之家建设有新进展。")
        fields.setdefault("authors", "王静, 马文")
        fields.setdefault("source_name", "海东市总工会")
        fields.setdefault("lead_image", image)
        fields.setdefault("body", body_with_relative_urls(image))
        return ArticleFactory(
            parent=parent or section,
            title=title or f"职工之家建设第{n}篇",
            slug=f"article-{n}",
            days_ago=days_ago,
            **fields,
        )

    return make
