"""The whole run: wording rescan, rendering, the lock and resuming, alerts, scorecard, digest,
annual report and /healthz."""

import datetime
import io
import os

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from editorial.models import GlossaryEntry
from inspection import indicators, lock, report
from inspection.models import InspectionRun, LinkResult, WordingHit
from inspection.run import inspect_site
from tests.factories import ArticleFactory, NewsSectionFactory, local_datetime
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db


def test_a_new_glossary_word_is_found_in_old_content_at_once(
    site_root, settings, site_admin, django_capture_on_commit_callbacks
):
    settings.INSPECTION_RESCAN_ON_GLOSSARY = "sync"
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    old = ArticleFactory(parent=section, days_ago=400, paragraphs=["深入开展扫黑险恶专项斗争。"])
    assert not WordingHit.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryEntry.objects.create(kind=GlossaryEntry.KIND_PREFERRED, term="扫黑除恶", variants="扫黑险恶")
    hit = WordingHit.objects.get()
    assert (hit.page_id, hit.text, hit.serious, hit.fixed_at) == (old.pk, "扫黑险恶", True, None)
    # Serious hits on published content alert the 站点管理员 at once, once.
    assert [m.to for m in mail.outbox] == [["zhanzhang@example.cn"]]
    assert "扫黑险恶" in mail.outbox[0].body
    inspect_site(render=False, external=False)
    assert len([m for m in mail.outbox if "严重用语错误" in m.subject]) == 1
    # Fixed in the content: the hit is closed on the next scan.
    old.body = [
        ("paragraph", __import__("wagtail.rich_text", fromlist=["RichText"]).RichText("<p>扫黑除恶。</p>"))
    ]
    old.save_revision().publish()
    inspect_site(render=False, external=False)
    assert WordingHit.objects.get().fixed_at is not None


def test_pages_answering_5xx_are_found(site_root, monkeypatch):
    from news.models import ArticlePage

    section = NewsSectionFactory(parent=site_root)
    ArticleFactory(parent=section, days_ago=1, title="正常页面")
    broken = ArticleFactory(parent=section, days_ago=1, title="出错页面")
    original = ArticlePage.get_context

    def failing(self, request, *args, **kwargs):
        if self.pk == broken.pk:
            raise RuntimeError("boom")
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "get_context", failing)
    run = inspect_site(external=False)
    assert run.summary["render_errors"] == [{"page_id": broken.pk, "title": "出错页面", "status": 500}]
    render_row = next(r for r in run.summary["scorecard"] if r["key"] == "render")
    assert render_row["colour"] == "red"


def test_two_runs_at_once_are_refused(site_root):
    lock.acquire()
    with pytest.raises(CommandError, match="另一个巡查正在进行"):
        call_command("inspect_site", "--no-render", "--no-external")
    lock.release()
    call_command("inspect_site", "--no-render", "--no-external", stdout=io.StringIO())
    assert InspectionRun.objects.get().state == InspectionRun.DONE


def test_a_stale_lock_from_a_dead_run_is_taken_over(site_root):
    lock.acquire()
    from inspection.models import InspectionLock

    InspectionLock.objects.update(acquired_at=timezone.now() - datetime.timedelta(hours=7))
    inspect_site(render=False, external=False)  # no Locked raised


def test_an_interrupted_run_resumes_where_it_stopped(site_root, monkeypatch):
    from inspection import run as run_module

    section = NewsSectionFactory(parent=site_root)
    for _ in range(5):
        ArticleFactory(parent=section, days_ago=1)
    monkeypatch.setattr(run_module, "BATCH", 2)
    calls = {"n": 0}
    original = run_module._store_links

    def interrupted(items, now=None):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return original(items)

    monkeypatch.setattr(run_module, "_store_links", interrupted)
    with pytest.raises(KeyboardInterrupt):
        inspect_site(render=False, external=False)
    first = InspectionRun.objects.get()
    assert first.state == InspectionRun.RUNNING and first.checkpoint > 0
    done_before = first.summary["pages"]
    monkeypatch.setattr(run_module, "_store_links", original)
    finished = inspect_site(render=False, external=False)
    assert finished.pk == first.pk and finished.state == InspectionRun.DONE
    # home + section + 5 articles, each once.
    assert finished.summary["pages"] == 7 and done_before == 2


def test_an_unanswered_message_over_three_months_is_a_veto(site_root):
    now = timezone.now()
    make_message(created_at=now - datetime.timedelta(days=80))
    veto = next(r for r in indicators.scorecard_data(now=now) if r["key"] == "messages_unanswered")
    assert veto["colour"] != "red"
    assert (
        veto["red_on"]
        == (timezone.localdate(now - datetime.timedelta(days=80)) + datetime.timedelta(days=90)).isoformat()
    )
    make_message(created_at=now - datetime.timedelta(days=100))
    veto = next(r for r in indicators.scorecard_data(now=now) if r["key"] == "messages_unanswered")
    assert veto["colour"] == "red" and veto["figure"] == "1 件"
    # Vetoes come first in the scorecard.
    rows = indicators.scorecard_data(now=now)
    assert [r["veto"] for r in rows] == sorted([r["veto"] for r in rows], reverse=True)


def test_a_veto_turning_red_emails_once_and_the_digest_lists_every_row(site_root, site_admin):
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    ArticleFactory(parent=section, days_ago=20)
    inspect_site(render=False, external=False)
    alerts = [m for m in mail.outbox if "单项否决指标变红" in m.subject]
    assert len(alerts) == 1 and "首页更新" in alerts[0].body
    inspect_site(render=False, external=False)
    assert len([m for m in mail.outbox if "单项否决指标变红" in m.subject]) == 1
    mail.outbox.clear()
    call_command("inspection_digest", stdout=io.StringIO())
    (digest,) = mail.outbox
    assert digest.to == ["zhanzhang@example.cn"] and "周报" in digest.subject
    assert "[红] 首页更新（单项否决）" in digest.body
    assert "[绿] 失效链接和附件（扣分项）：0 个" in digest.body


def test_scorecard_is_for_site_admins_and_shows_the_data(site_root, site_admin, client, django_user_model):
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    ArticleFactory(parent=section, days_ago=10)
    writer = django_user_model.objects.create_user("xiaogao", password="x")
    from django.contrib.auth.models import Permission

    writer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(writer)
    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    refused = client.get("/admin/inspection/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    client.force_login(site_admin)
    site_admin.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get("/admin/inspection/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "站点巡查" in text and "首页更新" in text and "单项否决" in text
    stale_on = (timezone.localdate() - datetime.timedelta(days=10) + datetime.timedelta(days=15)).isoformat()
    assert stale_on in text
    for name in ("sections", "links", "wording", "annual"):
        assert client.get(f"/admin/inspection/{name}/").status_code == 200


def test_dashboard_keeps_one_section_panel(site_root, site_admin, client):
    from django.contrib.auth.models import Permission

    site_admin.user_permissions.add(Permission.objects.get(codename="access_admin"))
    NewsSectionFactory(parent=site_root, title="空的栏目")
    client.force_login(site_admin)
    text = client.get("/admin/").content.decode()
    assert "栏目更新提醒" in text and "空的栏目" in text
    assert "超过 14 天未更新的栏目" not in text


def test_annual_report_figures_equal_independent_counts(site_root, site_admin, client):
    year = timezone.localdate().year - 1
    news = NewsSectionFactory(parent=site_root, title="工会要闻")
    notices = NewsSectionFactory(parent=site_root, title="通知公告", column_type="通知公告")
    for month in (1, 3, 3, 7):
        ArticleFactory(parent=news, display_date=local_datetime(year, month, 10))
    ArticleFactory(parent=notices, display_date=local_datetime(year, 2, 1))
    ArticleFactory(parent=news, display_date=local_datetime(year - 1, 12, 30))  # the year before
    LinkResult.objects.create(
        target="a",
        target_hash="a",
        state="broken",
        first_broken_at=local_datetime(year, 5, 1),
        fixed_at=local_datetime(year, 6, 1),
    )
    LinkResult.objects.create(
        target="b", target_hash="b", state="broken", first_broken_at=local_datetime(year, 8, 1)
    )
    WordingHit.objects.create(
        source_key="page:1",
        source="x",
        field="正文",
        rule="规范用语",
        text="扫黑险恶",
        found_at=local_datetime(year, 4, 1),
    )
    answered = make_message(created_at=local_datetime(year, 3, 1))
    answered.answered_at = local_datetime(year, 3, 5)
    answered.status = "answered"
    answered.save()
    make_message(created_at=local_datetime(year, 4, 1))
    figures = report.annual_figures(year)
    assert figures["total_items"] == 5
    by_section = {r["section"]: r for r in figures["sections"]}
    assert by_section["工会要闻"]["items"] == 4 and by_section["通知公告"]["items"] == 1
    # 工会要闻: items on 1-10, 3-10 and 7-10 (plus 30 Dec the year before) each keep it fresh for 15 days.
    days_in_year = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days
    covered = 24 + 15 + 15  # 1-1..1-24 (30 Dec and 10 Jan), 3-10..3-24, 7-10..7-24
    assert by_section["工会要闻"]["rate"] == round(100 * covered / days_in_year, 1)
    assert (figures["links_found"], figures["links_fixed"]) == (2, 1)
    assert (figures["wording_found"], figures["wording_fixed"]) == (1, 0)
    assert (figures["messages_received"], figures["messages_answered"]) == (2, 1)
    assert figures["messages_median_days"] == 4.0

    from django.contrib.auth.models import Permission

    site_admin.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(site_admin)
    response = client.get(f"/admin/inspection/annual/?year={year}&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content))["概况"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert values["全年发布信息（条）"] == 5 and values["收到留言（件）"] == 2
    response = client.post("/admin/inspection/annual/", {"year": year})
    from home.models import StandardPage

    page = StandardPage.objects.get(slug=f"annual-report-{year}")
    assert page.live is False and page.get_parent().pk == site_root.pk
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{page.pk}/edit/")
    # Generating again revises the same draft.
    client.post("/admin/inspection/annual/", {"year": year})
    assert StandardPage.objects.filter(slug=f"annual-report-{year}").count() == 1


def test_healthz_answers_200_without_cookies_or_caching(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_cache_fails(client, db, monkeypatch):
    from inspection import views

    class DownCache:
        def set(self, *args, **kwargs):
            raise ConnectionError("redis down")

    monkeypatch.setattr(views, "cache", DownCache())
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["failed"] == ["cache"]


def test_a_burst_of_glossary_saves_starts_one_background_rescan(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from inspection import signals

    settings.INSPECTION_RESCAN_ON_GLOSSARY = "thread"
    started = []

    class FakeThread:
        def __init__(self, target, daemon):
            started.append(target)

        def start(self):
            pass

    monkeypatch.setattr(signals.threading, "Thread", FakeThread)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            GlossaryEntry.objects.create(kind=GlossaryEntry.KIND_BANNED, variants=f"禁用词{n}")
    assert len(started) == 1
    signals._pending.release()  # what the thread does once it starts


def test_the_public_channels_are_opened_and_a_broken_message_form_is_a_veto(site_root, monkeypatch):
    run = inspect_site(external=False)
    rows = {r["key"]: r for r in run.summary["scorecard"]}
    assert rows["channel_messages"]["colour"] == "green" and rows["channel_messages"]["veto"] is True
    assert rows["channel_search"]["colour"] == "green"

    def broken(request):
        raise RuntimeError("form down")

    import interaction.urls

    # The message form's view (hudong/liuyan/) fails.
    monkeypatch.setattr(interaction.urls.urlpatterns[0], "callback", broken)
    run = inspect_site(external=False)
    rows = {r["key"]: r for r in run.summary["scorecard"]}
    assert rows["channel_messages"]["colour"] == "red" and "HTTP 500" in rows["channel_messages"]["figure"]


def test_a_lock_left_by_a_dead_process_on_this_machine_is_taken_over(db):
    import socket
    import subprocess

    from inspection.models import InspectionLock

    dead_pid = subprocess.Popen(["true"])  # a process id that no longer runs
    dead_pid.wait()
    InspectionLock.objects.create(name="inspect_site", holder=f"{socket.gethostname()}:{dead_pid.pid}")
    lock.acquire()  # not Locked
    assert InspectionLock.objects.get().holder.endswith(f":{os.getpid()}")
    lock.release()
    # A live holder keeps it.
    InspectionLock.objects.create(name="inspect_site", holder=f"{socket.gethostname()}:1")
    with pytest.raises(lock.Locked):
        lock.acquire()
