"""The 劳模风采 index and the model-worker profile page."""

import json

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property, lazy
from django.utils.safestring import mark_safe
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.listing import ListingMixin
from core.models import optional_image, optional_reference
from core.pages import BasePage
from core.privacy import personal_data_problems, strings_in
from feeds.mixins import FeedMixin

from ..pinyin import pinyin_sort_key
from .choices import ETHNICITY_CHOICES, MONTH_CHOICES, Education, Gender, HonourLevel, PoliticalStatus
from .filters import WorkerFilters
from .links import articles_about
from .querysets import WorkerPageManager


class WorkerIndexPage(ListingMixin, BasePage, FeedMixin, Page):
    """劳模风采: a filterable portrait grid of the profiles below it, with a feed of new profiles.

    BasePage comes before FeedMixin so that its cache headers wrap the feed routes too.
    """

    column_type = "劳模风采"

    intro = models.TextField("导语", blank=True, max_length=500)
    listing_per_page = 24

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    subpage_types = ["workers.WorkerPage"]

    class Meta:
        verbose_name = "劳模风采栏目"
        verbose_name_plural = "劳模风采栏目"

    def profiles(self):
        """Live, public profiles of this index (no ordering, no deferral yet)."""
        return WorkerPage.objects.child_of(self).live().public()

    def get_listing_queryset(self, request):
        """Profiles in the order of their newest honour; feeds reuse this."""
        return self.profiles().ordered("recent")

    def get_feed_queryset(self, request):
        """Feed readers want new profiles first, whatever the honours."""
        return self.profiles().order_by("-first_published_at", "-pk").defer_streamfields()

    def get_feed_description(self):
        return self.search_description or self.intro or "新发布的劳动模范和先进工作者风采"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = WorkerFilters(request, self.profiles(), cache_name=f"index-{self.pk}")
        # The filter panel asks `filters.facets` itself: only when its fragment is not cached.
        context["filters"] = filters
        count_name = f"workers:{self.pk}:{filters.filter_key()}"
        context.update(self.get_listing_context(request, filters.results(), count_name=count_name))
        context["query_prefix"] = filters.query_string()
        return context

    def get_meta_description(self):
        return self.search_description or self.intro


def _index_url(profile, request):
    parent = profile.get_parent()
    return (parent.get_url(request) if parent else "") or ""


# Made once: each call of `lazy()` builds a new proxy class, which costs more than the query it defers.
_lazy_index_url = lazy(_index_url, str)


class WorkerPage(BasePage, Page):
    """One model worker's profile. It deliberately has no ID number, phone or address field."""

    objects = WorkerPageManager()

    gender = models.CharField("性别", max_length=2, choices=Gender.choices)
    ethnicity = models.CharField("民族", max_length=10, choices=ETHNICITY_CHOICES, default="汉族")
    birth_year = models.PositiveSmallIntegerField(
        "出生年份",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    birth_month = models.PositiveSmallIntegerField("出生月份", null=True, blank=True, choices=MONTH_CHOICES)
    political_status = models.CharField(
        "政治面貌", max_length=10, choices=PoliticalStatus.choices, default=PoliticalStatus.MASSES
    )
    education = models.CharField("学历", max_length=10, choices=Education.choices, blank=True)
    employer = models.CharField("工作单位", max_length=120)
    position = models.CharField("岗位或职务", max_length=120, blank=True)
    skill = models.CharField(
        "工种及技能等级", max_length=120, blank=True, help_text="例如：数控铣工 特级技师。"
    )
    industry = optional_reference("workers.Industry", "所属行业", related_name="workers")
    region = optional_reference("workers.Region", "地区", related_name="workers")
    portrait = optional_image("肖像")
    portrait_alt = models.CharField(
        "肖像替代文字",
        max_length=120,
        blank=True,
        help_text="给读屏软件读的说明，例如“某某在车间调试设备”；留空时为“某某的肖像”。",
    )
    motto = models.CharField("格言", max_length=200, blank=True)
    story = StreamField(BodyStreamBlock(), verbose_name="事迹", blank=True)
    achievements = models.TextField("主要成就", blank=True, help_text="每行一项。")
    studio_name = models.CharField("劳模创新工作室名称", max_length=120, blank=True)
    studio_focus = models.CharField("攻关方向", max_length=200, blank=True)
    studio_achievements = models.TextField("工作室成果", blank=True, help_text="每行一项。")
    featured = models.BooleanField("在首页展示", default=False)

    # Kept in step on save: sorting by these must not need a join or a computation per row.
    pinyin_key = models.CharField("姓名拼音", max_length=255, blank=True, editable=False, db_index=True)
    latest_honour_year = models.PositiveSmallIntegerField(
        "最近获奖年份", null=True, blank=True, editable=False, db_index=True
    )

    # Free text an editor types, checked for personal data on every save from the admin.
    privacy_checked_fields = [
        "title",
        "motto",
        "employer",
        "position",
        "skill",
        "portrait_alt",
        "achievements",
        "studio_name",
        "studio_focus",
        "studio_achievements",
        "search_description",
        # What search engines and share cards show, and the address itself.
        "seo_title",
        "seo_keywords",
        "slug",
    ]

    content_panels = [
        FieldPanel("title", heading="姓名"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("gender"), FieldPanel("ethnicity")]),
                FieldRowPanel([FieldPanel("birth_year"), FieldPanel("birth_month")]),
                FieldRowPanel([FieldPanel("political_status"), FieldPanel("education")]),
            ],
            heading="基本情况",
            help_text="只填写公示内容，不填写身份证号、电话和家庭住址。",
        ),
        MultiFieldPanel(
            [
                FieldPanel("employer"),
                FieldPanel("position"),
                FieldPanel("skill"),
                FieldRowPanel([FieldPanel("industry"), FieldPanel("region")]),
            ],
            heading="工作单位与岗位",
        ),
        MultiFieldPanel([FieldPanel("portrait"), FieldPanel("portrait_alt")], heading="肖像"),
        FieldPanel("motto"),
        InlinePanel("honours", heading="荣誉", label="荣誉", min_num=1),
        FieldPanel("story"),
        FieldPanel("achievements"),
        MultiFieldPanel(
            [FieldPanel("studio_name"), FieldPanel("studio_focus"), FieldPanel("studio_achievements")],
            heading="劳模创新工作室（可选）",
        ),
        FieldPanel("featured"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("motto"),
        index.SearchField("employer"),
        index.SearchField("position"),
        index.SearchField("skill"),
        index.SearchField("story"),
        index.SearchField("achievements"),
        index.SearchField("studio_name"),
        index.SearchField("studio_focus"),
        index.SearchField("studio_achievements"),
        index.SearchField("ethnicity"),
        index.RelatedFields("industry", [index.SearchField("name")]),
        index.RelatedFields("region", [index.SearchField("name")]),
        index.RelatedFields(
            "honours",
            [index.SearchField("awarding_body"), index.RelatedFields("title", [index.SearchField("name")])],
        ),
        index.FilterField("gender"),
        index.FilterField("ethnicity"),
    ]

    parent_page_types = ["workers.WorkerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "劳模"
        verbose_name_plural = "劳模"

    # --- saving -----------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        self.pinyin_key = pinyin_sort_key(self.title)
        years = [honour.year for honour in self.honours.all() if honour.year]
        self.latest_honour_year = max(years) if years else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = set(update_fields) | {"pinyin_key"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        for name in self.privacy_checked_fields:
            problems = personal_data_problems(getattr(self, name))
            if problems:
                errors[name] = problems
        story_text = list(strings_in(self.story.get_prep_value())) if self.story else []
        story_problems = sorted({problem for text in story_text for problem in personal_data_problems(text)})
        if story_problems:
            # One message: the StreamField widget shows a single error above its blocks.
            errors["story"] = "".join(story_problems)
        if self.birth_month and not self.birth_year:
            errors["birth_month"] = "填写出生月份时请同时填写出生年份。"
        if self.birth_year and self.birth_year > timezone.localdate().year:
            errors["birth_year"] = "出生年份不能晚于今年。"
        if errors:
            raise ValidationError(errors)

    # --- reading ----------------------------------------------------------------------------

    @cached_property
    def honour_list(self):
        """Honours in the editor's order (uses a prefetch when the listing made one)."""
        return list(self.honours.all())

    @property
    def timeline(self):
        """Honours oldest first, for the profile's timeline."""
        return sorted(self.honour_list, key=lambda honour: (honour.year, honour.sort_order or 0))

    @property
    def top_honour(self):
        """The highest-level honour; the newest one among equals."""
        if not self.honour_list:
            return None
        return min(
            self.honour_list,
            key=lambda honour: (HonourLevel.rank(honour.level or honour.title.level), -honour.year),
        )

    @property
    def birth_display(self):
        if not self.birth_year:
            return ""
        return f"{self.birth_year}年{self.birth_month}月" if self.birth_month else f"{self.birth_year}年"

    @property
    def portrait_alt_text(self):
        return self.portrait_alt or f"{self.title}的肖像"

    @property
    def achievement_lines(self):
        return [line.strip() for line in self.achievements.splitlines() if line.strip()]

    @property
    def studio_achievement_lines(self):
        return [line.strip() for line in self.studio_achievements.splitlines() if line.strip()]

    def related_articles(self):
        """Live, public, already-dated articles that name this worker, newest first."""
        return articles_about(self)

    def feed_entry_overrides(self, request):
        return {"summary": self.get_meta_description()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template reads `page.related_articles` and the index's URL inside its cached fragment:
        # only when it renders it (the URL is lazy: the parent page costs a query).
        context["index_url"] = _lazy_index_url(self, request)
        return context

    def get_meta_description(self):
        if self.search_description:
            return self.search_description
        parts = [self.employer, self.position]
        top = self.top_honour
        if top:
            parts.append(f"{top.year}年获“{top.title.name}”称号")
        return f"{self.title}，" + "，".join(part for part in parts if part) + "。"

    def get_meta_image(self):
        return self.social_image or self.portrait

    def structured_data_json(self):
        """schema.org Person as JSON-LD: only what the profile publishes anyway."""
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": self.title,
            "description": self.get_meta_description(),
            "award": [f"{honour.year}年 {honour.title.name}" for honour in self.timeline],
        }
        if self.position:
            data["jobTitle"] = self.position
        if self.employer:
            data["worksFor"] = {"@type": "Organization", "name": self.employer}
        if self.full_url:
            data["url"] = self.full_url
        # Escaped like Django's json_script, so text can never close the <script> element.
        text = json.dumps(data, ensure_ascii=False)
        return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

    def get_og_type(self):
        return "profile"

    def get_government_meta(self, site_settings=None, context=None):
        meta = super().get_government_meta(site_settings, context)
        meta.append(("ArticleTitle", self.title))
        published = self.first_published_at or self.last_published_at
        if published:
            meta.append(("PubDate", timezone.localtime(published).strftime("%Y-%m-%d %H:%M")))
        site_name = getattr(site_settings, "site_name", "") if site_settings else ""
        if site_name:
            meta.append(("ContentSource", site_name))
        if self.seo_keywords:
            meta.append(("Keywords", self.seo_keywords))
        meta.append(("Description", self.get_meta_description()))
        if self.full_url:
            meta.append(("Url", self.full_url))
        return meta
