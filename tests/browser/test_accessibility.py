"""axe-core on every kind of page a reader meets, on a phone, in normal and 关怀模式 (elder-friendly)."""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

from campaigns.models.campaign import CampaignPage
from news.models import ArticlePage, NewsSectionPage
from workers.models.pages import WorkerIndexPage, WorkerPage

from .conftest import axe_violations, browser_db, horizontal_overflow, use_care_mode

pytestmark = [pytest.mark.browser, browser_db]


# Every stylesheet and script the page references. Their weight is read from the files themselves:
# the browser's resource timing reports 0 bytes for copies it took from its own cache.
CSS_AND_JS_URLS = """() => Array.from(document.querySelectorAll('link[rel~="stylesheet"][href], script[src]'))
    .map(element => element.href || element.src)"""


def css_and_js_weights(page):
    """Uncompressed bytes of each stylesheet and script; an asset from another host is a finding."""
    weights = {}
    for url in page.evaluate(CSS_AND_JS_URLS):
        parts = urlsplit(url)
        if parts.netloc != urlsplit(page.url).netloc or not parts.path.startswith(settings.STATIC_URL):
            weights[url] = None
            continue
        found = finders.find(parts.path[len(settings.STATIC_URL) :])
        weights[url] = os.path.getsize(found) if found else None
    return weights


# Images downloaded much larger than they are shown (a phone pays for pixels nobody sees).
OVERSIZED_IMAGES = """() => Array.from(document.images)
    .filter(img => img.complete && img.naturalWidth && img.getBoundingClientRect().width)
    .filter(img => img.naturalWidth > 2 * img.getBoundingClientRect().width + 64)
    .map(img => `${img.currentSrc} ${img.naturalWidth}px shown at ${Math.round(img.getBoundingClientRect().width)}px`)"""


def _first_url(model, **filters):
    page = model.objects.live().public().filter(**filters).order_by("path").first()
    assert page is not None, f"the demo content has no live {model.__name__}"
    return page.url


def reader_pages():
    """(name, path) of one page of each kind named in the accessibility requirement."""
    return [
        ("首页", "/"),
        ("栏目", _first_url(NewsSectionPage)),
        ("文章", ArticlePage.objects.live().public().order_by("-display_date").first().url),
        ("劳模风采", _first_url(WorkerIndexPage)),
        ("劳模个人页", _first_url(WorkerPage)),
        ("专题活动", _first_url(CampaignPage)),
        ("搜索结果", "/search/?q=劳模"),
        ("订阅", "/subscribe/"),
        ("通用页面", Page.objects.get(slug="about").url),
    ]


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care-mode"])
def test_reader_pages_pass_axe_fit_a_phone_and_stay_light(phone, demo_site, axe_source, care):
    """axe-core finds nothing, nothing sticks out sideways at 360 px, images come in a size for the
    screen, and the CSS and JavaScript a page loads add up to at most 100 KB (before compression)."""
    if care:
        use_care_mode(phone, demo_site)
    problems = {}
    for name, path in reader_pages():
        response = phone.goto(path)
        assert response.status == 200, (name, path, response.status)
        assert phone.evaluate("() => document.documentElement.classList.contains('care-mode')") is care
        found = axe_violations(phone, axe_source)
        overflow = horizontal_overflow(phone)
        if overflow:
            found.append(f"页面在 360 px 宽的手机上需要左右滚动：{overflow}")
        weights = css_and_js_weights(phone)
        assert any(url.endswith("site.css") and size for url, size in weights.items()), weights
        foreign = [url for url, size in weights.items() if size is None]
        if foreign:
            found.append(f"页面引用了站外或不存在的 CSS/JavaScript：{foreign}")
        elif sum(weights.values()) > 100 * 1024:
            found.append(f"CSS 和 JavaScript 超过 100 KB：{weights}")
        oversized = phone.evaluate(OVERSIZED_IMAGES)
        if oversized:
            found.append(f"图片比显示尺寸大得多：{oversized}")
        if found:
            problems[f"{name} {path}"] = found
    assert not problems, "\n".join(f"{page}:\n" + "\n".join(found) for page, found in problems.items())


def test_home_and_article_have_no_axe_violations_on_a_desktop(desktop, axe_source):
    for path in ("/", ArticlePage.objects.live().public().order_by("-display_date").first().url):
        desktop.goto(path)
        assert axe_violations(desktop, axe_source) == [], path
