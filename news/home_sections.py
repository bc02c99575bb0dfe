"""Home page blocks: the 头条 (headline) area and the latest items of each section.

Plain queries, named in `settings.HOME_PAGE_SECTIONS`; the home page caches them (`home.sections`).
"""

from .models import ArticlePage, NewsSectionPage
from .querysets import LINK_FIELDS

HEADLINE_COUNT = 5
ITEMS_PER_SECTION = 6


def sections_of(home_page):
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


def headlines(home_page):
    """The 头条 area: the newest articles marked as headlines."""
    items = list(
        ArticlePage.objects.published()
        # `__in=[True]` renders `is_headline IN (1)`, which can use the (is_headline, display_date)
        # index; a plain boolean filter renders as a bare column, which cannot.
        .filter(is_headline__in=[True], path__startswith=home_page.path)
        .defer_streamfields()
        .select_related("lead_image")
        .order_by("-display_date", "-pk")[:HEADLINE_COUNT]
    )
    if not items:
        return None
    return {"template": "components/home/news_headlines.html", "items": items}


def latest_per_section(home_page):
    """One block per top-level section with its newest articles."""
    blocks = [
        {"section": section, "items": latest_in(section.path, ITEMS_PER_SECTION)}
        for section in sections_of(home_page)
    ]
    if not blocks:
        return None
    return {"template": "components/home/news_sections.html", "items": blocks}
