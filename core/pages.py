"""Abstract behaviour that the site's page types share."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from sitecache.pages import CachedViewRestrictionsMixin

from .models import optional_image
from .slugs import PinyinSlugMixin, PinyinSlugPageForm


class SeoMixin(models.Model):
    """Meta tags: description, keywords, OpenGraph and the government web-page tags.

    Wagtail's `search_description` is the description; pages add keywords and
    an optional sharing image. Subclasses extend `get_government_meta()` with
    their column- or article-level tags (政府网站网页设计规范).
    """

    seo_keywords = models.CharField(
        "关键词",
        max_length=255,
        blank=True,
        help_text="用于 keywords 与 ColumnKeywords 元标签，多个词用逗号分隔。",
    )
    social_image = optional_image("分享图片", help_text="分享到微信等平台时显示的图片；留空时使用页面主图。")

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("seo_keywords"),
                FieldPanel("social_image"),
            ],
            heading="搜索引擎与分享",
        )
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or ""

    def get_meta_image(self):
        return self.social_image

    def get_og_type(self):
        return "website"

    # A 栏目 (column) page names its kind here for the ColumnType tag; other pages leave it None.
    column_type = None

    def get_column_keywords(self):
        return self.seo_keywords or self.title

    def column_meta(self):
        """The column tags (ColumnName/Description/Keywords/Type), empty values left out.

        Column pages send them; an article sends its section's."""
        meta = [
            ("ColumnName", self.title),
            ("ColumnDescription", self.get_meta_description()),
            ("ColumnKeywords", self.get_column_keywords()),
            ("ColumnType", self.column_type),
        ]
        return [(name, value) for name, value in meta if value]

    def get_government_meta(self, site_settings=None, context=None):
        """Site-level tags, and the column tags on column pages; articles add theirs.

        `context` is the page's template context, for page types whose tags repeat
        what their page already shows (an article's section and tags)."""
        meta = [("SiteName", getattr(site_settings, "site_name", "") or settings.WAGTAIL_SITE_NAME)]
        if site_settings is not None:
            if site_settings.site_domain:
                meta.append(("SiteDomain", site_settings.site_domain))
            if site_settings.site_id_code:
                meta.append(("SiteIDCode", site_settings.site_id_code))
        if self.column_type:
            meta += self.column_meta()
        return meta


class CacheControlMixin:
    """Let shared caches (CDN, reverse proxy) keep public pages.

    Anonymous GETs of pages without view restrictions are public for
    `PAGE_CACHE_SECONDS` at the CDN and a minute in the browser; publishing
    purges them through wagtail.contrib.frontend_cache. Pages that embed a
    form with a CSRF token set `cache_publicly = False`.
    """

    cache_publicly = True
    browser_cache_seconds = 60

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.is_publicly_cacheable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=self.browser_cache_seconds,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def is_publicly_cacheable(self, request, response):
        if not self.cache_publicly or request.method not in ("GET", "HEAD"):
            return False
        if response.status_code != 200 or getattr(request, "is_preview", False):
            return False
        if request.user.is_authenticated:
            return False
        return not self.get_view_restrictions().exists()


DISPLAY_DATE_FIELD = "display_date"
# A displayed date typed as "now" a few minutes ahead of the clock is not a future date.
DISPLAY_DATE_GRACE = timedelta(minutes=10)


def _local(value):
    return timezone.localtime(value).strftime("%Y年%-m月%-d日 %H:%M")


class BasePageForm(PinyinSlugPageForm):
    """The admin form of every page type: pinyin slugs, and a 显示日期 that cannot run ahead of
    the moment the page goes live.

    显示日期 (`display_date`, on the content tab) is only the date printed on the page; when the page
    reaches the public is the 定时上线时间 (`go_live_at`, the status panel's 设置计划). A future
    显示日期 on a page that goes live at once would show a date that has not come yet, so it is
    refused with the way to schedule instead; with a 定时上线时间 set, 显示日期 may be anything up to it.
    """

    def clean(self):
        cleaned_data = super().clean()
        shown = cleaned_data.get(DISPLAY_DATE_FIELD)
        if shown is None or DISPLAY_DATE_FIELD not in self.fields:
            return cleaned_data
        go_live = cleaned_data.get("go_live_at") if "go_live_at" in self.fields else None
        now = timezone.now()
        if go_live and go_live > now:
            if shown > go_live + DISPLAY_DATE_GRACE:
                self.add_error(
                    DISPLAY_DATE_FIELD,
                    f"显示日期（{_local(shown)}）晚于定时上线时间（{_local(go_live)}）：读者会在文章上看到一个还没到的日期。"
                    "请把显示日期改为不晚于定时上线时间，或留空（留空即显示上线时间）。",
                )
        elif shown > now + DISPLAY_DATE_GRACE:
            self.add_error(
                DISPLAY_DATE_FIELD,
                f"显示日期（{_local(shown)}）还没到，而本文审核通过后会立即上线。"
                "要定时发布请用定时上线时间（右侧状态栏 › 设置计划），显示日期可以留空（留空即显示上线时间）。",
            )
        return cleaned_data


class BasePage(PinyinSlugMixin, CachedViewRestrictionsMixin, CacheControlMixin, SeoMixin):
    """What every page type of the site shares (used as `BasePage, Page`): pinyin slugs in
    code and in the admin, a 显示日期 that never runs ahead of going live, the 推广 tab, meta tags, cache headers and cached view restrictions."""

    base_form_class = BasePageForm
    promote_panels = SeoMixin.seo_panels + [FieldPanel("show_in_menus")]

    class Meta:
        abstract = True
