"""The public form: three steps without JavaScript, bad input, honeypot, rate limit, duplicates, receipt."""

import re

import pytest
from django.core import mail

from joining.models import RECEIPT_ALPHABET, Application, Status

from .conftest import WHO, WORK

pytestmark = pytest.mark.django_db


def receipt_code(response):
    found = re.search(
        r"joining-receipt__code\"><strong>([A-Z0-9]{4}-[A-Z0-9]{4})<", response.content.decode()
    )
    return found.group(1).replace("-", "") if found else None


def test_three_steps_without_javascript(
    client, site_root, tree, officers, notifications, django_capture_on_commit_callbacks
):
    page = client.get("/ruhui/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "第 1 步" in html and "不收集身份证号码" in html
    assert "身份证号" not in re.sub(r"<p class=\"lead\">.*?</p>", "", html, flags=re.S).replace(
        "不收集身份证号码", ""
    ).replace("实名入会", "")
    step2 = client.post("/ruhui/", {**WHO, "step": "1", "action": "next"})
    assert step2.status_code == 200 and "第 2 步：您的工作" in step2.content.decode()
    assert 'type="hidden" name="applicant_name" value="卓玛"' in step2.content.decode()
    step3 = client.post("/ruhui/", {**WHO, **WORK, "step": "2", "action": "next"})
    html3 = step3.content.decode()
    assert "第 3 步" in html3 and "请帮我匹配" in html3 and "城北区快递行业工会联合会（演示）" in html3
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/ruhui/", {**WHO, **WORK, "organisation": "XN-CB-KD", "consent": "on", "step": "3"}
        )
    assert done.status_code == 200
    code = receipt_code(done)
    application = Application.objects.get()
    assert application.receipt_code == code
    assert application.mobile == "13912345678" and application.name == "卓玛"
    assert application.organisation == tree["courier"] and application.status == Status.SUBMITTED
    assert (
        application.first_contact_due is not None and application.first_contact_due > application.created_at
    )
    assert "no-cache" in done["Cache-Control"] or "no-store" in done["Cache-Control"]
    # The officers above the organisation are told, without the applicant's personal data.
    officer_mails = {message.to[0] for message in mail.outbox}
    assert officer_mails == {"sheng@example.com", "xining@example.com", "chengbei@example.com"}
    assert "卓玛" not in mail.outbox[0].body and "13912345678" not in mail.outbox[0].body


def test_back_keeps_everything(client, site_root, tree):
    response = client.post("/ruhui/", {**WHO, **WORK, "step": "2", "action": "back"})
    html = response.content.decode()
    assert "第 1 步" in html and 'value="卓玛"' in html
    assert 'type="hidden" name="employer" value="某快递城北营业部"' in html


def test_receipt_codes_are_short_and_unambiguous(client, site_root, apply_data):
    client.post("/ruhui/", apply_data)
    code = Application.objects.get().receipt_code
    assert len(code) == 8 and set(code) <= set(RECEIPT_ALPHABET)
    assert not set(code) & set("01OIL5S2Z8BUV")


def test_qr_code_prefills_the_organisation(client, site_root, tree):
    html = client.get("/ruhui/", {"zuzhi": "XN-CB-KD"}).content.decode()
    assert 'name="organisation" value="XN-CB-KD"' in html and 'name="via_qr" value="1"' in html
    assert 'name="prefecture" value="西宁市"' in html
    step3 = client.post(
        "/ruhui/", {**WHO, **WORK, "organisation": "XN-CB-KD", "via_qr": "1", "step": "2", "action": "next"}
    ).content.decode()
    assert '<option value="XN-CB-KD" selected>' in step3 and "二维码进入" in step3
    bad = client.get("/ruhui/", {"zuzhi": "NOPE"}).content.decode()
    assert "二维码所指的工会组织不存在" in bad


def test_match_me_leaves_the_organisation_empty(client, site_root, apply_data):
    client.post("/ruhui/", {**apply_data, "organisation": "match"})
    assert Application.objects.get().organisation is None


@pytest.mark.parametrize(
    "changes, step, message",
    [
        ({"mobile": "12345"}, 1, "11 位中国大陆手机号码"),
        ({"applicant_name": ""}, 1, "请填写姓名"),
        ({"applicant_name": "卓" * 31}, 1, "内容过长"),
        ({"gender": "other"}, 1, "请从列表中选择性别"),
        ({"employer": "630102199001011234"}, 2, "请不要填写身份证号码"),
        ({"county": "格尔木市"}, 2, "格尔木市不在西宁市"),
        ({"prefecture": "北京市"}, 2, "请从列表中选择工作所在市州"),
        ({"organisation": "NOPE"}, 3, "所选的工会组织不存在或暂不接受网上入会"),
        ({"organisation": "XN-CB-G1"}, 3, "所选的工会组织不存在或暂不接受网上入会"),
        ({"consent": ""}, 3, "请阅读隐私声明并勾选同意"),
    ],
)
def test_bad_input_is_a_400_with_a_chinese_message_and_the_typed_values_kept(
    client, site_root, apply_data, changes, step, message
):
    response = client.post("/ruhui/", {**apply_data, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f"第 {step} 步" in html
    assert "卓玛" in html or changes.get("applicant_name") is not None
    assert "某快递城北营业部" in html or "employer" in changes
    assert Application.objects.count() == 0


def test_no_id_number_field_anywhere():
    names = {field.name for field in Application._meta.get_fields()}
    assert not {"id_number", "id_card", "identity", "shenfenzheng"} & names


def test_honeypot_stores_nothing_and_looks_like_success(client, site_root, apply_data):
    response = client.post("/ruhui/", {**apply_data, "website_url": "http://spam.example"})
    assert response.status_code == 200 and "回执码" in response.content.decode()
    assert Application.objects.count() == 0


def test_rate_limit_per_address(client, site_root, apply_data, settings):
    settings.JOINING_RATE_LIMIT = 2
    for index in range(2):
        client.post("/ruhui/", {**apply_data, "mobile": f"1391234567{index}"})
    response = client.post("/ruhui/", {**apply_data, "mobile": "13912345679"})
    assert response.status_code == 429
    assert "过于频繁" in response.content.decode() and 'value="卓玛"' in response.content.decode()
    assert Application.objects.count() == 2
    other = client.post("/ruhui/", {**apply_data, "mobile": "13912345670"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_duplicate_shows_the_existing_receipt(client, site_root, apply_data):
    first = receipt_code(client.post("/ruhui/", apply_data))
    again = client.post("/ruhui/", {**apply_data, "employer": "另一家公司"})
    assert again.status_code == 200
    assert "您已经提交过申请" in again.content.decode()
    assert receipt_code(again) == first
    assert Application.objects.count() == 1


def test_duplicate_with_another_name_does_not_reveal_the_receipt(client, site_root, apply_data):
    first = receipt_code(client.post("/ruhui/", apply_data))
    again = client.post("/ruhui/", {**apply_data, "applicant_name": "张三"})
    assert "已有一份正在办理的入会申请" in again.content.decode()
    assert first not in again.content.decode() and receipt_code(again) is None
    assert Application.objects.count() == 1


def test_a_closed_application_does_not_block_a_new_one(client, site_root, apply_data):
    client.post("/ruhui/", apply_data)
    Application.objects.update(status=Status.REJECTED)
    client.post("/ruhui/", apply_data)
    assert Application.objects.count() == 2
