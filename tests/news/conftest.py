import pytest

from tests.factories import ArticleFactory, NewsIndexFactory, NewsSectionFactory


@pytest.fixture
def news_index(site_root):
    return NewsIndexFactory(parent=site_root)


@pytest.fixture
def section(site_root):
    return NewsSectionFactory(
        parent=site_root, title="工会要闻", intro="全省工会工作的重要新闻。", seo_keywords="工会,要闻"
    )


@pytest.fixture
def article_factory(section):
    """make(title, days_ago=1, **fields): a published article in `section` unless told otherwise."""

    def make(title=None, days_ago=1, parent=None, **fields):
        if title is not None:
            fields["title"] = title
        if "display_date" not in fields:
            fields["days_ago"] = days_ago
        return ArticleFactory(parent=parent or section, **fields)

    return make
