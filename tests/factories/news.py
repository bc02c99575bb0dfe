"""News pages: NewsIndexFactory, NewsSectionFactory, ArticleFactory (see pages.py for the rules)."""

import factory

from news.models import ArticlePage, NewsIndexPage, NewsSectionPage

from .pages import PageFactory, days_ago, paragraph_body


class NewsIndexFactory(PageFactory):
    """新闻中心 at /news/ below `parent`, published through a revision."""

    title = "新闻中心"
    slug = "news"
    via_revision = True

    class Meta:
        model = NewsIndexPage


class NewsSectionFactory(PageFactory):
    """A section (栏目) shown in menus, published through a revision."""

    title = factory.Sequence(lambda n: f"测试栏目{n}")
    show_in_menus = True
    via_revision = True

    class Meta:
        model = NewsSectionPage


class ArticleFactory(PageFactory):
    """An article: `ArticleFactory(parent=section, title=…, days_ago=2, tags=[…], paragraphs=[…])`.

    `days_ago` sets `display_date` (none by default, as an editor leaving it empty); `paragraphs`
    fills the body with plain paragraphs; `tags` are tag names.
    """

    title = factory.Sequence(lambda n: f"测试文章{n}")
    display_date = factory.LazyAttribute(lambda o: None if o.days_ago is None else days_ago(o.days_ago))
    body = factory.LazyAttribute(lambda o: paragraph_body(*o.paragraphs))

    _extra_arguments = ("tags",)

    class Meta:
        model = ArticlePage

    class Params:
        days_ago = None
        paragraphs = ()

    @classmethod
    def attach(cls, page, tags=()):
        page.tags.add(*tags)
