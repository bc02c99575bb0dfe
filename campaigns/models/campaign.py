"""Campaign index and campaign pages, with their events (an inline of the campaign)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.listing import ListingMixin
from core.models import optional_image, optional_reference
from core.pages import BasePage
from feeds.mixins import FeedMixin
from workers.models import WorkerPage

from ..blocks import KeyFiguresBlock, MilestonesBlock
from ..ical import calendar_response
from ..related_news import related_news_queryset
from ..status import CampaignStatus, local_today, status_for, status_rank_expression
from .signup import CampaignFormPage


class CampaignIndexPage(ListingMixin, BasePage, Page):
    """专题活动: running campaigns first, then upcoming ones, then the archive."""

    column_type = "专题专栏"

    intro = models.CharField("栏目说明", max_length=300, blank=True)

    listing_per_page = 12
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "专题活动栏目"
        verbose_name_plural = "专题活动栏目"

    def get_listing_queryset(self, request=None):
        return (
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .annotate(status_rank=status_rank_expression())
            .order_by("status_rank", "-start_date", "-pk")
            .select_related("hero_image")
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        return context

    def get_meta_description(self):
        return self.search_description or self.intro


class CampaignPage(ListingMixin, BasePage, FeedMixin, Page):
    """A campaign from launch to results: landing page, events, news, sign-up.

    Its listing (and so its RSS/Atom feed) is the campaign's related news.
    """

    column_type = "专题专栏"

    slogan = models.CharField("口号", max_length=60, blank=True)
    hero_image = optional_image("主视觉图片")
    start_date = models.DateField("开始日期", help_text="在此日期之前显示为“筹备中”。")
    end_date = models.DateField(
        "结束日期", null=True, blank=True, help_text="此日期之后显示为“已结束”；长期开展的活动可留空。"
    )
    organiser = models.CharField("主办单位", max_length=100, blank=True)
    intro = models.CharField("简介", max_length=300, help_text="列表和分享时显示的一两句话。")
    goals = RichTextField("目标任务", blank=True, features=["bold", "ol", "ul", "link"])
    body = StreamField(BodyStreamBlock(), verbose_name="活动详情", blank=True)
    key_figures = StreamField(KeyFiguresBlock(), verbose_name="关键数据", blank=True)
    milestones = StreamField(MilestonesBlock(), verbose_name="时间节点", blank=True)
    news_tag = models.CharField(
        "新闻标签",
        max_length=50,
        blank=True,
        help_text="带有此标签的新闻自动汇集到本专题，例如“农民工入会”。",
    )
    archive_note = models.CharField(
        "结束说明",
        max_length=300,
        blank=True,
        help_text="活动结束后显示在页面顶部；留空时显示默认的存档提示。",
    )

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.CampaignFormPage"]
    # Landing page blocks: short, so the page stays readable on a phone.
    landing_news_count = 6
    listing_per_page = 20

    search_fields = Page.search_fields + [
        index.SearchField("slogan"),
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("body"),
        # The rest of what the campaign page shows.
        index.SearchField("organiser"),
        index.SearchField("archive_note"),
        index.SearchField("key_figures"),
        index.SearchField("milestones"),
        index.RelatedFields(
            "events",
            [index.SearchField("title"), index.SearchField("place"), index.SearchField("description")],
        ),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("slogan"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("organiser"),
                FieldPanel("archive_note"),
            ],
            heading="时间与主办",
        ),
        FieldPanel("goals"),
        FieldPanel("key_figures"),
        FieldPanel("milestones"),
        FieldPanel("body"),
        InlinePanel("events", label="活动安排"),
        MultiFieldPanel(
            [FieldPanel("news_tag"), InlinePanel("related_articles", label="精选新闻")],
            heading="相关新闻",
        ),
        InlinePanel("worker_links", label="相关劳模", heading="相关劳模"),
    ]

    class Meta:
        verbose_name = "专题活动"
        verbose_name_plural = "专题活动"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "结束日期不能早于开始日期。"})

    # Status -----------------------------------------------------------------

    @property
    def status(self):
        return status_for(self.start_date, self.end_date)

    @property
    def status_label(self):
        return CampaignStatus.LABELS[self.status]

    @property
    def is_running(self):
        return self.status == CampaignStatus.RUNNING

    @property
    def is_ended(self):
        return self.status == CampaignStatus.ENDED

    @property
    def is_upcoming(self):
        return self.status == CampaignStatus.UPCOMING

    # Content gathered for the landing page ------------------------------------

    def get_listing_queryset(self, request=None):
        """Related news, newest first: hand-picked plus everything carrying `news_tag`.

        The feed of the campaign and the `news/` listing both use this.
        """
        picked_ids = [link.article_id for link in self.related_articles.all() if link.article_id]
        return related_news_queryset(self.news_tag, picked_ids)

    def latest_news(self):
        return list(self.get_listing_queryset()[: self.landing_news_count])

    def upcoming_events(self):
        now = timezone.now()
        return [event for event in self.ordered_events() if event.ends_at >= now]

    def past_events(self):
        now = timezone.now()
        return [event for event in self.ordered_events() if event.ends_at < now][::-1]

    def ordered_events(self):
        """Events by start time, with their sign-up pages in the same query (memoised)."""
        if not hasattr(self, "_ordered_events"):
            events = self.events.select_related("signup_page")
            self._ordered_events = sorted(events, key=lambda event: event.starts_at)
        return self._ordered_events

    def signup_pages(self):
        pages = list(CampaignFormPage.objects.child_of(self).live().public())
        for form_page in pages:
            form_page._campaign = self  # spares is_open() a query for the parent
        return pages

    def milestones_with_state(self):
        """(block, reached) pairs; a milestone is reached once its date has come."""
        today = local_today()
        return [(block, block.value["date"] <= today) for block in self.milestones]

    def featured_workers(self):
        """Live, public profiles in the editor's order, ready for the workers' portrait card."""
        order = [link.worker_id for link in self.worker_links.all() if link.worker_id]
        if not order:
            return []
        profiles = (
            WorkerPage.objects.live()
            .public()
            .filter(pk__in=order)
            .select_related("portrait")
            .prefetch_related("honours__title")
        )
        by_id = {profile.pk: profile for profile in profiles}
        return [by_id[pk] for pk in order if pk in by_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Sub-routes (news/, calendars, feeds) need none of the landing page's blocks.
        match = getattr(request, "routable_resolver_match", None)
        if match is None or match.url_name == "index_route":
            context["workers"] = self.featured_workers()
            context["latest_news"] = self.latest_news()
            context["upcoming_events"] = self.upcoming_events()
            context["past_events"] = self.past_events()
            context["signup_pages"] = self.signup_pages()
        return context

    # Routes -------------------------------------------------------------------

    @path("news/", name="news")
    def news_listing(self, request):
        """Every related article, paginated with the site's listing rules."""
        context_overrides = self.get_listing_context(request, count_name=f"campaign-news:{self.pk}")
        return self.render(
            request, template="campaigns/campaign_news.html", context_overrides=context_overrides
        )

    # Wagtail's page URLs allow no dots, so the routes end in a slash; the
    # downloaded file is still named *.ics by Content-Disposition.
    @path("calendar/", name="calendar")
    def calendar_ics(self, request):
        return calendar_response(request, self, self.ordered_events(), filename=f"{self.slug}.ics")

    @path("events/<uuid:event_uid>/calendar/", name="event_ics")
    def event_ics(self, request, event_uid):
        event = next((event for event in self.ordered_events() if event.uid == event_uid), None)
        if event is None:
            raise Http404("没有找到这项活动安排。")
        return calendar_response(request, self, [event], filename=f"{self.slug}-{event.pk}.ics")

    feed_group = "专题活动"

    def get_feed_description(self):
        return self.search_description or f"“{self.title}”专题的相关新闻"

    def get_cached_paths(self):
        # Purged from the CDN with the page on publish: the news listing and the calendars.
        event_paths = [
            self.reverse_subpage("event_ics", kwargs={"event_uid": e.uid}) for e in self.events.all()
        ]
        return super().get_cached_paths() + [
            "news/",
            "calendar/",
            *(path.lstrip("/") for path in event_paths),
        ]

    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")

    # Meta ---------------------------------------------------------------------

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_meta_image(self):
        return self.social_image or self.hero_image

    def get_column_keywords(self):
        return self.seo_keywords or self.news_tag or self.title


class CampaignEvent(Orderable):
    """An event inside a campaign: 启动仪式, 技能比武, 送法进企业 …"""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="events")
    # A stable identity for calendar programs: re-importing an updated .ics
    # replaces the entry instead of adding a second one.
    uid = models.UUIDField("日历标识", default=uuid.uuid4, editable=False)
    title = models.CharField("活动名称", max_length=80)
    starts_at = models.DateTimeField("开始时间")
    ends_at = models.DateTimeField("结束时间")
    place = models.CharField("地点", max_length=120, blank=True)
    description = models.TextField("活动说明", max_length=1000, blank=True)
    signup_page = optional_reference(
        "campaigns.CampaignFormPage", "报名表单", help_text="可选：需要报名的活动，选择本专题下的报名表单。"
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("description"),
        FieldPanel("signup_page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "活动安排"
        verbose_name_plural = "活动安排"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "结束时间不能早于开始时间。"})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def ics_url(self):
        return self.page.url + self.page.reverse_subpage("event_ics", kwargs={"event_uid": self.uid})


class CampaignRelatedArticle(Orderable):
    """A hand-picked article shown with the campaign, whatever its tags."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "news.ArticlePage", verbose_name="新闻", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "精选新闻"
        verbose_name_plural = "精选新闻"


class CampaignWorker(Orderable):
    """A model worker who leads or stands for the campaign (e.g. a 劳模创新工作室 head)."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="worker_links")
    worker = models.ForeignKey(
        "workers.WorkerPage", verbose_name="劳模", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("worker")]

    class Meta(Orderable.Meta):
        verbose_name = "相关劳模"
        verbose_name_plural = "相关劳模"
