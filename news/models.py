"""News publishing: the site-wide news index, sections (栏目) and articles."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.listing import ListingMixin
from core.models import optional_image
from core.pages import BasePage
from feeds.mixins import FeedMixin
from feeds.tags import UsedTag, tag_feed_source, tag_sources

from . import context as news_context
from .querysets import ArticleManager, DailyViewsQuerySet

# From this many children on, a section's listing walks the date index instead of sorting (see below).
WALK_DATE_INDEX_FROM = 500

# Archives before this year are not plausible for this site; year 0 and the like are 404s.
FIRST_ARCHIVE_YEAR = 1990

COLUMN_TYPES = [
    ("信息发布", "信息发布"),
    ("通知公告", "通知公告"),
    ("专题专栏", "专题专栏"),
    ("解读回应", "解读回应"),
    ("办事服务", "办事服务"),
]


# What a line in a listing shows; feeds reuse the same querysets with every field.
LISTING_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "live", "display_date", "summary")


def listing_fields(queryset):
    return queryset.only(*LISTING_FIELDS)


def beijing_range(year, month=None):
    """[start, end) of a calendar year or month in the site's time zone (Beijing)."""
    if month is None:
        start, end = datetime.datetime(year, 1, 1), datetime.datetime(year + 1, 1, 1)
    else:
        start = datetime.datetime(year, month, 1)
        end = datetime.datetime(year + (month == 12), month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


class NewsSectionPage(ListingMixin, BasePage, FeedMixin, Page):
    """A 栏目 such as 工会要闻 or 典型案例; lists its articles and those of its sub-sections.

    BasePage comes before FeedMixin so that its cache headers wrap every route, feeds included.
    """

    intro = models.TextField("栏目介绍", max_length=500, blank=True)
    column_type = models.CharField(
        "栏目类型",
        max_length=20,
        choices=COLUMN_TYPES,
        default="信息发布",
        help_text="用于 ColumnType 元标签。",
    )

    parent_page_types = ["home.HomePage", "news.NewsIndexPage", "news.NewsSectionPage"]
    subpage_types = ["news.ArticlePage", "news.NewsSectionPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("column_type")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "新闻栏目"
        verbose_name_plural = "新闻栏目"

    @classmethod
    def can_create_at(cls, parent):
        # Sections nest one level: no section inside a sub-section.
        if not super().can_create_at(parent):
            return False
        if parent.specific_class is cls:
            grandparent = parent.get_parent()
            return grandparent is None or grandparent.specific_class is not cls
        return True

    def get_listing_queryset(self, request=None):
        queryset = ArticlePage.objects.for_listing()
        if self.numchild >= WALK_DATE_INDEX_FROM:
            # A big section: `path LIKE` lets the database walk the display_date index newest-first
            # and stop after one page, instead of sorting every article of the section.
            return queryset.filter(path__startswith=self.path).exclude(path=self.path)
        # A small section: fetch its few articles through the path index and sort them.
        return queryset.below(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset = listing_fields(self.get_listing_queryset(request))
        context.update(
            self.get_listing_context(request, queryset, count_name=f"section:{self.pk}:{self.path}")
        )
        context["subsections"] = news_context.subsections(self)
        return context

    def get_subsections(self):
        return list(
            NewsSectionPage.objects.child_of(self).live().public().only("id", "title", "url_path", "path")
        )

    def get_meta_description(self):
        return self.search_description or self.intro


class NewsIndexPage(ListingMixin, BasePage, FeedMixin, Page):
    """Site-wide latest news, with tag pages (`tags/<tag>/`) and archives (`<year>/`, `<year>/<month>/`)."""

    intro = models.TextField("说明", max_length=500, blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsSectionPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "新闻总览"
        verbose_name_plural = "新闻总览"

    def site_root_path(self):
        # The index sits directly under the home page; it lists every article of that site.
        return self.path[: -self.steplen] if self.depth > 2 else self.path

    def get_listing_queryset(self, request=None, tag=None, year=None, month=None):
        queryset = ArticlePage.objects.for_listing()
        if len(Site.get_site_root_paths()) > 1:
            # Only with several sites does "this site" narrow anything; the path filter
            # would otherwise make the database sort every article instead of walking
            # the display_date index.
            queryset = queryset.below(self.site_root_path())
        if tag is not None:
            queryset = queryset.filter(pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id"))
        if year is not None:
            start, end = beijing_range(year, month)
            queryset = queryset.filter(display_date__gte=start, display_date__lt=end)
        return queryset

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_archive_years(self):
        """Years that have articles, newest first."""
        dates = ArticlePage.objects.published().below(self.site_root_path()).dates("display_date", "year")
        return sorted({date.year for date in dates}, reverse=True)

    def render_listing(self, request, heading, queryset, count_name, **extra):
        """`count_name` names the listing (this page and its filters) for its cached count."""
        context = {
            "listing_heading": heading,
            "archive_years": news_context.archive_years(self),
            **self.get_listing_context(
                request, listing_fields(queryset), count_name=f"index:{self.pk}:{count_name}"
            ),
            **extra,
        }
        return self.render(request, context_overrides=context, template="news/news_index_page.html")

    @path("", name="latest")
    def latest(self, request):
        return self.render_listing(request, self.title, self.get_listing_queryset(request), "latest")

    def find_tag(self, slug):
        """The tag at `slug`, or the one that had it before (its old address then redirects)."""
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            tag = Tag.objects.filter(pk__in=LegacyTagSlug.objects.filter(slug=slug).values("tag_id")).first()
        if tag is None and not slug.isascii():
            # An old Chinese address that was never recorded: taggit made it from the name.
            tag = Tag.objects.filter(name=slug).first()
        return tag

    def tag_redirect(self, request, tag, route):
        """A permanent redirect from an old address of `tag` to its address today."""
        url = self.get_url(request) + self.reverse_subpage(route, args=[tag.slug])
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    def get_tag(self, tag_slug):
        """The tag of a tag page (a 404 if there is none)."""
        return news_context.tag_for_slug(self, tag_slug[:100])

    @path("tags/<str:tag_slug>/", name="tag")
    def tag_listing(self, request, tag_slug):
        tag = self.get_tag(tag_slug)
        if tag.slug != tag_slug:
            return self.tag_redirect(request, tag, "tag")
        queryset = self.get_listing_queryset(request, tag=tag)
        context = {"tag": tag, "listing_kind": "tag", "feed_links": tag_feed_source(self, tag, request).links}
        response = self.render_listing(request, f"标签：{tag.name}", queryset, f"tag:{tag.pk}", **context)
        if not response.context_data["listing"].paginator.count:
            raise Http404("这个标签下还没有文章。")
        return response

    @path("tags/<str:tag_slug>/feed/", name="tag_feed")
    def tag_feed(self, request, tag_slug, flavour="rss"):
        tag = self.get_tag(tag_slug)
        if tag.slug != tag_slug:
            return self.tag_redirect(request, tag, "tag_feed" if flavour == "rss" else "tag_atom")
        link = self.get_url(request) + self.reverse_subpage("tag", args=[tag.slug])
        queryset = self.get_listing_queryset(request, tag=tag)
        return self.serve_feed(request, flavour, queryset=queryset, title=f"标签：{tag.name}", link=link)

    @path("tags/<str:tag_slug>/atom/", name="tag_atom")
    def tag_atom(self, request, tag_slug):
        return self.tag_feed(request, tag_slug, flavour="atom")

    def get_extra_feed_sources(self, request=None):
        """One feed per tag in use, for the 订阅 page and OPML."""
        return [("标签", tag_sources(self, published_tags(), request))]

    @re_path(r"^(?P<year>\d{4})/$", name="year")
    def year_archive(self, request, year):
        year = self.valid_year(year)
        queryset = self.get_listing_queryset(request, year=year)
        context = {"archive_year": year, "listing_kind": "archive"}
        return self.render_listing(request, f"{year}年文章", queryset, f"{year}", **context)

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month")
    def month_archive(self, request, year, month):
        year, month = self.valid_year(year), int(month)
        if not 1 <= month <= 12:
            raise Http404("没有这个月份。")
        queryset = self.get_listing_queryset(request, year=year, month=month)
        context = {"archive_year": year, "archive_month": month, "listing_kind": "archive"}
        return self.render_listing(request, f"{year}年{month}月文章", queryset, f"{year}:{month}", **context)

    @staticmethod
    def valid_year(year):
        year = int(year)
        if not FIRST_ARCHIVE_YEAR <= year <= timezone.localdate().year + 1:
            raise Http404("没有这一年的归档。")
        return year


def published_tags(limit=200):
    """Tags of published articles, the most used first (the 订阅 page lists their feeds)."""
    return [
        UsedTag(row["tag__name"], row["tag__slug"], row["uses"])
        for row in ArticlePage.objects.tags_in_use(limit)
    ]


class LegacyTagSlug(models.Model):
    """An address a tag had before (its percent-encoded Chinese slug, or an edited one):
    `/news/tags/<slug>/` and its feeds redirect permanently to the tag's address today."""

    slug = models.CharField("旧地址", max_length=255, unique=True)
    tag = models.ForeignKey(Tag, verbose_name="标签", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "标签旧地址"
        verbose_name_plural = "标签旧地址"

    def __str__(self):
        return f"{self.slug} → {self.tag_id}"


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "文章标签"
        verbose_name_plural = "文章标签"


class ArticlePage(BasePage, Page):
    """A news item, notice or case report, with the bylines public-body sites must show."""

    kicker = models.CharField("引题", max_length=120, blank=True, help_text="标题上方的一行短句，可留空。")
    subtitle = models.CharField("副题", max_length=160, blank=True)
    summary = models.TextField("摘要", max_length=400, blank=True)
    lead_image = optional_image("主图")
    lead_image_alt = models.CharField(
        "主图替代文字",
        max_length=200,
        blank=True,
        help_text="为看不到图片的读者描述图片内容；留空时使用图片标题。",
    )
    lead_image_caption = models.CharField("主图图注", max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="正文", blank=True)
    document_number = models.CharField("文号", max_length=60, blank=True, help_text="通知公告的发文字号。")
    issuing_body = models.CharField("发文单位", max_length=100, blank=True)
    source_name = models.CharField("来源", max_length=100, blank=True, help_text="留空时显示本站名称。")
    source_url = models.URLField("来源链接", blank=True)
    original_title = models.CharField("原标题", max_length=200, blank=True, help_text="转载时填写。")
    original_author = models.CharField("原作者", max_length=100, blank=True, help_text="转载时填写。")
    authors = models.CharField("作者", max_length=200, blank=True, help_text="多位作者用逗号分隔。")
    responsible_editor = models.CharField("责任编辑", max_length=60, blank=True)
    display_date = models.DateTimeField(
        "显示日期",
        null=True,
        blank=True,
        db_index=True,
        help_text="文章上显示的日期，留空时使用首次发布的时间。何时上线由状态栏中的定时发布设置决定。",
    )
    tags = ClusterTaggableManager("标签", through=ArticleTag, blank=True)
    is_headline = models.BooleanField("头条", default=False, help_text="在首页头条区显示。")

    objects = ArticleManager()

    parent_page_types = ["news.NewsSectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kicker"), FieldPanel("subtitle")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt"), FieldPanel("lead_image_caption")],
            heading="主图",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldRowPanel([FieldPanel("original_title"), FieldPanel("original_author")]),
                FieldRowPanel([FieldPanel("authors"), FieldPanel("responsible_editor")]),
                FieldPanel("display_date"),
            ],
            heading="来源与署名",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("document_number"), FieldPanel("issuing_body")])],
            heading="通知公告",
            classname="collapsed",
        ),
        FieldPanel("tags"),
        FieldPanel("is_headline"),
        InlinePanel("related_links", label="相关阅读（手动指定）"),
        InlinePanel("worker_links", label="相关劳模"),
    ]
    # Everything the article page shows a reader is findable; the title stays the only
    # boosted field (Page.search_fields), so it ranks first. The body's blocks give their
    # text, captions, table cells and attachment names; `shown_extra_text` adds what they do not.
    search_fields = Page.search_fields + [
        index.SearchField("kicker"),
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("lead_image_caption"),
        index.SearchField("original_title"),
        index.SearchField("original_author"),
        index.SearchField("source_name"),
        index.SearchField("authors"),
        index.SearchField("responsible_editor"),
        index.SearchField("document_number"),
        index.SearchField("issuing_body"),
        index.SearchField("shown_extra_text"),
        index.FilterField("display_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        indexes = [models.Index(fields=["is_headline", "display_date"], name="news_article_headline_idx")]

    def save(self, *args, **kwargs):
        # The displayed date defaults to the moment of first publication.
        if self.display_date is None and self.live:
            self.display_date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (self.original_title or self.original_author) and not self.source_name:
            raise ValidationError({"source_name": "转载文章请填写来源。"})

    def shown_extra_text(self):
        """Body text the page shows that the blocks' own searchable content leaves out: an
        attachment's file title when it has no display name, a table's caption."""
        texts = []
        for block in self.body or []:
            value = block.value
            if block.block_type == "document" and not value.get("title") and value.get("document"):
                texts.append(value["document"].title)
            elif block.block_type == "table" and value and value.get("table_caption"):
                texts.append(value["table_caption"])
        return " ".join(texts)

    @property
    def author_list(self):
        return [name.strip() for name in self.authors.replace("，", ",").split(",") if name.strip()]

    @property
    def is_reprint(self):
        return bool(self.original_title or self.original_author)

    @property
    def is_published_for_readers(self):
        return bool(self.live and self.display_date and self.display_date <= timezone.now())

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_meta_image(self):
        return self.social_image or self.lead_image

    def get_og_type(self):
        return "article"

    def get_tag_list(self):
        """Tags in name order (in a preview, those of the editor's form)."""
        return sorted(self.tags.all(), key=lambda tag: tag.name)

    def get_section(self):
        """The parent 栏目."""
        return NewsSectionPage.objects.filter(path=self.path[: -self.steplen]).order_by().first()

    def get_news_index(self):
        """The site's news index (tag and archive links point there); None if there is none."""
        site_root_path = self.path[: self.steplen * 2]
        return (
            NewsIndexPage.objects.live()
            .filter(path__startswith=site_root_path)
            .only("id", "title", "url_path", "path", "depth")
            .first()
        )

    def get_government_meta(self, site_settings=None, context=None):
        """`context`: the page's template context (see `news.context.article_context`); its
        section, tags and sharing image are used from there, else looked up."""
        context = context or {}
        meta = super().get_government_meta(site_settings, context)
        section = context["section"] if "section" in context else self.get_section()
        if section is not None:
            meta += section.column_meta()
        site_name = getattr(site_settings, "site_name", "") if site_settings else ""
        meta += [
            ("ArticleTitle", self.title),
            (
                "PubDate",
                timezone.localtime(self.display_date).strftime("%Y-%m-%d %H:%M") if self.display_date else "",
            ),
            ("ContentSource", self.source_name or site_name),
        ]
        tags = (
            news_context.resolved(context["article_tags"])
            if "article_tags" in context
            else self.get_tag_list()
        )
        keywords = self.seo_keywords or ",".join(tag.name for tag in tags)
        optional = [
            ("Keywords", keywords),
            ("Author", ",".join(self.author_list)),
            ("Description", self.get_meta_description()),
            ("Image", context.get("meta_image_url", "")),
            ("Url", self.full_url or ""),
        ]
        return meta + [(name, value) for name, value in optional if value]

    def get_sitemap_urls(self, request=None):
        if not self.is_published_for_readers:
            return []
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["lastmod"] = self.last_published_at or self.display_date
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(news_context.article_context(self, request))
        return context


class ArticleRelatedLink(Orderable):
    """A hand-picked 相关阅读 entry, in the editor's order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name="相关文章", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "相关阅读"
        verbose_name_plural = "相关阅读"


class ArticleDailyViews(models.Model):
    """阅读量 per article and day; written only by the view-count POST endpoint."""

    objects = DailyViewsQuerySet.as_manager()

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="daily_views")
    date = models.DateField("日期")
    views = models.PositiveIntegerField("阅读量", default=0)

    class Meta:
        verbose_name = "每日阅读量"
        verbose_name_plural = "每日阅读量"
        constraints = [models.UniqueConstraint(fields=["article", "date"], name="news_daily_views_unique")]
        indexes = [models.Index(fields=["date", "article"], name="news_daily_views_date_idx")]

    def __str__(self):
        return f"{self.article_id} {self.date}: {self.views}"
