"""A small news tree for feed tests: a section, published articles with tags,
a lead image and a body with relative links, plus the items a feed must hide."""

import datetime

import pytest
from django.utils import timezone

from demo.images import get_or_create_image
from news.models import ArticlePage, NewsIndexPage, NewsSectionPage


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
    index = site_root.add_child(instance=NewsIndexPage(title="新闻中心", slug="news"))
    return publish(index)


@pytest.fixture
def section(news_index):
    page = news_index.add_child(instance=NewsSectionPage(title="工会要闻", slug="yaowen"))
    return publish(page)


@pytest.fixture
def make_article(section):
    counter = {"n": 0}

    def make(title=None, parent=None, tags=(), live=True, days_ago=None, via_revision=False, **fields):
        """An article; published directly (fast), or through a revision and the publish
        signals when `via_revision` (as an editor would)."""
        counter["n"] += 1
        n = counter["n"]
        parent = parent or section
        image = get_or_create_image(f"主图{n % 3}", size=(320, 180))
        fields.setdefault("summary", f"第{n}篇稿件的摘要：职工之家建设有新进展。")
        fields.setdefault("authors", "王静, 马文")
        fields.setdefault("source_name", "海东市总工会")
        fields.setdefault("lead_image", image)
        fields.setdefault("body", body_with_relative_urls(image))
        now = timezone.now()
        if days_ago is not None:
            fields["display_date"] = now - datetime.timedelta(days=days_ago)
        article = ArticlePage(
            title=title or f"职工之家建设第{n}篇",
            slug=f"article-{n}",
            live=live and not via_revision,
            **fields,
        )
        if article.live:
            article.first_published_at = article.last_published_at = min(article.display_date or now, now)
        article.tags.add(*tags)
        parent.add_child(instance=article)
        if live and via_revision:
            publish(article)
        elif not live:
            article.save_revision()
        return ArticlePage.objects.get(pk=article.pk)

    return make
