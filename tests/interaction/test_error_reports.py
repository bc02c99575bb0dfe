"""我为网站找错: linked from every page with the page filled in, a 3-working-day deadline,
the site administrators' queue, and a lookup of the answer."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from interaction.groups import SITE_ADMIN_GROUP, ensure_groups
from interaction.models import ErrorReport, ErrorStatus

pytestmark = pytest.mark.django_db

REPORT = "/hudong/zhaocuo/"


def test_every_page_links_the_form_and_it_fills_in_the_page(client, site_root):
    html = client.get("/").content.decode()
    assert 'href="/hudong/zhaocuo/"' in html
    form = client.get(REPORT, HTTP_REFERER="http://testserver/news/2025/").content.decode()
    assert 'value="/news/2025/"' in form
    # Another site's address is not taken from the Referer.
    assert "evil.example" not in client.get(REPORT, HTTP_REFERER="http://evil.example/x").content.decode()


def test_a_report_gets_a_code_a_deadline_and_an_answer(client, settings):
    response = client.post(
        REPORT,
        {
            "page_url": "http://testserver/news/a/?x=1",
            "kind": "typo",
            "description": "“劳动和同”应为“劳动合同”。",
        },
    )
    assert response.status_code == 302
    error = ErrorReport.objects.get()
    assert error.page_url == "/news/a/?x=1"
    assert error.due is not None and error.status == ErrorStatus.SUBMITTED
    assert error.code in client.get(response["Location"]).content.decode()

    admin = get_user_model().objects.create_user("zhandian")
    admin.groups.add(ensure_groups()[SITE_ADMIN_GROUP])
    client.force_login(admin)
    assert error.code in client.get("/admin/interaction/errors/").content.decode()
    client.post(f"/admin/interaction/errors/{error.pk}/answer/", {"answer": "已改正，谢谢。"})
    error.refresh_from_db()
    assert error.status == ErrorStatus.ANSWERED and error.answered_by == admin
    assert ModelLogEntry.objects.for_instance(error).filter(action="interaction.error_answered").exists()

    client.logout()
    html = client.post("/hudong/zhaocuo/chaxun/", {"code": error.code.lower()}).content.decode()
    assert "已改正，谢谢。" in html


def test_looking_up_answers_shares_the_message_lookups_limit_and_says_when_to_retry(client, settings):
    settings.INTERACTION_LOOKUP_RATE_LIMIT = 2
    settings.INTERACTION_LOOKUP_RATE_WINDOW = 300
    client.post("/hudong/chaxun/", {"code": "ABCDEFGHJK", "mobile": "13912345678"})
    client.post("/hudong/zhaocuo/chaxun/", {"code": "ABCDEFGHJK"})
    response = client.post("/hudong/zhaocuo/chaxun/", {"code": "ABCDEFGHJK"})
    assert response.status_code == 429
    # The rest of the 5-minute window that began with the first look-up.
    assert 290 <= int(response["Retry-After"]) <= 300
    html = response.content.decode()
    assert "查询过于频繁，请在 5 分钟后再试" in html and 'value="ABCDEFGHJK"' in html


def test_too_many_reports_keep_the_text_and_say_when_to_retry(client, settings):
    settings.INTERACTION_RATE_LIMIT = 1
    settings.INTERACTION_RATE_WINDOW = 600
    report = {"page_url": "/", "kind": "typo", "description": "“劳动和同”应为“劳动合同”。"}
    client.post(REPORT, report)
    response = client.post(REPORT, {**report, "description": "第二处错别字"})
    assert response.status_code == 429
    assert 590 <= int(response["Retry-After"]) <= 600
    html = response.content.decode()
    assert "提交过于频繁，请在 10 分钟后再试" in html and "第二处错别字" in html
    assert ErrorReport.objects.count() == 1


def test_queue_needs_the_permission(client, xining_handler):
    client.force_login(xining_handler)
    assert client.get("/admin/interaction/errors/").status_code in (302, 403)


def test_bad_input_and_honeypot(client):
    response = client.post(REPORT, {"page_url": "javascript:alert(1)", "kind": "", "description": "x" * 1200})
    html = response.content.decode()
    assert response.status_code == 400
    assert "请填写本网站页面的网址" in html and "请选择问题类型" in html and "内容过长" in html
    client.post(REPORT, {"page_url": "/", "kind": "typo", "description": "x", "website_url": "spam"})
    assert not ErrorReport.objects.exists()


def test_overdue_reports_remind_the_site_administrators():
    import datetime

    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    admin = get_user_model().objects.create_user("zhandian", email="zhandian@example.cn")
    admin.groups.add(ensure_groups()[SITE_ADMIN_GROUP])
    error = ErrorReport.objects.create(page_url="/", kind="link", description="链接打不开")
    ErrorReport.objects.filter(pk=error.pk).update(due=timezone.now() - datetime.timedelta(hours=1))
    call_command("interaction_reminders")
    reminder = next(message for message in mail.outbox if message.to == ["zhandian@example.cn"])
    assert error.code in reminder.body and "已超期" in reminder.body
