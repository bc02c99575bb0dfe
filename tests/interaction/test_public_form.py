"""The public message form: receipt, kept input, honeypot, rate limits, duplicates, attachments."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import ModelLogEntry

from interaction.models import Attachment, Message, Status

pytestmark = pytest.mark.django_db

SUBMIT = "/hudong/liuyan/"


def form_data(**overrides):
    data = {
        "category": "wages",
        "region": "xining",
        "title": "工地拖欠三个月工资",
        "description": "我在城北区一个工地干活，老板拖欠了三个月工资，一共两万元。",
        "name": "张三",
        "mobile": "139 1234 5678",
        "publish_consent": "on",
        "privacy_consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_form_is_linked_from_every_page_with_12351(client, site_root):
    html = client.get("/").content.decode()
    assert 'href="/hudong/liuyan/"' in html
    assert "12351" in html


def test_a_worker_submits_and_gets_a_receipt_code(client, xining_handler, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("interaction:receipt")
    message = Message.objects.get()
    assert message.mobile == "13912345678"
    assert message.status == Status.SUBMITTED
    assert message.publish_consent
    assert len(message.code) == 10 and not set(message.code) & set("01IOL")
    page = client.get(response["Location"]).content.decode()
    assert message.code in page
    # The region's handler hears of it through the notification channel, without personal data.
    assert len(mail.outbox) == 1
    assert message.code in mail.outbox[0].subject
    assert "13912345678" not in mail.outbox[0].body and "张三" not in mail.outbox[0].body
    assert ModelLogEntry.objects.for_instance(message).filter(action="interaction.submitted").exists()


def test_errors_keep_everything_typed_and_ask_to_choose_attachments_again(client):
    upload = SimpleUploadedFile("gongzi.png", png_bytes(), content_type="image/png")
    response = client.post(SUBMIT, form_data(mobile="12345", attachments=upload))
    assert response.status_code == 400
    html = response.content.decode()
    assert "请填写 11 位中国大陆手机号码" in html
    assert "工地拖欠三个月工资" in html
    assert "老板拖欠了三个月工资" in html
    assert "请重新选择附件" in html
    assert not Message.objects.exists()


def test_missing_fields_are_named_in_chinese(client):
    response = client.post(SUBMIT, {"privacy_consent": ""})
    html = response.content.decode()
    assert response.status_code == 400
    for text in ("请选择留言类别", "请选择所在地区", "请填写“标题”", "请填写手机号码", "请阅读隐私声明"):
        assert text in html


def test_honeypot_answers_like_success_and_stores_nothing(client):
    response = client.post(SUBMIT, form_data(website_url="http://spam.example"))
    assert response.status_code == 200
    assert "受理编号" in response.content.decode()
    assert not Message.objects.exists()


def test_rate_limit_per_address(client, settings):
    settings.INTERACTION_RATE_LIMIT = 2
    for number in range(2):
        client.post(SUBMIT, form_data(title=f"问题 {number}"))
    response = client.post(SUBMIT, form_data(title="第三个问题"))
    assert response.status_code == 429
    assert "第三个问题" in response.content.decode()  # typed text kept
    window = settings.INTERACTION_RATE_WINDOW
    assert window - 10 <= int(response["Retry-After"]) <= window
    assert f"请在 {window // 60} 分钟后再试" in response.content.decode()
    assert Message.objects.count() == 2
    # Another address is not affected.
    assert client.post(SUBMIT, form_data(title="别人的问题"), REMOTE_ADDR="203.0.113.5").status_code == 302


def test_limit_per_mobile_per_day_counts_only_saved_messages(client, settings):
    settings.INTERACTION_MOBILE_DAILY_LIMIT = 2
    # An invalid post does not use up the mobile's allowance.
    client.post(SUBMIT, form_data(title=""), REMOTE_ADDR="203.0.113.1")
    for number in range(2):
        assert (
            client.post(
                SUBMIT, form_data(title=f"问题 {number}"), REMOTE_ADDR=f"203.0.113.{number + 2}"
            ).status_code
            == 302
        )
    response = client.post(SUBMIT, form_data(title="又一个问题"), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "这个手机号码今天已经提交了 2 条留言" in response.content.decode()
    # Until the mobile's allowance starts again: local midnight.
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    assert abs(int(response["Retry-After"]) - (midnight - now).total_seconds()) <= 10
    assert Message.objects.count() == 2


def test_the_same_message_twice_within_minutes_shows_the_first_receipt(client):
    client.post(SUBMIT, form_data())
    first = Message.objects.get()
    response = client.post(SUBMIT, form_data(description=form_data()["description"] + "  "), follow=True)
    assert Message.objects.count() == 1
    html = response.content.decode()
    assert first.code in html
    assert "已经提交过相同的留言" in html


def test_a_png_that_is_really_html_is_refused(client):
    fake = SimpleUploadedFile(
        "zhengju.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )
    response = client.post(SUBMIT, form_data(attachments=fake))
    assert response.status_code == 400
    assert "不是图片（PNG、JPG）或 PDF 文件" in response.content.decode()
    assert not Message.objects.exists()


def test_a_truncated_png_is_refused(client):
    broken = SimpleUploadedFile("zhengju.png", png_bytes()[:40], content_type="image/png")
    response = client.post(SUBMIT, form_data(attachments=broken))
    assert response.status_code == 400
    assert "不是有效的图片" in response.content.decode()


def test_too_many_pixels_and_too_many_files_are_refused(client, settings):
    settings.INTERACTION_IMAGE_MAX_PIXELS = 100
    big = SimpleUploadedFile("big.png", png_bytes((20, 20)), content_type="image/png")
    assert "图片尺寸过大" in client.post(SUBMIT, form_data(attachments=big)).content.decode()
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4\n%%EOF\n") for n in range(4)]
    assert "最多上传 3 个附件" in client.post(SUBMIT, form_data(attachments=files)).content.decode()


def test_attachments_are_stored_outside_media_by_detected_type(client, settings):
    image = SimpleUploadedFile("我的证据.jpg", png_bytes(), content_type="image/jpeg")  # really a PNG
    pdf = SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n1 0 obj\n%%EOF\n", content_type="application/pdf")
    assert client.post(SUBMIT, form_data(attachments=[image, pdf])).status_code == 302
    stored = list(Attachment.objects.order_by("pk"))
    assert [a.content_type for a in stored] == ["image/png", "application/pdf"]
    assert stored[0].original_name == "我的证据.jpg"
    assert re.fullmatch(r"interaction/\d{4}/\d{2}/[0-9a-f]{32}\.png", stored[0].file.name)
    path = Path(stored[0].file.path)
    assert path.is_file()
    assert Path(settings.INTERACTION_PRIVATE_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents
    with pytest.raises(ValueError):
        stored[0].file.url  # noqa: B018


def test_a_failing_mail_server_does_not_fail_the_worker(
    client, xining_handler, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.interaction.test_public_form.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, form_data())
    assert response.status_code == 302
    assert Message.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")
