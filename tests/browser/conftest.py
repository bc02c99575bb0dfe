"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Speed: loading the whole demo site publishes every page through Wagtail's workflow machinery
(20-70 s), so it happens ONCE for this package, not per test. `demo_server` commits the demo content,
starts pytest-django's LiveServer (the class behind its `live_server` fixture), and at the end flushes
the database and restores the snapshot it took first, so the rest of the suite never sees it. Each
test still runs in pytest-django's usual rolled-back transaction: on SQLite (in memory) the server
shares that connection, so what a test writes through the browser (a sign-up, a draft) disappears
with it; on PostgreSQL such writes are committed and removed by the final flush.

One Chromium for the package, one fresh browser context (cookies, viewport) per test. Playwright never
downloads a browser: it launches /usr/bin/chromium, and the tests skip with the reason when it is
missing (or fail, when the CI set UNION_REQUIRE_BROWSER=1 because chromium should be there).
"""

import io
import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import override_settings
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site


@contextmanager
def orm_beside_playwright():
    """Playwright's sync API keeps an asyncio loop running in this thread, which makes Django refuse
    ORM calls; they are still plain synchronous calls, so allow them, but only meanwhile (the variable
    must not leak into the rest of the suite, e.g. `check --deploy` refuses it)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


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

browser_db = pytest.mark.django_db


def _unavailable(reason):
    if os.environ.get("UNION_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (UNION_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def _require_browser():
    if not CHROMIUM.exists():
        _unavailable("没有 /usr/bin/chromium：用 apt-get install chromium 安装后才能运行浏览器测试")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("没有安装 playwright（requirements-dev.txt）")


@pytest.fixture(scope="package")
def browser_and_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """Chromium plus the whole demo site, committed once and served by a live server.

    The order matters, hence one fixture: Playwright starts first (Django's database connections
    seen from this thread differ once its event loop runs, and the live server must share the very
    connection the tests use on in-memory SQLite); the browser closes before the server stops (no
    keep-alive request left holding a database connection); the database is restored last, and
    Playwright's loop stops before the rest of the suite runs.
    """
    _require_browser()
    from playwright.sync_api import sync_playwright

    media = tmp_path_factory.mktemp("browser-media")
    with orm_beside_playwright(), django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        playwright = sync_playwright().start()
        browser = server = snapshot = None
        try:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            snapshot = connection.creation.serialize_db_to_string()
            call_command("load_demo_content", stdout=io.StringIO())
            server = LiveServer("localhost")
            site = Site.objects.get(is_default_site=True)
            site.hostname, site.port = "localhost", server.thread.port
            site.save()
            yield browser, server
        finally:
            if browser is not None:
                browser.close()
            if server is not None:
                server.stop()
            if snapshot is not None:
                # As Django's serialized rollback does it: keep the sequences ahead of the restored rows.
                call_command(
                    "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
                )
                connection.creation.deserialize_db_from_string(snapshot)
            # The connection opened while Playwright's loop ran is not the one the rest of the suite
            # uses; close it, or PostgreSQL cannot drop the test database at the end.
            connections.close_all()
            playwright.stop()


@pytest.fixture(scope="package")
def chromium(browser_and_server):
    return browser_and_server[0]


@pytest.fixture(scope="package")
def demo_server(browser_and_server):
    return browser_and_server[1]


@pytest.fixture(autouse=True)
def _isolated_media():
    """Overrides the suite's per-test MEDIA_ROOT: browser tests share demo_server's images."""


@pytest.fixture
def demo_site(demo_server, db):
    return demo_server


@contextmanager
def open_page(chromium, server, viewport, check_js=True, **options):
    """A page in a browser of its own (own cookies) on `server`; closed afterwards, and with
    `check_js` the test fails on any JavaScript error the page raised."""
    context = chromium.new_context(base_url=server.url, viewport=viewport, locale="zh-CN", **options)
    context.set_default_timeout(15_000)
    # The first view of a page renders its image sizes (AVIF is slow to encode on a busy CI box).
    context.set_default_navigation_timeout(90_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    context.close()
    if check_js:
        assert not page.js_errors, f"JavaScript errors: {page.js_errors}"


def page_fixture(viewport, check_js=True, **options):
    """A fixture: a page of `open_page` on the demo site, in a browser of its own, with these options."""

    @pytest.fixture
    def fixture(chromium, demo_site):
        with open_page(chromium, demo_site, viewport, check_js=check_js, **options) as page:
            yield page

    return fixture


# A 360 px wide phone screen showing the demo site; fails the test on any JavaScript error.
phone = page_fixture(PHONE)
desktop = page_fixture(DESKTOP)
phone_without_js = page_fixture(PHONE, check_js=False, java_script_enabled=False)


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SCRIPT.exists():
        _unavailable("没有 node_modules/axe-core：先运行 make install-dev（npm ci）")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page, axe_source):
    """axe-core's WCAG 2.1 A/AA (and best-practice) violations on the page as shown now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through DevTools rather than a <script> tag: the site's Content-Security-Policy refuses
        # inline scripts, as it should, and the site's own scripts stay under it.
        page.evaluate(f"() => {{ {axe_source}\n }}")
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }"""
    )
    return [json.dumps(v, ensure_ascii=False, indent=1) for v in result]


def use_care_mode(page, server):
    """Start `page`'s browser context in 关怀模式, as a reader who chose it earlier would."""
    page.context.add_cookies([{"name": "care_mode", "value": "1", "url": server.url}])


def horizontal_overflow(page):
    """Elements sticking out to the right of the viewport (a reader would have to scroll sideways)."""
    return page.evaluate(
        """() => { const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 8).map(e => `${e.tagName.toLowerCase()}.${e.className} right=${e.getBoundingClientRect().right}`); }"""
    )


def no_horizontal_scroll(page):
    return not horizontal_overflow(page)
