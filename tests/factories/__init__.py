"""Test factories: every call makes a new object with the fields asked for (factory_boy and
wagtail-factories). Page factories take `parent=`; see pages.py for live, drafts and publishing."""

from .campaigns import CampaignFactory, CampaignIndexFactory, SignupFormFactory, figure, milestone
from .news import ArticleFactory, NewsIndexFactory, NewsSectionFactory
from .pages import (
    HomePageFactory,
    PageFactory,
    StandardPageFactory,
    days_ago,
    local_datetime,
    paragraph_body,
    publish,
)
from .workers import (
    HonourTitleFactory,
    IndustryFactory,
    RegionFactory,
    WorkerFactory,
    WorkerIndexFactory,
    qinghai_vocabularies,
    story_blocks,
)

__all__ = [
    "ArticleFactory",
    "CampaignFactory",
    "CampaignIndexFactory",
    "HomePageFactory",
    "HonourTitleFactory",
    "IndustryFactory",
    "NewsIndexFactory",
    "NewsSectionFactory",
    "PageFactory",
    "RegionFactory",
    "SignupFormFactory",
    "StandardPageFactory",
    "WorkerFactory",
    "WorkerIndexFactory",
    "days_ago",
    "figure",
    "local_datetime",
    "milestone",
    "paragraph_body",
    "publish",
    "qinghai_vocabularies",
    "story_blocks",
]
