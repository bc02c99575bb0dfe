import datetime

import pytest
from django.utils import timezone

from news.factories import make_article, make_news_index, make_section


@pytest.fixture
def news_index(site_root):
    return make_news_index(site_root)


@pytest.fixture
def section(site_root):
    return make_section(site_root, "工会要闻", intro="全省工会工作的重要新闻。", seo_keywords="工会,要闻")


@pytest.fixture
def article_factory(section):
    """make(title, days_ago=1, **fields): a published article in `section` unless told otherwise."""
    counter = {"n": 0}

    def make(title=None, days_ago=1, parent=None, **fields):
        counter["n"] += 1
        title = title or f"测试文章{counter['n']}"
        date = fields.pop("display_date", None) or timezone.now() - datetime.timedelta(days=days_ago)
        return make_article(parent or section, title, display_date=date, **fields)

    return make
