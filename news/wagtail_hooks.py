"""Home page blocks: the 头条 (headline) area and the latest items of each section."""

from wagtail import hooks

from home import site_cache

from .article_context import LINK_FIELDS
from .models import ArticlePage, NewsSectionPage

HEADLINE_COUNT = 5
ITEMS_PER_SECTION = 6
# Short, because an article dated in the future must appear when its time comes.
HOME_BLOCK_CACHE_SECONDS = 60


def home_sections_of(home_page):
    """Top-level sections shown in the menu: children of the home page or of the news index."""
    sections = list(
        NewsSectionPage.objects.live()
        .public()
        .in_menu()
        .descendant_of(home_page)
        .filter(depth__lte=home_page.depth + 2)
        .only("id", "title", "url_path", "path", "depth", "seo_keywords")
        .order_by("path")
    )
    paths = {section.path for section in sections}
    # A sub-section is shown inside its parent's block, not as a block of its own.
    return [section for section in sections if section.path[: -section.steplen] not in paths]


def latest_in(prefix_path, count):
    """Newest published articles under a tree path.

    `path LIKE 'prefix%'` on purpose: the database walks the display_date index
    newest-first and stops after `count` matches, instead of collecting and
    sorting every article of the section (an index range on path would do that).
    """
    return list(
        ArticlePage.objects.published()
        .filter(path__startswith=prefix_path)
        .exclude(path=prefix_path)
        .order_by("-display_date", "-pk")
        .only(*LINK_FIELDS)[:count]
    )


def cached_block(home_page, name, build):
    """Home blocks are rebuilt after any change to the site (the site cache's version) and every minute."""
    return site_cache.remember(f"news-home:{name}:{home_page.pk}", build, timeout=HOME_BLOCK_CACHE_SECONDS)


@hooks.register("union_home_sections")
def news_headlines(home_page, request):
    def build():
        return list(
            ArticlePage.objects.published()
            # `__in=[True]` renders `is_headline IN (1)`, which can use the (is_headline, display_date)
            # index; a plain boolean filter renders as a bare column, which cannot.
            .filter(is_headline__in=[True], path__startswith=home_page.path)
            .defer_streamfields()
            .select_related("lead_image")
            .order_by("-display_date", "-pk")[:HEADLINE_COUNT]
        )

    headlines = cached_block(home_page, "headlines", build)
    if not headlines:
        return None
    return {"order": 10, "template": "components/home/news_headlines.html", "items": headlines}


@hooks.register("union_home_sections")
def news_latest_per_section(home_page, request):
    def build():
        return [
            {"section": section, "items": latest_in(section.path, ITEMS_PER_SECTION)}
            for section in home_sections_of(home_page)
        ]

    blocks = cached_block(home_page, "sections", build)
    if not blocks:
        return None
    return {"order": 20, "template": "components/home/news_sections.html", "items": blocks}
