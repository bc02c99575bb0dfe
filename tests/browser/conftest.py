"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One Chromium per test session; each test gets a fresh browser context (cookies, viewport) and a
freshly loaded demo site. Playwright is never allowed to download a browser: it launches
/usr/bin/chromium. Without it the tests skip with the reason (or fail when the CI has set
UNION_REQUIRE_BROWSER=1, i.e. chromium should be there).
"""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

# Playwright's sync API keeps an asyncio loop running in this thread; Django's ORM calls made from
# the test body are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# Every browser test needs committed data the live-server thread can see, and the migrations'
# rows (Wagtail's root page, the default site) back after each flush.
browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _unavailable(reason):
    if os.environ.get("UNION_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (UNION_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        _unavailable("没有 /usr/bin/chromium：用 apt-get install chromium 安装后才能运行浏览器测试")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("没有安装 playwright（requirements-dev.txt）")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server):
    """The demo content of every app, served by the live server."""
    call_command("load_demo_content", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    host, port = live_server.url.removeprefix("http://").split(":")
    site.hostname, site.port = host, int(port)
    site.save()
    return live_server


def _new_page(chromium, live_server, viewport):
    context = chromium.new_context(base_url=live_server.url, viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    return context, page


@pytest.fixture
def phone(chromium, demo_site):
    """A 360 px wide phone screen showing the demo site."""
    context, page = _new_page(chromium, demo_site, PHONE)
    yield page
    context.close()
    assert not page.js_errors, f"JavaScript errors: {page.js_errors}"


@pytest.fixture
def desktop(chromium, demo_site):
    context, page = _new_page(chromium, demo_site, DESKTOP)
    yield page
    context.close()
    assert not page.js_errors, f"JavaScript errors: {page.js_errors}"


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SCRIPT.exists():
        _unavailable("没有 node_modules/axe-core：先运行 make install-dev（npm ci）")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page, axe_source):
    """axe-core's WCAG 2.1 A/AA violations on the page as shown now, as readable strings."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }"""
    )
    return [json.dumps(v, ensure_ascii=False, indent=1) for v in result]


def use_care_mode(page, live_server):
    """Start `page`'s browser context in 关怀模式, as a reader who chose it earlier would."""
    page.context.add_cookies([{"name": "care_mode", "value": "1", "url": live_server.url}])


def no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
