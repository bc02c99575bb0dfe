"""Load on the production stack (deploy/stack.sh): `bench/stack_load.sh` runs it headless.

Readers: home, sections, articles, search, feeds; a share of them with 关怀模式 and a large text
size (their own copies at the proxy). An editor publishes and unpublishes an article every 30 s
through the stack's Django (node A's settings), and a checker reads each just-published URL and its
section through the proxy after 1 s: a read that still lacks the item is a stale read, reported as
a failure of the "stale-after-purge" request name.

    STACK_HOST=http://127.0.0.1:8080 locust -f bench/locustfile.py --headless -u 40 -r 10 -t 5m
"""

import os
import random
import subprocess
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, constant, events, task

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ["/gong-hui-yao-wen/", "/ji-ceng-dong-tai/", "/lao-dong-bao-hu/", "/tong-zhi-gong-gao/", "/news/"]
SEARCHES = ["工会", "劳模", "职工", "维权", "培训", "青海"]
FEEDS = ["/feed/", "/news/feed/", "/gong-hui-yao-wen/feed/"]
ARTICLES = []
PUBLISHED = []  # (title, url, published_at) for the checker


def _django(code):
    done = subprocess.run(
        [str(ROOT / "deploy" / "stack.sh"), "manage", "shell", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-1000:])
    return done.stdout.strip().splitlines()[-1]


@events.test_start.add_listener
def _load_articles(environment, **kwargs):
    # Article addresses from the site's own sitemap (fast: no Django start-up before the clock runs).
    import re
    from urllib.parse import urlparse

    import requests

    sitemap = requests.get(environment.host.rstrip("/") + "/sitemap.xml", timeout=30).text
    paths = [urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    ARTICLES[:] = [path for path in paths if path.count("/") >= 3 and not path.startswith("/news/")][:200]


class Reader(HttpUser):
    wait_time = between(0, 0.2) if os.environ.get("SATURATE") != "0" else between(1, 3)

    def on_start(self):
        if random.random() < 0.2:  # a fifth of readers in 关怀模式 with large text
            self.client.cookies.set("care_mode", "1")
            self.client.cookies.set("text_size", "large")

    @task(3)
    def home(self):
        self.client.get("/", name="home")

    @task(3)
    def section(self):
        self.client.get(random.choice(SECTIONS), name="section")

    @task(6)
    def article(self):
        if ARTICLES:
            self.client.get(random.choice(ARTICLES), name="article")

    @task(1)
    def search(self):
        self.client.get(f"/search/?q={random.choice(SEARCHES)}", name="search")

    @task(1)
    def feed(self):
        self.client.get(random.choice(FEEDS), name="feed")


class Editor(HttpUser):
    """Publishes a new article every 30 s and unpublishes the previous one."""

    fixed_count = 1
    wait_time = constant(30)

    def on_start(self):
        self.previous = None

    @task
    def publish_and_unpublish(self):
        token = uuid.uuid4().hex[:8]
        title = f"压测发布{token}"
        start = time.time()
        try:
            url = _django(
                "from django.utils import timezone; from news.models import ArticlePage, NewsSectionPage; "
                "s = NewsSectionPage.objects.live().get(url_path__endswith='/gong-hui-yao-wen/'); "
                f"p = ArticlePage(title='{title}', slug='bench-{token}', live=False, display_date=timezone.now()); "
                "s.add_child(instance=p); p.save_revision().publish(); p.refresh_from_db(); print(p.url)"
            )
            if self.previous:
                _django(
                    f"from news.models import ArticlePage; ArticlePage.objects.get(slug='{self.previous}').unpublish()"
                )
            self.previous = f"bench-{token}"
            PUBLISHED.append((title, url, time.time()))
            failure = None
        except Exception as error:  # reported as a failed edit
            failure = error
        events.request.fire(
            request_type="EDIT",
            name="publish+unpublish",
            response_time=(time.time() - start) * 1000,
            response_length=0,
            exception=failure,
            context={},
        )


class Checker(HttpUser):
    """Reads each just-published article and its section 1 s after the publish returned."""

    fixed_count = 1
    wait_time = constant(0.5)

    def on_start(self):
        self.checked = 0

    @task
    def check(self):
        if self.checked >= len(PUBLISHED):
            return
        title, url, published_at = PUBLISHED[self.checked]
        if time.time() - published_at < 1.0:
            return
        self.checked += 1
        for path, name in (
            (url, "stale-after-purge article"),
            ("/gong-hui-yao-wen/", "stale-after-purge section"),
            ("/", "stale-after-purge home"),
        ):
            with self.client.get(path, name=name, catch_response=True) as response:
                if title not in response.text:
                    response.failure(
                        f"stale: {path} lacks {title} {time.time() - published_at:.1f}s after publish"
                    )


class StaticFile(HttpUser):
    """The proxy's ceiling: one small static file, cached at the proxy (`--class-picker` / by name)."""

    wait_time = between(0, 0.2)

    @task
    def static(self):
        self.client.get("/robots.txt", name="static")
