from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock, LinkBlock, ServiceEntryBlock
from core.items import newest_items_below
from core.models import optional_image, optional_reference
from core.pages import BasePage
from sitecache.pages import CachedSiteSettingMixin
from sitecache.routing import CachedRoutingMixin


class HomePage(CachedRoutingMixin, BasePage, Page):
    """The front page: a banner, service shortcuts, the blocks named in
    `settings.HOME_PAGE_SECTIONS` and the latest items (see `home.sections`)."""

    banner_title = models.CharField("头图标题", max_length=80, blank=True)
    banner_text = models.CharField("头图说明", max_length=200, blank=True)
    banner_image = optional_image("头图图片")
    banner_page = optional_reference("wagtailcore.Page", "头图链接页面")
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

    class Meta:
        verbose_name = "首页"
        verbose_name_plural = "首页"

    def latest_pages(self):
        """Newest items the site publishes (`settings.SITE_ITEM_PAGE_TYPES`) below this page."""
        return newest_items_below(self, self.latest_count)


@register_setting(icon="site")
class SiteSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """Site-wide identity and the footer that public-body sites must carry."""

    site_name = models.CharField("网站名称", max_length=60, default="青海工会网")
    site_domain = models.CharField(
        "网站域名", max_length=100, blank=True, help_text="用于 SiteDomain 元标签，例如 www.qhgh.org.cn"
    )
    logo = optional_image("标志")
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
    party_gov_badge = optional_image("党政机关标识")
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

    # Loaded before the reader's copy is cached, so that the copy carries them.
    related_to_load = ("logo", "party_gov_badge")

    class Meta:
        verbose_name = "站点设置"

    @property
    def icp_link(self):
        return "https://beian.miit.gov.cn/"


class StandardPage(BasePage, Page):
    """Plain pages: 关于我们, 联系我们, 隐私声明, 网站声明."""

    intro = models.CharField("导语", max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="正文", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "通用页面"
        verbose_name_plural = "通用页面"
