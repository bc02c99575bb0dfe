"""The production stack across nodes: publish on one node, read on the other and through Varnish;
limits and counters shared through Redis; one scheduled publication however many schedulers;
pages served while Redis is away. See conftest.py for the stack fixture."""

import json
import subprocess
import time
import uuid

import pytest

SECTION = "/gong-hui-yao-wen/"

CREATE = """
import json
from django.utils import timezone
from news.models import ArticlePage, NewsSectionPage
section = NewsSectionPage.objects.live().get(url_path__endswith="{section}")
page = ArticlePage(title="{title}", slug="{slug}", summary="多节点测试", display_date=timezone.now(), live=False)
section.add_child(instance=page)
page.tags.add("{tag}")
page.save_revision().publish()
page.refresh_from_db()
print(json.dumps({{"id": page.pk, "url": page.url}}))
"""

UNPUBLISH = """
from news.models import ArticlePage
ArticlePage.objects.get(pk={pk}).unpublish()
"""


def _answer(stack, code):
    """What `code` prints last in node A's Django shell, read as JSON (a number, a list, a dict)."""
    return json.loads(stack.django(code).strip().splitlines()[-1])


FIRST_LIVE_ARTICLE = (
    "from news.models import ArticlePage; print(ArticlePage.objects.live().order_by('pk').first().pk)"
)


def _publish(stack, tag="duojiedian"):
    token = uuid.uuid4().hex[:8]
    title = f"多节点发布测试{token}"
    return title, _answer(stack, CREATE.format(section=SECTION, title=title, slug=f"stack-{token}", tag=tag))


def _listings(stack):
    return [stack.proxy_url + path for path in ("/", SECTION, "/news/", f"{SECTION}feed/", "/feed/")]


def _shows(url, title, **kwargs):
    response = _get(url, **kwargs)
    return response.status_code == 200 and title in response.text


def _get(url, **kwargs):
    import requests

    return requests.get(url, timeout=30, **kwargs)


def test_a_publish_on_node_a_reaches_node_b_and_the_proxy_at_once(stack):
    # Warm Varnish with the listings first, so that a stale copy would be served without a purge.
    for url in _listings(stack) + [stack.proxy_url + "/news/tags/duojiedian/"]:
        _get(url)
        assert _get(url).headers.get("X-Cache") == "HIT", url

    title, article = _publish(stack)
    published_at = time.monotonic()

    assert _shows(stack.node_b + article["url"], title)  # origin, the other node: at once
    assert stack.eventually(lambda: _shows(stack.proxy_url + article["url"], title), 1.0)
    for url in _listings(stack) + [stack.proxy_url + "/news/tags/duojiedian/"]:
        assert stack.eventually(lambda url=url: _shows(url, title), 1.0), f"stale after purge: {url}"
    assert time.monotonic() - published_at < 5

    stack.django(UNPUBLISH.format(pk=article["id"]))
    assert _get(stack.node_b + article["url"]).status_code == 404
    assert stack.eventually(lambda: _get(stack.proxy_url + article["url"]).status_code == 404, 1.0)
    for url in _listings(stack):
        assert stack.eventually(lambda url=url: not _shows(url, title), 1.0), f"still listed: {url}"


def test_care_mode_readers_get_their_own_copy_from_the_cache(stack):
    url = stack.proxy_url + SECTION
    for _ in range(2):
        care = _get(url, cookies={"care_mode": "1", "text_size": "large", "sessionless": "x"})
        plain = _get(url, cookies={"_ga": "tracking"})
    assert 'class="no-js care-mode" data-text-size="large"' in care.text
    assert 'class="no-js" data-text-size="medium"' in plain.text
    # Both come from the cache: unrelated cookies were dropped, the display choice kept.
    assert care.headers["X-Cache"] == "HIT"
    assert plain.headers["X-Cache"] == "HIT"
    assert "Set-Cookie" not in plain.headers


def test_the_admin_and_forms_are_never_cached(stack):
    for _ in range(2):
        admin = _get(stack.proxy_url + "/admin/login/")
        lookup = _get(stack.proxy_url + "/ruhui/chaxun/")
    assert admin.headers["X-Cache"] == "MISS"
    assert lookup.headers["X-Cache"] == "MISS"
    assert "csrftoken" in lookup.cookies or "csrfmiddlewaretoken" in lookup.text


def test_purge_is_refused_from_outside_the_app_servers(stack):
    # 127.0.0.2 is this machine too, but not in backends.vcl's `purgers` ACL.
    done = subprocess.run(
        [
            "curl",
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "--interface",
            "127.0.0.2",
            "-X",
            "PURGE",
            stack.proxy_url + "/",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout == "405"


def _lookup(session, node, address):
    form = session.get(node + "/ruhui/chaxun/", timeout=30)
    token = session.cookies.get("csrftoken")
    assert token, form.status_code
    return session.post(
        node + "/ruhui/chaxun/",
        data={"code": "RH00000000", "mobile": "13800000000", "csrfmiddlewaretoken": token},
        headers={"X-Real-IP": address, "Referer": node + "/ruhui/chaxun/"},
        timeout=30,
    )


def test_rate_limits_are_shared_between_nodes(stack):
    import requests

    address = f"10.77.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    session = requests.Session()
    # The stack runs with JOINING_LOOKUP_RATE_LIMIT=3: three lookups on node A, the fourth on node B.
    for _ in range(3):
        assert _lookup(session, stack.node_a, address).status_code == 404
    assert _lookup(session, stack.node_b, address).status_code == 429


def _count_view(node, page_id, address):
    import requests

    response = requests.post(f"{node}/news-views/{page_id}/", headers={"X-Real-IP": address}, timeout=30)
    assert response.status_code == 200, response.text[:300]
    return response.json()


def test_view_counts_are_shared_between_nodes(stack):
    page_id = int(_answer(stack, FIRST_LIVE_ARTICLE))
    address = f"10.78.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    first = _count_view(stack.node_a, page_id, address)
    again = _count_view(stack.node_b, page_id, address)
    assert first["counted"] is True
    assert again["counted"] is False  # the same reader on the other node within the window
    other_address = f"10.81.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    other = _count_view(stack.node_b, page_id, other_address)
    assert other["counted"] is True
    assert other["views"] == first["views"] + 1


# Scheduled items go through 三审 as in the admin (the scheduler refuses revisions that did not):
# the writer submits, one member of each stage's group approves, and the last approval schedules.
SCHEDULE = """
import json, datetime, time
from django.contrib.auth import get_user_model
from django.utils import timezone
from news.models import ArticlePage, NewsSectionPage
User = get_user_model()
section = NewsSectionPage.objects.live().get(url_path__endswith="{section}")


def someone(used, groups=None):
    users = User.objects.filter(is_active=True).exclude(pk__in=used)
    if groups is not None:
        users = users.filter(groups__in=groups)
    user = users.order_by("pk").first()
    used.add(user.pk)
    return user


# Long enough for the twelve reviews on a loaded CI machine; the script fails clearly if not.
go_live = timezone.now() + datetime.timedelta(seconds=25)
ids = []
for n in range(12):
    page = ArticlePage(title="定时发布测试{token}-%d" % n, slug="sched-{token}-%d" % n, live=False,
                       display_date=timezone.now())
    section.add_child(instance=page)
    page.go_live_at = go_live
    used = set()
    writer = someone(used)
    page.save_revision(user=writer)
    state = page.get_workflow().start(page, writer)
    while True:
        state.refresh_from_db()
        if state.status != state.STATUS_IN_PROGRESS:
            break
        task_state = state.current_task_state
        task = task_state.task.specific
        task.on_action(task_state, someone(used, task.groups.all()), "approve")
    assert state.status == state.STATUS_APPROVED, state.status
    assert not ArticlePage.objects.get(pk=page.pk).live
    ids.append(page.pk)
if {wait_until_due}:
    time.sleep(max(0.0, (go_live - timezone.now()).total_seconds()))
print(json.dumps(ids))
"""

# A scheduler that finds the lock taken returns at once, while the one holding it may still be
# publishing: count only while holding the lock ourselves, i.e. between runs, until all are live.
COUNT_PUBLICATIONS = """
import json, time
from wagtail.models import PageLogEntry
from editorial.scheduler_lock import scheduler_lock
from news.models import ArticlePage
ids = {ids}
deadline = time.monotonic() + 120
result = None
while time.monotonic() < deadline:
    with scheduler_lock() as acquired:
        if acquired:
            result = {{
                "live": ArticlePage.objects.filter(pk__in=ids, live=True).count(),
                "logged": [
                    PageLogEntry.objects.filter(page_id=i, action="wagtail.publish.scheduled").count()
                    for i in ids
                ],
            }}
            if result["live"] == len(ids):
                break
    time.sleep(0.5)
print(json.dumps(result))
"""


def _schedule(stack, wait_until_due):
    """Twelve scheduled articles (SCHEDULE); returns their ids."""
    return _answer(
        stack, SCHEDULE.format(section=SECTION, token=uuid.uuid4().hex[:8], wait_until_due=wait_until_due)
    )


def test_several_schedulers_publish_each_scheduled_item_exactly_once(stack):
    ids = _schedule(stack, wait_until_due=True)
    time.sleep(1)
    # Four more schedulers at the same moment, beside the stack's own run_scheduler.
    runs = [stack.manage("publish_scheduled") for _ in range(4)]
    for run in runs:
        assert run.wait(timeout=180) == 0, run.stderr.read()[-2000:]
    result = _answer(stack, COUNT_PUBLICATIONS.format(ids=ids))
    assert result == {"live": 12, "logged": [1] * 12}


@pytest.fixture
def redis_cut(redis_proxy):
    redis_proxy.stop()
    yield redis_proxy
    redis_proxy.start()


def test_z_pages_are_served_while_redis_is_away_and_sharing_resumes(stack, redis_proxy):
    page_id = int(_answer(stack, FIRST_LIVE_ARTICLE))
    redis_proxy.stop()
    try:
        for path in ("/", SECTION, "/news/", "/feed/", "/search/?q=工会"):
            response = _get(stack.node_b + path)
            assert response.status_code == 200, (path, response.status_code)
        address = f"10.79.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
        # Degraded: no shared memory of who was counted, but no error either.
        assert _count_view(stack.node_b, page_id, address)["counted"] in (True, False)
        import requests

        looked_up = _lookup(requests.Session(), stack.node_b, address)
        assert looked_up.status_code in (404, 429)
    finally:
        redis_proxy.start()

    address = f"10.80.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"

    def shared_again():
        first = _count_view(stack.node_a, page_id, address)
        return first["counted"] is True and _count_view(stack.node_b, page_id, address)["counted"] is False

    assert stack.eventually(shared_again, 5.0)


HELD = """
import json, os, time
import psycopg
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision
from editorial.scheduler_lock import ADVISORY_KEY, scheduler_lock
from news.models import ArticlePage
ids = {ids}
# Another server's scheduler in the middle of its run: it holds the lock on its own connection.
holder = psycopg.connect(os.environ["DATABASE_URL"])
holder.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_KEY])
# Taken before the items fall due; then wait until they are due, and a few seconds more.
due = max(
    revision.approved_go_live_at
    for revision in Revision.page_revisions.filter(
        object_id__in=[str(i) for i in ids], approved_go_live_at__isnull=False
    )
)
time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 5)
call_command("publish_scheduled")
while_held = ArticlePage.objects.filter(pk__in=ids, live=True).count()
# Unlock explicitly: closing the connection releases the lock only when the server gets round to it.
holder.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
holder.close()
# Now a run publishes them: ours, or the stack's own scheduler if it takes the lock first; count
# only while holding the lock, so a run still publishing is waited for.
after = 0
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    call_command("publish_scheduled")
    with scheduler_lock() as acquired:
        if acquired:
            after = ArticlePage.objects.filter(pk__in=ids, live=True).count()
            if after == len(ids):
                break
    time.sleep(0.5)
print(json.dumps({{"while_held": while_held, "after": after}}))
"""


def test_a_scheduler_waits_while_another_holds_the_lock(stack):
    ids = _schedule(stack, wait_until_due=False)
    result = _answer(stack, HELD.format(ids=ids))
    # Due, but nobody published them while the lock was held (the stack's own scheduler included).
    assert result == {"while_held": 0, "after": 12}
