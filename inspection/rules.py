"""Update rules per section (栏目) and how fresh each section and the home page are.

A section's freshness is the date of its newest live item: an article's displayed date
(`display_date`; an item without one is not counted as an update), other items' first
publication. An item dated in the future does not count until its date, and is reported.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef, Subquery
from django.utils import timezone
from wagtail.models import Page, Site

from .models import UPDATE_EXEMPT, UPDATE_NEWS, UPDATE_NOTICE, SectionRule

CLASS_LABELS = {UPDATE_NEWS: "动态类", UPDATE_NOTICE: "通知公告/政策类", UPDATE_EXEMPT: "不考核"}


def item_model():
    return apps.get_model("news", "ArticlePage")


def section_models():
    return [apps.get_model(label) for label in settings.INSPECTION_SECTION_TYPES]


def default_class(page):
    """The update class a section gets from its page type (and a news section's 栏目类型)."""
    label = page.specific_class._meta.label
    defaults = settings.INSPECTION_DEFAULT_CLASSES
    column_type = getattr(page, "column_type", None)
    if column_type and f"{label}:{column_type}" in defaults:
        return defaults[f"{label}:{column_type}"]
    return defaults.get(label, UPDATE_NEWS)


@dataclass
class SectionStatus:
    page: Page
    update_class: str
    days: int
    newest: datetime.datetime | None
    future_items: int
    rule_set_by_editor: bool

    @property
    def exempt(self):
        return self.update_class == UPDATE_EXEMPT

    @property
    def empty(self):
        return self.newest is None

    @property
    def class_label(self):
        return CLASS_LABELS[self.update_class]

    @property
    def stale_on(self):
        """The local date from which the section counts as stale (None: empty or exempt)."""
        if self.exempt or self.newest is None:
            return None
        return timezone.localdate(self.newest) + datetime.timedelta(days=self.days + 1)

    def is_stale(self, today):
        return not self.exempt and (self.newest is None or today >= self.stale_on)

    def days_left(self, today):
        return None if self.stale_on is None else (self.stale_on - today).days

    def warn(self, today):
        left = self.days_left(today)
        return left is not None and 0 < left <= settings.INSPECTION_WARN_DAYS.get(self.update_class, 0)


def sections(now=None):
    """Every live section with its rule and newest item: three queries, whatever the size."""
    now = now or timezone.now()
    Article = item_model()
    models_ = section_models()
    if not models_:
        return []
    article_newest = (
        Article.objects.filter(
            path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"), live=True, display_date__lte=now
        )
        .order_by("-display_date")
        .values("display_date")[:1]
    )
    has_article = Article.objects.filter(
        path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"), live=True
    )
    future = Article.objects.filter(
        path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"), live=True, display_date__gt=now
    )
    pages = (
        Page.objects.type(*models_)
        .live()
        .annotate(
            article_newest=Subquery(article_newest),
            any_article=Exists(has_article),
            future_item=Exists(future),
        )
        .specific()
        .order_by("path")
    )
    rules = {rule.page_id: rule for rule in SectionRule.objects.all()}
    result = []
    for page in pages:
        rule = rules.get(page.pk)
        update_class = rule.update_class if rule else default_class(page)
        days = (rule.days if rule and rule.days else None) or settings.INSPECTION_UPDATE_DAYS.get(
            update_class, 0
        )
        # Article sections go by the articles' visible dates; others by what was published in them.
        newest = page.article_newest if page.any_article else _newest_page_below(page, now)
        result.append(
            SectionStatus(
                page=page,
                update_class=update_class,
                days=days,
                newest=newest,
                future_items=1 if page.future_item else 0,
                rule_set_by_editor=rule is not None,
            )
        )
    return result


def _newest_page_below(page, now):
    """A section without articles (劳模, 专题, 信件): the newest first publication below it."""
    return (
        Page.objects.filter(
            path__startswith=page.path, depth__gt=page.depth, live=True, first_published_at__lte=now
        )
        .exclude(content_type__in=_section_content_types())
        .aggregate(newest=Max("first_published_at"))["newest"]
    )


def _section_content_types():
    return [ContentType.objects.get_for_model(model).pk for model in section_models()]


@dataclass
class HomeStatus:
    page: Page | None
    newest: datetime.datetime | None
    days: int

    @property
    def stale_on(self):
        if self.newest is None:
            return None
        return timezone.localdate(self.newest) + datetime.timedelta(days=self.days + 1)

    def days_left(self, today):
        return None if self.stale_on is None else (self.stale_on - today).days

    def is_stale(self, today):
        return self.newest is None or today >= self.stale_on


def home_status(now=None):
    """The home page's newest dated item (the home page lists the site's items by their dates)."""
    now = now or timezone.now()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else None
    newest = None
    if home is not None:
        newest = (
            item_model()
            .objects.live()
            .descendant_of(home)
            .filter(display_date__lte=now)
            .aggregate(newest=Max("display_date"))["newest"]
        )
    return HomeStatus(page=home, newest=newest, days=settings.INSPECTION_HOME_DAYS)


def undated_items():
    """Live items without a visible date (they do not count as updates)."""
    return item_model().objects.live().filter(display_date__isnull=True)


def future_items(now=None):
    now = now or timezone.now()
    return item_model().objects.live().filter(display_date__gt=now)
