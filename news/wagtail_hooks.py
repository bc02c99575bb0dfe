"""Home page blocks: the 头条 (headline) area and the latest items of each section."""

from wagtail import hooks

from .article_context import LINK_FIELDS
from .models import ArticlePage, NewsSectionPage

HEADLINE_COUNT = 5
ITEMS_PER_SECTION = 6


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


@hooks.register("union_home_sections")
def news_headlines(home_page, request):
    headlines = list(
        ArticlePage.objects.published()
        .below(home_page)
        .filter(is_headline=True)
        .defer_streamfields()
        .select_related("lead_image")
        .order_by("-display_date", "-pk")[:HEADLINE_COUNT]
    )
    if not headlines:
        return None
    return {"order": 10, "template": "components/home/news_headlines.html", "items": headlines}


@hooks.register("union_home_sections")
def news_latest_per_section(home_page, request):
    blocks = []
    for section in home_sections_of(home_page):
        items = list(ArticlePage.objects.for_listing().below(section).only(*LINK_FIELDS)[:ITEMS_PER_SECTION])
        blocks.append({"section": section, "items": items})
    if not blocks:
        return None
    return {"order": 20, "template": "components/home/news_sections.html", "items": blocks}
