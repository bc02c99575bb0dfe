"""Article page helpers: the sharing QR code and the NewsArticle JSON-LD."""

import hashlib
import json
from zoneinfo import ZoneInfo

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe

from home.models import SiteSettings

register = template.Library()

QR_CACHE_SECONDS = 24 * 3600
# JSON inside <script> must not be able to close the element or open a comment.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag
def qr_svg(url, title="本页二维码"):
    """The URL as an inline SVG QR code, drawn on the server (no external service)."""
    if not url:
        return ""
    key = "news:qr:" + hashlib.sha256(f"{title}\n{url}".encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        # Imported here: most requests find the code in the cache and never need segno.
        import segno

        code = segno.make(url, error="m", micro=False)
        svg = code.svg_inline(
            scale=4,
            border=2,
            dark="#000",
            light="#fff",
            title=title,
            svgclass="qr-code",
            lineclass=None,
        )
        cache.set(key, svg, QR_CACHE_SECONDS)
    return mark_safe(svg)  # segno escapes the title; the URL is only encoded in the path.


def json_ld_script(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, page, image_url=""):
    """schema.org NewsArticle for search engines."""
    request = context.get("request")
    site_name = SiteSettings.for_request(request).site_name if request is not None else ""
    published = page.display_date or page.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": "zh-CN",
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if published:
        data["datePublished"] = timezone.localtime(published).replace(microsecond=0).isoformat()
    modified = page.last_published_at or published
    if modified:
        latest = max(modified, published) if published else modified
        data["dateModified"] = timezone.localtime(latest).replace(microsecond=0).isoformat()
    authors = page.author_list
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    else:
        data["author"] = [{"@type": "Organization", "name": page.source_name or site_name}]
    if page.get_meta_description():
        data["description"] = page.get_meta_description()
    if image_url:
        data["image"] = [str(image_url)]
    return json_ld_script(data)


@register.filter
def beijing_time(value, fmt="%Y-%m-%d %H:%M"):
    """A datetime shown in Beijing time, whatever the active time zone."""
    if not value:
        return ""
    return timezone.localtime(value, ZoneInfo("Asia/Shanghai")).strftime(fmt)
