"""Site-wide feeds, the 订阅 page and the OPML file of every feed."""

from xml.sax.saxutils import XMLGenerator

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from .registry import grouped_feeds, site_items_queryset, site_name_for
from .rendering import render_feed

OPML_TYPE = "text/x-opml; charset=utf-8"


def site_feed(request, flavour):
    return render_feed(
        request,
        lambda: site_items_queryset(request),
        title=lambda: f"{site_name_for(request)}：全部更新",
        link="/",
        description=lambda: f"{site_name_for(request)}发布的全部新闻，按发布时间排列。",
        flavour=flavour,
    )


def subscribe(request):
    groups = grouped_feeds(request)
    response = render(
        request,
        "feeds/subscribe.html",
        {
            "groups": groups,
            "site_name": site_name_for(request),
            "feed_count": sum(len(sources) for _, sources in groups),
        },
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


def opml(request):
    """OPML 2.0 with one outline per RSS feed, grouped like the 订阅 page."""
    site_name = site_name_for(request)
    response = HttpResponse(content_type=OPML_TYPE)
    response["Content-Disposition"] = 'attachment; filename="qhgh-feeds.opml"'
    xml = XMLGenerator(response, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("opml", {"version": "2.0"})
    xml.startElement("head", {})
    for name, value in (
        ("title", f"{site_name}订阅源"),
        ("dateCreated", http_date(timezone.now().timestamp())),
        ("docs", "http://opml.org/spec2.opml"),
    ):
        xml.startElement(name, {})
        xml.characters(value)
        xml.endElement(name)
    xml.endElement("head")
    xml.startElement("body", {})
    for group, sources in grouped_feeds(request):
        xml.startElement("outline", {"text": group, "title": group})
        for source in sources:
            xml.startElement(
                "outline",
                {
                    "type": "rss",
                    "text": source.title,
                    "title": source.title,
                    "xmlUrl": request.build_absolute_uri(source.rss_url),
                    "htmlUrl": request.build_absolute_uri(source.html_url or "/"),
                    "language": "zh-cn",
                },
            )
            xml.endElement("outline")
        xml.endElement("outline")
    xml.endElement("body")
    xml.endElement("opml")
    xml.endDocument()
    patch_cache_control(response, public=True, max_age=300)
    return response
