from django.db import models
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site, get_page_models
from wagtail.search import index

from . import site_cache
from .blocks import BodyStreamBlock, LinkBlock, ServiceEntryBlock
from .mixins import BasePage
from .routing import CachedRoutingMixin

HOME_SECTIONS_HOOK = "union_home_sections"


class HomePage(CachedRoutingMixin, BasePage, Page):
    """The front page: a headline area, service shortcuts and the sections
    that other apps register through the `union_home_sections` hook."""

    banner_title = models.CharField("头图标题", max_length=80, blank=True)
    banner_text = models.CharField("头图说明", max_length=200, blank=True)
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="头图图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="头图链接页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    services = StreamField(
        [("service", ServiceEntryBlock())],
        verbose_name="服务入口",
        blank=True,
        help_text="首页的快捷服务，例如 12351 职工服务热线、网上入会、法律援助。",
    )
    latest_count = models.PositiveSmallIntegerField("最新内容条数", default=8)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("banner_title"),
                FieldPanel("banner_text"),
                FieldPanel("banner_image"),
                FieldPanel("banner_page"),
            ],
            heading="头图区",
        ),
        FieldPanel("services"),
        FieldPanel("latest_count"),
    ]
    promote_panels = BasePage.seo_panels + [FieldPanel("show_in_menus")]

    class Meta:
        verbose_name = "首页"
        verbose_name_plural = "首页"

    def latest_pages(self):
        """Newest live, public items (page types with `listed_in_latest`) on the site.

        Built once per change to the site and at least once a minute, since items
        dated in the future join the list when their time comes."""
        return site_cache.remember(
            f"home-latest:{self.pk}:{self.latest_count}", self._latest_pages, timeout=60
        )

    def _latest_pages(self):
        item_models = [model for model in get_page_models() if getattr(model, "listed_in_latest", False)]
        if not item_models:
            return []
        pages = (
            Page.objects.type(*item_models)
            .live()
            .public()
            .descendant_of(self)
            .filter(first_published_at__lte=timezone.now())
        )
        for model in item_models:
            # Item types with their own display date (articles) name the pages that are not due yet.
            not_yet_visible = getattr(model, "not_yet_visible", None)
            if not_yet_visible is not None:
                pages = pages.exclude(pk__in=not_yet_visible())
        return list(
            pages.order_by("-first_published_at").defer_streamfields().specific()[: self.latest_count]
        )

    def home_sections(self, request):
        """Blocks contributed by the apps, in their declared order."""
        sections = []
        for hook in hooks.get_hooks(HOME_SECTIONS_HOOK):
            section = hook(self, request)
            if section:
                sections.append(section)
        return sorted(sections, key=lambda section: section["order"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = self.home_sections(request)
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide identity and the footer that public-body sites must carry."""

    site_name = models.CharField("网站名称", max_length=60, default="青海工会网")
    site_domain = models.CharField(
        "网站域名", max_length=100, blank=True, help_text="用于 SiteDomain 元标签，例如 www.qhgh.org.cn"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="标志",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.CharField("主办单位", max_length=100, blank=True)
    operator = models.CharField("承办单位", max_length=100, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    postcode = models.CharField("邮编", max_length=10, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    hotline = models.CharField(
        "职工服务热线", max_length=20, blank=True, default="12351", help_text="全总职工服务热线 12351。"
    )
    email = models.EmailField("联系邮箱", blank=True)
    icp_number = models.CharField(
        "ICP 备案号", max_length=60, blank=True, help_text="链接到 https://beian.miit.gov.cn"
    )
    police_number = models.CharField("公网安备号", max_length=60, blank=True)
    police_link = models.URLField(
        "公网安备链接",
        blank=True,
        help_text="全国互联网安全管理服务平台上本站备案信息的地址。",
    )
    site_id_code = models.CharField("网站标识码", max_length=30, blank=True)
    party_gov_badge = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="党政机关标识",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    party_gov_badge_link = models.URLField("党政机关标识链接", blank=True)
    footer_links = StreamField([("link", LinkBlock())], verbose_name="页脚链接", blank=True)
    copyright_note = models.CharField("版权声明", max_length=200, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("site_domain"), FieldPanel("logo")], heading="网站"
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("operator"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("hotline"),
                FieldPanel("email"),
            ],
            heading="主办与联系",
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("police_number"),
                FieldPanel("police_link"),
                FieldPanel("site_id_code"),
                FieldPanel("party_gov_badge"),
                FieldPanel("party_gov_badge_link"),
            ],
            heading="备案与标识",
        ),
        FieldPanel("footer_links"),
        FieldPanel("copyright_note"),
    ]

    class Meta:
        verbose_name = "站点设置"

    @classmethod
    def for_request(cls, request):
        """From the site cache: the header, footer and meta tags of every public page read these.

        Only the reader's side is cached; the settings editor loads `for_site()`
        from the database, so it never edits a stale copy.
        """
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            instance = site_cache.remember(
                f"site-settings:{site.pk}", lambda: cls._for_site_with_images(site)
            )
            instance._request = request  # as Wagtail does: page URLs in the settings reuse the request's site
            setattr(request, attr_name, instance)
        return getattr(request, attr_name)

    @classmethod
    def _for_site_with_images(cls, site):
        instance = cls.for_site(site)
        # Loaded now so that the cached copy carries them.
        _ = instance.logo, instance.party_gov_badge
        return instance

    @property
    def icp_link(self):
        return "https://beian.miit.gov.cn/"


class StandardPage(BasePage, Page):
    """Plain pages: 关于我们, 联系我们, 隐私声明, 网站声明."""

    intro = models.CharField("导语", max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="正文", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = BasePage.seo_panels + [FieldPanel("show_in_menus")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "通用页面"
        verbose_name_plural = "通用页面"


class SiteCacheVersion(models.Model):
    """The site cache's version (`home.site_cache`): one row, changed in the same transaction as the edit.

    In the database rather than in the cache so that every server process (and
    the scheduler that publishes in its own process) sees a change at once,
    whatever cache each process keeps.
    """

    number = models.BigIntegerField("版本号", default=1)
    changed_at = models.DateTimeField("更改时间", default=timezone.now)

    class Meta:
        verbose_name = "站点缓存版本"
        verbose_name_plural = "站点缓存版本"

    def __str__(self):
        return f"{self.number}（{self.changed_at:%Y-%m-%d %H:%M:%S}）"
